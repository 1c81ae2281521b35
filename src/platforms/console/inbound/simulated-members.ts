import type { Address } from "../../../kernel/address.js";
import type { Instrument } from "../../../core/setup/index.js";
import type { Form } from "../../../kernel/message.js";
import type { ConsoleView } from "../render/message.js";

/** A deterministic pseudo-random source (mulberry32), so a demo run can be replayed exactly. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

// Group-level climate over a course: engagement grows, avoidance eases, conflict rises mid-group then settles.
function expected(subscale: string, sessionIndex: number): number {
  if (subscale === "engaged") return 3.1 + 0.18 * sessionIndex;
  if (subscale === "avoiding") return 2.8 - 0.12 * sessionIndex;
  if (subscale === "conflict") return 0.9 + 1.4 * Math.sin((Math.PI * Math.min(sessionIndex, 7)) / 7);
  return 3;
}

/** Plays the members the person at the console is not playing: they RSVP, check in and sometimes forget. */
export class SimulatedMembers {
  private readonly random: () => number;
  private readonly seen = new Map<Address, Set<string>>();

  constructor(
    private readonly gcq: Instrument,
    seed = 7,
  ) {
    this.random = seeded(seed);
  }

  /** The raw interactions a simulated member sends back for a message they received, if any. */
  react(member: Address, view: ConsoleView): Record<string, unknown>[] {
    const actions = [...view.actions.values()];
    const rsvp = actions.find((a) => a.type === "button" && a.action === "rsvp-yes");
    if (rsvp) {
      const action = this.random() < 0.88 ? "rsvp-yes" : "rsvp-no";
      return [{ type: "button", from: member, promptId: rsvp.promptId, action }];
    }
    const openForm = actions.find((a) => a.type === "button" && a.action === "open-form");
    if (!openForm) return [];
    const prompts = this.seen.get(member) ?? new Set<string>();
    this.seen.set(member, prompts);
    const isNudge = prompts.has(openForm.promptId);
    prompts.add(openForm.promptId);
    if (this.random() > (isNudge ? 0.6 : 0.85)) return [];
    const pulse = Math.round(Math.min(5, Math.max(1, 3.2 + 0.12 * prompts.size + (this.random() - 0.5) * 2.5)));
    const choice = actions.find((a) => a.type === "choice" && a.value === pulse);
    const events: Record<string, unknown>[] = [];
    if (choice?.type === "choice")
      events.push({ type: "choice", from: member, promptId: choice.promptId, itemId: choice.itemId, value: pulse });
    if (this.random() < 0.9)
      events.push({ type: "button", from: member, promptId: openForm.promptId, action: "open-form" });
    return events;
  }

  /** A plausible full check-in from a simulated member, with the odd item skipped. */
  fillForm(member: Address, form: Form): Record<string, unknown> {
    const sessionIndex = this.seen.get(member)?.size ?? 1;
    const answers: Record<string, number | null> = {};
    for (const question of form.questions) {
      const subscale = this.gcq.items.find((item) => item.id === question.itemId)?.subscale;
      // Simulated members rate the group; they leave a clinic's questions about themselves alone.
      if (subscale === undefined) {
        answers[question.itemId] = null;
        continue;
      }
      const noise = (this.random() + this.random() + this.random() - 1.5) * 1.6;
      const value = Math.round(
        Math.min(this.gcq.scale.max, Math.max(this.gcq.scale.min, expected(subscale, sessionIndex) + noise)),
      );
      answers[question.itemId] = this.random() < 0.05 ? null : value;
    }
    return { type: "form", from: member, promptId: form.promptId, answers };
  }
}
