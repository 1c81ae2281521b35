/** Shared setup for the attendance command tests: the people, the group's name and pain-tue after session 2. */
import type { Group } from "../../src/core/setup/index.js";
import { painTue } from "../support/flows.js";
import { members, painTueWorld } from "../support/outbox-helpers.js";
import type { World } from "../support/world.js";

export const okafor = "console:okafor";
export const sam = "console:sam";
export const lindqvist = "console:lindqvist";
export const [ana = "", ben = ""] = members;
export const group = "Chronic pain skills, Tuesday evening";

/** pain-tue just after session 2's check-ins went out; `edit` changes the group's configuration first. */
export function afterSession2(edit?: (group: Group) => Group): World {
  return painTueWorld({ now: painTue.checkin2, ...(edit ? { edit } : {}) });
}

export async function stored(world: World) {
  const state = await world.store.readGroup("pain-tue");
  return { attendance: state.attendance, audit: state.audit };
}
