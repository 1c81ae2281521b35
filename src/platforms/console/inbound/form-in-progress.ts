import type { Form } from "../../../kernel/message.js";

/** What typing one line into a form did. */
export type FormStep =
  | { readonly kind: "next" }
  | { readonly kind: "again"; readonly reason: string }
  | { readonly kind: "cancelled" }
  | { readonly kind: "done"; readonly answers: Record<string, number | null> };

/** A form answered one question at a time at the console: a value, `s` to skip, `q` to stop. */
export class FormInProgress {
  private index = 0;
  private readonly answers: Record<string, number | null> = {};

  constructor(private readonly form: Form) {}

  /** The prompt id the answers belong to. */
  get promptId(): string {
    return this.form.promptId;
  }

  /** The current question with its options. */
  question(): string {
    const question = this.form.questions[this.index];
    if (!question) return "";
    const options = question.options.map((o) => `${o.value} ${o.label}`.trim()).join(" · ");
    return `(${this.index + 1}/${this.form.questions.length}) ${question.text}\n  ${options}\n  > a number, s to skip, q to stop`;
  }

  /** Takes one typed line as the answer to the current question. */
  answer(line: string): FormStep {
    const question = this.form.questions[this.index];
    if (!question || line === "q") return { kind: "cancelled" };
    if (line === "s") this.answers[question.itemId] = null;
    else {
      const option = question.options.find((o) => String(o.value) === line);
      if (!option) return { kind: "again", reason: "Please type one of the numbers shown, s to skip or q to stop." };
      this.answers[question.itemId] = option.value;
    }
    this.index += 1;
    return this.index < this.form.questions.length ? { kind: "next" } : { kind: "done", answers: { ...this.answers } };
  }
}
