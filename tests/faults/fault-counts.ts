// How hard the fault suite pushes: CI-sized by default, the full counts with FAULTS_FULL=1 (npm run test:faults -- --full).
const full = process.env["FAULTS_FULL"] === "1";

/** The seed of every random choice in this run (FAULTS_SEED replays a run); printed so a failure can be replayed. */
export const faultSeed = Number(process.env["FAULTS_SEED"] ?? Math.floor(Math.random() * 2 ** 31));

/** Whether this is the full run. */
export const fullRun = full;

/** The counts of this run. */
export const faultCounts = {
  // Each round needs members of its own, all sent their check-in first: with one document per group that costs minutes
  // per thousand members today (every write rewrites the group), so the full run keeps it to 500.
  /** Check-in answers sent at once in each round of the kill test. */
  answersPerRound: full ? 100 : 12,
  /** Rounds of answers, each ended by a kill -9. */
  killRounds: full ? 5 : 2,
  /** Members whose due messages go out through each kind of Slack Web API outage. */
  membersPerOutage: full ? 10 : 1,
  /** Generated requests per Slack inbound route in the fuzz test. */
  fuzzRunsPerRoute: full ? 2000 : 40,
  /** Members whose check-ins several replicas on one PostgreSQL database fan out while two of them are killed. */
  replicaMembers: full ? 1000 : 120,
};

process.stdout.write(
  `fault suite: ${full ? "full" : "CI"} counts ${JSON.stringify(faultCounts)}, FAULTS_SEED=${faultSeed}\n`,
);

/** How long one fault test may take: child processes start slowly on a busy machine, and the full run is long. */
export const faultTimeoutMs = full ? 60 * 60_000 : 400_000;
