import { platformOf, type Address, type Platform } from "../kernel/address.js";
import { DeliveryError } from "../kernel/errors.js";
import type { Form, Message } from "../kernel/message.js";
import type { DeliveryTag, Messenger } from "../kernel/ports.js";

/** One Messenger over every running platform, choosing by the address's prefix. */
export function routeByPlatform(platforms: ReadonlyMap<Platform, Messenger>): Messenger {
  function pick(to: Address): Messenger {
    const messenger = platforms.get(platformOf(to));
    if (!messenger) throw new DeliveryError("platform-not-running", false);
    return messenger;
  }
  return {
    send: (to: Address, message: Message, tag?: DeliveryTag) =>
      Promise.resolve().then(() => pick(to).send(to, message, tag)),
    openForm: (to: Address, form: Form) => Promise.resolve().then(() => pick(to).openForm(to, form)),
  };
}
