import { z } from "zod";
import { slackLimits } from "./limits.js";

/** Every action_id Cohesion renders starts with this, so one listener receives them all. */
export const actionIdPrefix = "cohesion:";

/** The callback_id of the full check-in modal. */
export const formCallbackId = "cohesion-form";

/** What a pressed element carries in its value: opaque ids only, never names or answers already given. */
export type InteractiveValue =
  | { readonly kind: "choice"; readonly promptId: string; readonly itemId: string; readonly value: number }
  | { readonly kind: "button"; readonly promptId: string; readonly action: string }
  | { readonly kind: "home"; readonly action: "pause" | "resume" };

const part = z.string().regex(/^[a-z0-9.-]{1,100}$/);
const action = z.string().regex(/^[^|]{1,100}$/);

const valueSchema = z.union([
  z
    .tuple([
      z.literal("c"),
      part,
      part,
      z
        .string()
        .regex(/^-?\d{1,9}$/)
        .transform(Number),
    ])
    .transform(([, promptId, itemId, value]) => ({ kind: "choice" as const, promptId, itemId, value })),
  z
    .tuple([z.literal("b"), part, action])
    .transform(([, promptId, action]) => ({ kind: "button" as const, promptId, action })),
  z.tuple([z.literal("h"), z.enum(["pause", "resume"])]).transform(([, action]) => ({ kind: "home" as const, action })),
]);

function checkedId(id: string, max: number): string {
  if (id.length > max) throw new Error(`an interactive id is longer than Slack allows (${id.length} > ${max})`);
  return id;
}

/** The value of an interactive element (a button's value, an option's value). */
export function encodeValue(value: InteractiveValue, max: number = slackLimits.buttonValue): string {
  switch (value.kind) {
    case "choice":
      return checkedId(`c|${value.promptId}|${value.itemId}|${value.value}`, max);
    case "button":
      return checkedId(`b|${value.promptId}|${value.action}`, max);
    case "home":
      return checkedId(`h|${value.action}`, max);
  }
}

/** Reads a value Cohesion rendered; undefined for anything else. */
export function decodeValue(raw: string): InteractiveValue | undefined {
  const parsed = valueSchema.safeParse(raw.split("|"));
  return parsed.success ? parsed.data : undefined;
}

/** An action_id unique within its message, e.g. `cohesion:3`. */
export function actionId(index: number): string {
  return checkedId(`${actionIdPrefix}${index}`, slackLimits.id);
}
