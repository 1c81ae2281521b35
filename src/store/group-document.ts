import { groupStateSchema, type GroupState } from "../core/state.js";
import { corruptDocument, validateDocument } from "./document-errors.js";

/** The name of a group's file in `groups/`; the first capture is the group id. */
export const groupFileName = /^([a-z0-9][a-z0-9_-]*)\.json$/;

/** A check each group document gets as it is loaded, before anything is written; a throw stops loading. */
export type GroupCheck = (groupId: string, state: GroupState) => void;

/** Parses `file`, which must hold the group `groupId`, then runs `check`; problems are StartupErrors naming the file. */
export function groupParser(file: string, groupId: string, check?: GroupCheck): (json: unknown) => GroupState {
  return (json) => {
    const state = validateDocument(file, json, groupStateSchema);
    if (state.groupId !== groupId) throw corruptDocument(file, `it holds group "${state.groupId}", not "${groupId}"`);
    check?.(groupId, state);
    return state;
  };
}
