// The load of the ack benchmark: autocannon in a process of its own, so the servers measured keep theirs to themselves.
// Every request is a fresh click (its own trigger id), signed with the time it is sent.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { text } from "node:stream/consumers";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";
import { formEncoded, signature } from "../tests/platforms/slack/slack-requests.js";

/** What stands for the trigger id in a click's body until it is sent. */
export const triggerPlaceholder = "BENCHTRIGGERID";

/** Clicks to send to `url`'s Slack endpoint: `amount` requests over `connections` connections. */
export interface AckLoad {
  readonly url: string;
  /** Form-encoded block_actions bodies holding `triggerPlaceholder`, sent in turn. */
  readonly bodies: readonly string[];
  readonly connections: number;
  readonly amount: number;
}

/** The latencies (ms) and answers the load met. */
export interface AckLatency {
  readonly p50: number;
  readonly p99: number;
  readonly max: number;
  readonly requests: number;
  readonly perSecond: number;
  /** Answers other than 2xx, failed connections and timeouts: any of them spoils the run. */
  readonly non2xx: number;
  readonly errors: number;
  readonly timeouts: number;
}

function fire(load: AckLoad): Promise<AckLatency> {
  const run = randomBytes(4).toString("hex");
  let sent = 0;
  const setupRequest = (request: autocannon.Request): autocannon.Request => {
    const n = sent++;
    const template = load.bodies[n % load.bodies.length] ?? "";
    const body = template.replace(triggerPlaceholder, `${n}.${run}`);
    const timestamp = Math.floor(Date.now() / 1000);
    const headers = {
      ...request.headers,
      "content-type": formEncoded,
      "x-slack-request-timestamp": String(timestamp),
      "x-slack-signature": signature(body, timestamp),
    };
    return { ...request, body, headers };
  };
  return new Promise((resolve, reject) => {
    autocannon(
      {
        url: `${load.url}/slack/events`,
        method: "POST",
        connections: load.connections,
        amount: load.amount,
        timeout: 30,
        requests: [{ setupRequest }],
      },
      (error, result) => {
        if (error) return reject(error instanceof Error ? error : new Error(String(error)));
        resolve({
          p50: result.latency.p50,
          p99: result.latency.p99,
          max: result.latency.max,
          requests: result.requests.total,
          perSecond: result.requests.average,
          non2xx: result.non2xx,
          errors: result.errors,
          timeouts: result.timeouts,
        });
      },
    );
  });
}

const loadEnv = "COHESION_BENCH_ACK_LOAD";

/** Sends `load` from a child process and resolves with what it measured. */
export async function sendClicks(load: AckLoad): Promise<AckLatency> {
  const child = spawn(process.execPath, ["--import", "tsx", fileURLToPath(import.meta.url)], {
    env: { ...process.env, [loadEnv]: "1" },
    stdio: ["pipe", "pipe", "inherit"],
  });
  const exited = new Promise<number | null>((resolve) => child.once("close", resolve));
  child.stdin.end(JSON.stringify(load));
  const output = await text(child.stdout);
  const code = await exited;
  if (code !== 0) throw new Error(`the load process stopped with code ${code}`);
  return JSON.parse(output) as AckLatency;
}

if (process.env[loadEnv] === "1")
  process.stdout.write(JSON.stringify(await fire(JSON.parse(await text(process.stdin)))));
