import { toAddress, type Address } from "../../../kernel/address.js";
import type { CoreContext } from "../../../core/context.js";
import type { FileBlock, Form, Message } from "../../../kernel/message.js";
import type { Messenger } from "../../../kernel/ports.js";
import { formatLocal } from "../../../kernel/time.js";
import type { InteractionHandler } from "../../../app/interactions.js";
import type { Outcome } from "../../../app/outcome.js";
import type { ConsoleClock } from "../console-clock.js";
import { nextSessionStart, parseClockMove } from "./clock-move.js";
import { describeAddress, findPersona } from "./personas.js";
import { FormInProgress } from "./form-in-progress.js";
import { saveFilesOrSay } from "../deliver/saved-files.js";
import { consoleHelp } from "../render/help.js";
import { personOf, renderForConsole, type ConsoleAction } from "../render/message.js";
import type { SimulatedMembers } from "./simulated-members.js";

/** What the console session needs from the rest of the bot. */
export interface ConsoleDeps {
  readonly ctx: CoreContext;
  readonly clock: ConsoleClock;
  readonly interactions: InteractionHandler;
  readonly simulated: SimulatedMembers;
  /** Runs one outbox sweep at the clock's current time. */
  readonly sweep: () => Promise<void>;
  readonly write: (text: string) => void;
  /** Where files handed to the person being played (exports) are saved. */
  readonly exportsDir: string;
}

const stepMs = 15 * 60_000;

/** The local console platform: a person plays members, leads or the care team, and moves time. */
export class ConsoleSession implements Messenger {
  private persona: Address;
  private simulate = true;
  private form: FormInProgress | undefined;
  private readonly pending = new Map<Address, ReadonlyMap<string, ConsoleAction>>();
  private readonly queued: Record<string, unknown>[] = [];

  constructor(private readonly deps: ConsoleDeps) {
    const first = deps.ctx.groups[0];
    this.persona = first?.members[0] ?? first?.leads[0] ?? toAddress("console:you");
  }

  /** Shows a message to its recipient: in full for the person being played, as a one-line note otherwise. */
  async send(to: Address, message: Message): Promise<void> {
    if (this.sees(to)) {
      const view = renderForConsole(message, await this.saveFiles(message));
      this.pending.set(to, view.actions);
      this.deps.write(`\n── Cohesion → ${this.label(to)} · ${this.time()} ──\n${view.text}\n`);
      return;
    }
    const view = renderForConsole(message);
    this.deps.write(`  · (simulated) to ${this.label(to)}: ${message.text.split("\n")[0] ?? ""}\n`);
    if (this.simulate && this.isMember(to)) this.queued.push(...this.deps.simulated.react(to, view));
  }

  /** Opens a form: question by question for the person being played, filled in by a simulated member otherwise. */
  async openForm(to: Address, form: Form): Promise<void> {
    if (to !== this.persona) {
      this.queued.push(this.deps.simulated.fillForm(to, form));
      return;
    }
    this.form = new FormInProgress(form);
    this.deps.write(`\n${form.title}: ${form.intro}\n${this.form.question()}\n`);
  }

  /** Handles one line typed at the console; resolves once everything it caused has been shown. */
  async handleLine(raw: string): Promise<"quit" | undefined> {
    const line = raw.trim();
    if (line === "") return undefined;
    if (this.form) return this.answerForm(line);
    const [word = "", ...rest] = line.split(/\s+/);
    switch (word) {
      case "/quit":
        return "quit";
      case "/help":
        this.deps.write(`${consoleHelp}\n`);
        return undefined;
      case "/as":
        this.switchPersona(rest);
        return undefined;
      case "/clock":
        await this.moveClock(rest.join(" "));
        return undefined;
      case "/simulate":
        this.simulate = rest[0] !== "off";
        this.deps.write(`Simulated members ${this.simulate ? "will answer by themselves" : "stay quiet"}.\n`);
        return undefined;
      case "/cohesion":
        await this.interact({ type: "command", from: this.persona, channel: this.channel(), text: rest.join(" ") });
        return undefined;
    }
    const action = this.pending.get(this.persona)?.get(line.toLowerCase());
    if (action) await this.interact({ ...action, from: this.persona });
    else if (word.startsWith("/")) this.deps.write("I didn't catch that. Type /help to see what you can do here.\n");
    // Cohesion reads no channel chatter on Slack or Teams, so the care team talks to it only through /cohesion.
    else if (this.channel()) this.deps.write("In the care team channel, talk to Cohesion with /cohesion <command>.\n");
    else await this.interact({ type: "text", from: this.persona, text: line });
    return undefined;
  }

  private async answerForm(line: string): Promise<undefined> {
    const form = this.form as FormInProgress;
    const result = form.answer(line);
    if (result.kind === "again") this.deps.write(`${result.reason}\n${form.question()}\n`);
    else if (result.kind === "next") this.deps.write(`${form.question()}\n`);
    else if (result.kind === "cancelled") {
      this.form = undefined;
      this.deps.write("No problem, nothing was sent. The check-in stays open if you change your mind.\n");
    } else {
      this.form = undefined;
      await this.interact({ type: "form", from: this.persona, promptId: form.promptId, answers: result.answers });
    }
    return undefined;
  }

  private async interact(event: Record<string, unknown>): Promise<void> {
    await this.show(this.persona, await this.deps.interactions.handle(event));
    await this.drainSimulated();
  }

  private async show(to: Address, outcome: Outcome): Promise<void> {
    if ("silent" in outcome) return;
    if ("form" in outcome) return this.openForm(to, outcome.form);
    if (to !== this.persona) return;
    const view = renderForConsole(outcome.reply, await this.saveFiles(outcome.reply));
    // A reply with buttons (the offer of contact after a hard session) is what the next letter answers.
    if (view.actions.size > 0) this.pending.set(to, view.actions);
    this.deps.write(`${view.text}\n`);
  }

  private saveFiles(message: Message): Promise<Map<FileBlock, string>> {
    return saveFilesOrSay(this.deps.exportsDir, message, this.deps.write);
  }

  private async drainSimulated(): Promise<void> {
    for (let event = this.queued.shift(); event; event = this.queued.shift()) {
      const from = event["from"] as Address;
      const outcome = await this.deps.interactions.handle(event);
      if (!("form" in outcome))
        this.deps.write(
          `  · ${personOf(from)} ${event["type"] === "button" && String(event["action"]).startsWith("rsvp") ? "replied to the RSVP" : "answered the check-in"}\n`,
        );
      await this.show(from, outcome);
    }
  }

  private async moveClock(argument: string): Promise<void> {
    const now = this.deps.clock.now();
    const target =
      argument === "next-session" ? nextSessionStart(this.deps.ctx.groups, now) : parseClockMove(argument, now);
    if (typeof target === "string") {
      this.deps.write(`${target}\n`);
      return;
    }
    for (let at = now.getTime() + stepMs; at < target.getTime() + stepMs; at += stepMs) {
      this.deps.clock.moveTo(new Date(Math.min(at, target.getTime())));
      await this.deps.sweep();
      await this.drainSimulated();
    }
    this.deps.write(`The time is now ${this.time()}.\n`);
  }

  private switchPersona([role, name]: string[]): void {
    const persona = findPersona(this.deps.ctx.groups, role, name);
    if ("problem" in persona) {
      this.deps.write(persona.problem);
      return;
    }
    this.persona = persona.found;
    this.deps.write(`You are now ${this.label(persona.found)}.\n`);
  }

  private sees(to: Address): boolean {
    if (to === this.persona) return true;
    return this.deps.ctx.groups.some(
      (g) => g.careTeamChannel === to && (g.leads.includes(this.persona) || g.careTeamChannel === this.persona),
    );
  }

  private isMember(address: Address): boolean {
    return this.deps.ctx.groups.some((g) => g.members.includes(address));
  }

  private channel(): Address | undefined {
    return this.deps.ctx.groups.some((g) => g.careTeamChannel === this.persona) ? this.persona : undefined;
  }

  private label(address: Address): string {
    const { groups, organisation } = this.deps.ctx;
    return describeAddress({ groups, onCall: organisation.safety.onCall }, address, this.persona);
  }

  private time(): string {
    return formatLocal(this.deps.clock.now(), this.deps.ctx.groups[0]?.timezone ?? "UTC", "day-time");
  }
}
