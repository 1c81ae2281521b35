import { promptIdFor } from "../answers/index.js";
import { principlesFor, type Alert, type Finding } from "./alert.js";
import { groupAlertKinds, statusOf, type AlertRecord } from "./record.js";

// Every read of a group's alerts names the same alerts again, so their ids are hashed once; a few thousand are kept.
const knownIds = new Map<string, string>();
const keptIds = 4096;

/** The opaque id of an alert, in the prompt-id format so that a button can carry it and the group can be found from it. */
export function alertId(groupId: string, kind: string, subject: string, session: number | string): string {
  const key = `${groupId}\n${kind}\n${subject}\n${session}`;
  const known = knownIds.get(key);
  if (known !== undefined) return known;
  if (knownIds.size >= keptIds) knownIds.clear();
  const id = promptIdFor(groupId, `alert:${kind}:${subject}:${session}`);
  knownIds.set(key, id);
  return id;
}

function subjectOf(finding: Pick<Finding, "member" | "subscale">): string {
  return finding.member ?? finding.subscale ?? "group";
}

function levelOf(kind: Alert["kind"]): Alert["level"] {
  return groupAlertKinds.includes(kind) ? "group" : "member";
}

/**
 * Turns per-session findings into alerts. A condition that keeps holding stays one alert until someone
 * resolves it; while nobody has acted on it, the leads hear again after each session where it still holds;
 * once acknowledged it does not repeat. A condition found after its alert was resolved is a new alert.
 */
export function alertsFromFindings(
  groupId: string,
  findings: readonly Finding[],
  closesAt: ReadonlyMap<number, Date>,
  records: Readonly<Record<string, AlertRecord>>,
): Alert[] {
  const byCondition = new Map<string, Finding[]>();
  for (const finding of findings) {
    const key = `${finding.kind}|${subjectOf(finding)}`;
    const list = byCondition.get(key);
    if (list) list.push(finding);
    else byCondition.set(key, [finding]);
  }
  const episodes: Episode[] = [];
  for (const list of byCondition.values()) {
    let current: Episode | undefined;
    for (const finding of [...list].sort((a, b) => a.session - b.session)) {
      const at = closesAt.get(finding.session);
      if (!at) continue;
      if (current && statusOf(current.history, at) !== "resolved") {
        if (statusOf(current.history, at) === "new") current.notifications.push({ session: finding.session, at });
        current.latest = finding;
        continue;
      }
      const id = alertId(groupId, finding.kind, subjectOf(finding), finding.session);
      current = {
        id,
        first: finding,
        latest: finding,
        raisedAt: at,
        history: records[id]?.history ?? [],
        notifications: [{ session: finding.session, at }],
      };
      episodes.push(current);
    }
  }
  return episodes.map((episode) => toAlert(groupId, episode));
}

interface Episode {
  readonly id: string;
  readonly first: Finding;
  latest: Finding;
  readonly raisedAt: Date;
  readonly history: AlertRecord["history"];
  readonly notifications: { session: number; at: Date }[];
}

function toAlert(groupId: string, { id, first, latest, raisedAt, history, notifications }: Episode): Alert {
  return {
    id,
    groupId,
    kind: first.kind,
    level: levelOf(first.kind),
    session: first.session,
    raisedAt,
    ...(first.member ? { member: first.member } : {}),
    ...(first.subscale ? { subscale: first.subscale } : {}),
    evidence: latest.evidence,
    principles: principlesFor[first.kind],
    status: statusOf(history),
    history,
    notifications,
  };
}

/** Alerts raised at once (a distress answer, risky free text), from their stored records. */
export function immediateAlerts(
  groupId: string,
  records: Readonly<Record<string, AlertRecord>>,
  describe: (record: AlertRecord) => Alert["evidence"],
): Alert[] {
  return Object.entries(records)
    .filter(([, record]) => record.kind === "distress" || record.kind === "risk-text")
    .map(([id, record]) => ({
      id,
      groupId,
      kind: record.kind,
      level: "member" as const,
      session: record.session,
      raisedAt: new Date(record.raisedAt),
      ...(record.member ? { member: record.member } : {}),
      evidence: describe(record),
      principles: principlesFor[record.kind],
      status: statusOf(record.history),
      history: record.history,
      notifications: [{ session: record.session, at: new Date(record.raisedAt) }],
      ...(record.text ? { text: record.text } : {}),
    }));
}
