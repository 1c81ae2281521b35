import { z } from "zod";
import { localPart, type Address } from "../../../kernel/address.js";
import type { Clock, Logger } from "../../../kernel/ports.js";
import type { Store } from "../../../core/store.js";

/** What a proactive message to one person or channel needs: where Teams is, and which conversation. */
export const conversationReferenceSchema = z.strictObject({
  serviceUrl: z.url({ protocol: /^https?$/ }),
  conversationId: z.string().min(1),
  kind: z.enum(["personal", "channel", "groupChat"]),
  botId: z.string().min(1),
  tenantId: z.string().optional(),
  /** The person's display name as Teams gave it, for mentions shown to leads. */
  name: z.string().optional(),
  /** In a personal chat, the person's Bot Framework id (`29:…`), which is how @mentions name them. */
  userId: z.string().min(1).optional(),
  updatedAt: z.iso.datetime(),
});

/** A stored conversation reference. */
export type ConversationReference = z.infer<typeof conversationReferenceSchema>;

const storedSchema = z.record(z.string(), z.unknown());

/**
 * The conversation references Teams gave us (on installation, conversation updates and messages),
 * kept in the organisation document under `platformData.teams.conversations`, keyed by the
 * address's id. Entries that fail validation are treated as missing.
 */
export function createReferenceBook(store: Store, clock: Clock, logger: Logger) {
  async function all(): Promise<Record<string, unknown>> {
    const organisation = await store.readOrganisation();
    const parsed = storedSchema.safeParse(organisation.platformData?.teams?.conversations ?? {});
    if (!parsed.success) logger.warn({ code: "teams-conversations-unreadable" }, "stored Teams conversations ignored");
    return parsed.success ? parsed.data : {};
  }

  /** The reference for an address, if Teams has told us one. */
  async function find(address: Address): Promise<ConversationReference | undefined> {
    const stored = (await all())[localPart(address)];
    if (stored === undefined) return undefined;
    const parsed = conversationReferenceSchema.safeParse(stored);
    if (!parsed.success) logger.warn({ code: "teams-conversation-invalid" }, "stored Teams conversation ignored");
    return parsed.success ? parsed.data : undefined;
  }

  /** The Cohesion id (Entra object id) of the person whose personal chat has this Bot Framework id, if Teams has told us. */
  async function personWithUserId(userId: string): Promise<string | undefined> {
    const found = Object.entries(await all()).find(([, stored]) => {
      const parsed = conversationReferenceSchema.safeParse(stored);
      return parsed.success && parsed.data.kind === "personal" && parsed.data.userId === userId;
    });
    return found?.[0];
  }

  /** Remembers (or refreshes) where an address can be reached; unchanged references cost no write. */
  async function remember(address: Address, reference: Omit<ConversationReference, "updatedAt">): Promise<void> {
    const current = await find(address);
    // Some activities (invokes) may come without the person's name: keep the one we had.
    const merged = {
      ...reference,
      ...(reference.name === undefined && current?.name !== undefined ? { name: current.name } : {}),
    };
    if (current && sameReference(current, merged)) return;
    const entry: ConversationReference = { ...merged, updatedAt: clock.now().toISOString() };
    await store.updateOrganisation((organisation) => {
      const teams = { ...(organisation.platformData?.teams ?? {}) };
      const conversations = storedSchema.safeParse(teams.conversations ?? {});
      teams.conversations = {
        ...(conversations.success ? conversations.data : {}),
        [localPart(address)]: entry,
      } as z.core.util.JSONType;
      organisation.platformData = { ...organisation.platformData, teams };
    });
  }

  /** Forgets an address (the app was removed): later messages are reported as not installed. */
  async function forget(address: Address): Promise<void> {
    if ((await all())[localPart(address)] === undefined) return;
    await store.updateOrganisation((organisation) => {
      const teams = { ...(organisation.platformData?.teams ?? {}) };
      const conversations = { ...storedSchema.parse(teams.conversations ?? {}) };
      delete conversations[localPart(address)];
      teams.conversations = conversations as z.core.util.JSONType;
      organisation.platformData = { ...organisation.platformData, teams };
    });
  }

  return { find, personWithUserId, remember, forget };
}

function sameReference(a: ConversationReference, b: Omit<ConversationReference, "updatedAt">): boolean {
  return (
    a.serviceUrl === b.serviceUrl &&
    a.conversationId === b.conversationId &&
    a.kind === b.kind &&
    a.botId === b.botId &&
    a.tenantId === b.tenantId &&
    a.name === b.name &&
    a.userId === b.userId
  );
}

/** The reference book created by createReferenceBook. */
export type ReferenceBook = ReturnType<typeof createReferenceBook>;
