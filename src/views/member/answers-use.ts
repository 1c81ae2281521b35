/** The version of the words that tell a member how their answers are used; raised whenever their meaning changes. */
export const answersUseVersion = 1;

/** How a member's answers are used and what they can say about it, in two short sentences for their orientation. */
export function answersUse(minResponses: number): string {
  return [
    "*Your answers*",
    `Every question is optional: your leads read your answers, and the care team only sees figures for the whole group, from at least ${minResponses} answers.`,
    "You can say `no check-ins` at any time, or `my data` or `delete my data` to see or remove what I keep about you.",
  ].join("\n");
}
