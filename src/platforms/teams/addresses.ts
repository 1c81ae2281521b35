import { addressSchema, type Address } from "../../kernel/address.js";
import { isPersonal, type InboundActivity } from "./inbound/activity.js";

/** The Teams id a person is configured by: their Microsoft Entra (AAD) object id, else their Bot Framework id (local tools). */
export function personId(account: { id: string; aadObjectId?: string | undefined }): string {
  return account.aadObjectId ?? account.id;
}

/** The conversation an activity belongs to, without the thread suffix Teams adds to channel replies. */
export function conversationIdOf(activity: InboundActivity): string {
  return activity.channelData?.channel?.id ?? activity.conversation.id.replace(/;messageid=.*$/, "");
}

/** The address of the person who sent an activity, or undefined if their id cannot be an address. */
export function senderAddress(activity: InboundActivity): Address | undefined {
  return asAddress(personId(activity.from));
}

/** The address of the channel or group chat an activity was sent in; undefined in a personal chat. */
export function channelAddress(activity: InboundActivity): Address | undefined {
  return isPersonal(activity) ? undefined : asAddress(conversationIdOf(activity));
}

function asAddress(id: string): Address | undefined {
  const parsed = addressSchema.safeParse(`teams:${id}`);
  return parsed.success ? parsed.data : undefined;
}
