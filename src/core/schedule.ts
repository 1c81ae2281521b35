import type { Address } from "../kernel/address.js";
import type { CoreContext } from "./context.js";
import type { Group } from "./setup/group.js";
import { listSessions } from "./groups/index.js";
import { addHours, isWithin } from "../kernel/time.js";
import type { Message } from "../kernel/message.js";
import type { AuditAction } from "./privacy/index.js";
import type { Delivery, DeliveryKind, GroupState, Prompt } from "./state.js";

/** What a delivery becomes at send time: a message, and the prompt it carries if any. */
export interface Rendered {
  readonly message: Message;
  readonly prompt?: { readonly id: string; readonly prompt: Prompt };
}

/** A job the bot does by itself: what is due in (from, to], and what each due item becomes. */
export interface Schedule {
  readonly kind: DeliveryKind;
  /** Written to the group's audit log, in the same update, each time one of its deliveries is sent. */
  readonly audit?: AuditAction;
  /** Deliveries for one group whose due instant lies in (from, to]. */
  due(ctx: CoreContext, group: Group, state: Readonly<GroupState>, from: Date, to: Date): Delivery[];
  /** Whether its recipient still wants a delivery now; one they do not is left unclaimed, to go out if they want it again while it is useful. */
  wanted?(state: Readonly<GroupState>, delivery: Delivery): boolean;
  /** Records in the group's state what sending one of its deliveries means, in the same update that marks it sent at `at`. */
  onSent?(state: GroupState, delivery: Delivery, at: Date): void;
  /** The message a delivery becomes when it is sent at `now` (a promise when it draws a chart). */
  render(
    ctx: CoreContext,
    group: Group,
    state: Readonly<GroupState>,
    delivery: Delivery,
    now: Date,
  ): Rendered | Promise<Rendered>;
}

/** What a delivery is: its kind and group, the session it belongs to, who receives it, when it is due and stops being useful, and the member it is about if any. */
export interface DeliveryParts {
  readonly kind: DeliveryKind;
  readonly group: Group;
  readonly session: number;
  readonly recipient: Address;
  readonly dueAt: Date;
  readonly expiresAt: Date;
  readonly about?: Address;
}

/** A delivery with its deterministic key `<kind>:<group>:<session>:<recipient>`, plus `:<about>` when it is about a member. */
export function makeDelivery({ kind, group, session, recipient, dueAt, expiresAt, about }: DeliveryParts): Delivery {
  return {
    key: `${kind}:${group.id}:${session}:${recipient}${about ? `:${about}` : ""}`,
    kind,
    groupId: group.id,
    recipient,
    session,
    dueAt: dueAt.toISOString(),
    expiresAt: expiresAt.toISOString(),
    ...(about ? { about } : {}),
  };
}

/** What beforeEachSession needs: the kind, the group, how many hours before each session, to whom, and the sweep's window. */
export interface BeforeSessions {
  readonly kind: DeliveryKind;
  readonly group: Group;
  readonly hoursBefore: number;
  readonly recipients: readonly Address[];
  readonly from: Date;
  readonly to: Date;
}

/** One delivery per recipient `hoursBefore` each session that is not cancelled, due in (from, to] and useless once it starts. */
export function beforeEachSession({ kind, group, hoursBefore, recipients, from, to }: BeforeSessions): Delivery[] {
  return listSessions(group, addHours(to, hoursBefore))
    .filter((session) => !session.cancelled && isWithin(addHours(session.startsAt, -hoursBefore), from, to))
    .flatMap((session) =>
      recipients.map((recipient) =>
        makeDelivery({
          kind,
          group,
          session: session.number,
          recipient,
          dueAt: addHours(session.startsAt, -hoursBefore),
          expiresAt: session.startsAt,
        }),
      ),
    );
}
