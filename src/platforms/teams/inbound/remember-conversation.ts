import type { CoreContext } from "../../../core/context.js";
import { retryWhenReachable } from "../../../app/retry-when-reachable.js";
import { type InboundActivity, isPersonal, tenantOf } from "./activity.js";
import { channelAddress, conversationIdOf, senderAddress } from "../addresses.js";
import type { ReferenceBook } from "../deliver/conversation-references.js";

function botWasRemoved(activity: InboundActivity): boolean {
  if (activity.type === "installationUpdate")
    return activity.action === "remove" || activity.action === "remove-upgrade";
  return (
    activity.type === "conversationUpdate" &&
    (activity.membersRemoved ?? []).some((member) => member.id === activity.recipient.id)
  );
}

// A personal chat is learned only from a conversation Teams calls personal; a person reachable for the first time
// gets what could not reach them before, while it is still open.
/** Keeps the conversation of each person, channel or group chat Cohesion can reach; forgets it when the app is removed. */
export async function rememberConversation(
  book: ReferenceBook,
  activity: InboundActivity,
  ctx: CoreContext,
): Promise<void> {
  const personal = isPersonal(activity);
  const address = personal ? senderAddress(activity) : channelAddress(activity);
  if (!address) return;
  if (botWasRemoved(activity)) return book.forget(address);
  const tenantId = tenantOf(activity);
  const firstTime = personal && (await book.find(address)) === undefined;
  await book.remember(address, {
    serviceUrl: activity.serviceUrl,
    conversationId: personal ? activity.conversation.id : conversationIdOf(activity),
    kind: personal ? "personal" : activity.conversation.conversationType === "groupChat" ? "groupChat" : "channel",
    botId: activity.recipient.id,
    ...(tenantId ? { tenantId } : {}),
    ...(personal && activity.from.name ? { name: activity.from.name } : {}),
    ...(personal ? { userId: activity.from.id } : {}),
  });
  // Putting back what failed before must never cost what the person is sending now.
  if (firstTime)
    await retryWhenReachable(ctx, address).catch((error: unknown) =>
      ctx.logger.warn(
        { code: "teams-retry-reachable-failed", error: (error as Error).name },
        "Earlier deliveries not put back",
      ),
    );
}
