// Slack's chat.postMessage rate limits, enforced in front of the fake Slack Web API on 127.0.0.1, with faults injected
// into a share of the calls that pass: a 429 with Retry-After, or a 5xx that may or may not have posted the message.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { closeServer, listenOnLoopback } from "../tests/support/loopback-server.js";

/** Slack's limits on chat.postMessage, in Slack seconds that last `secondMs` here. */
export interface PostLimits {
  /** Posts per second to one channel (Slack: about 1). */
  readonly perChannelPerSecond: number;
  /** Posts per minute across the workspace (Slack: "several hundred"); a second's worth may come at once. */
  readonly workspacePerMinute: number;
  readonly secondMs: number;
}

/** Shares of the calls within the limits that fail instead (0 to 1 each), and where randomness comes from. */
export interface InjectedFaults {
  readonly rateLimited: number;
  readonly serverErrors: number;
  readonly random: () => number;
}

/** What the limiter answered, by outcome. */
export interface LimiterCounts {
  passed: number;
  overLimit: number;
  injected429: number;
  /** Injected 5xx by method and status, and whether the call's work was done all the same. */
  injected5xx: Record<string, { posted: number; notPosted: number }>;
}

// 503 is Slack refusing the request before doing anything; the others may come after the work was done.
const serverErrors = [500, 502, 503, 504] as const;

/** A token bucket: `capacity` tokens, refilled at `perMs` tokens a millisecond. */
class Bucket {
  private tokens: number;
  private at = performance.now();
  constructor(
    private readonly capacity: number,
    private readonly perMs: number,
  ) {
    this.tokens = capacity;
  }
  /** Milliseconds until a token is free (0 if one is). */
  waitMs(now: number): number {
    this.tokens = Math.min(this.capacity, this.tokens + (now - this.at) * this.perMs);
    this.at = now;
    return this.tokens >= 1 ? 0 : (1 - this.tokens) / this.perMs;
  }
  take(): void {
    this.tokens -= 1;
  }
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

function channelOf(body: string, contentType: string): string {
  const fields = contentType.includes("json")
    ? (JSON.parse(body || "{}") as Record<string, unknown>)
    : Object.fromEntries(new URLSearchParams(body));
  return String(fields["channel"] ?? "");
}

/** A proxy to the fake Slack Web API at `target` that enforces PostLimits (if given) and injects faults into every method. */
export class RateLimitedSlack {
  readonly counts: LimiterCounts = { passed: 0, overLimit: 0, injected429: 0, injected5xx: {} };
  private readonly workspace: Bucket | undefined;
  private readonly channels = new Map<string, Bucket>();

  private constructor(
    private readonly server: Server,
    readonly url: string,
    private readonly target: string,
    private readonly limits: PostLimits | undefined,
    private readonly faults: InjectedFaults | undefined,
  ) {
    const perSecond = (limits?.workspacePerMinute ?? 0) / 60;
    this.workspace = limits && new Bucket(perSecond, perSecond / limits.secondMs);
  }

  /** Starts the proxy on a free port of 127.0.0.1; without `limits` it passes every call, without `faults` it fails none. */
  static async start(
    target: string,
    limits: PostLimits | undefined,
    faults?: InjectedFaults,
  ): Promise<RateLimitedSlack> {
    const server = createServer();
    const url = await listenOnLoopback(server);
    const proxy = new RateLimitedSlack(server, url, target, limits, faults);
    server.on("request", (req: IncomingMessage, res: ServerResponse) => {
      proxy.handle(req, res).catch(() => res.destroy());
    });
    return proxy;
  }

  /** The base URL to give Cohesion as SLACK_API_URL. */
  get apiUrl(): string {
    return `${this.url}/api/`;
  }

  close(): Promise<void> {
    return closeServer(this.server);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = (await readBody(req)).toString();
    const contentType = req.headers["content-type"] ?? "";
    const method = (req.url ?? "").replace(/^\/api\//, "").split("?")[0] ?? "";
    const buckets = method === "chat.postMessage" ? this.bucketsOf(channelOf(body, contentType)) : [];
    const now = performance.now();
    const waitMs = Math.max(0, ...buckets.map((bucket) => bucket.waitMs(now)));
    if (waitMs > 0) {
      this.counts.overLimit += 1;
      return this.rateLimited(res, Math.ceil(waitMs / (this.limits?.secondMs ?? 1000)));
    }
    const roll = this.faults?.random() ?? 1;
    const { rateLimited = 0, serverErrors: failing = 0 } = this.faults ?? {};
    if (roll < rateLimited) {
      this.counts.injected429 += 1;
      return this.rateLimited(res, 1);
    }
    if (roll < rateLimited + failing) {
      const status = serverErrors[Math.floor(((roll - rateLimited) / failing) * serverErrors.length)] ?? 500;
      const posted = status !== 503 && (this.faults?.random() ?? 1) < 0.5;
      const tally = (this.counts.injected5xx[`${method} ${status}`] ??= { posted: 0, notPosted: 0 });
      tally[posted ? "posted" : "notPosted"] += 1;
      if (posted) await this.forward(req, body, contentType, buckets);
      return void res.writeHead(status).end("upstream trouble");
    }
    this.counts.passed += 1;
    const answer = await this.forward(req, body, contentType, buckets);
    res.writeHead(answer.status, { "content-type": "application/json" }).end(answer.text);
  }

  private bucketsOf(channel: string): Bucket[] {
    if (!this.limits || !this.workspace) return [];
    let bucket = this.channels.get(channel);
    if (!bucket) {
      bucket = new Bucket(1, this.limits.perChannelPerSecond / this.limits.secondMs);
      this.channels.set(channel, bucket);
    }
    return [this.workspace, bucket];
  }

  private async forward(
    req: IncomingMessage,
    body: string,
    contentType: string,
    buckets: readonly Bucket[],
  ): Promise<{ status: number; text: string }> {
    for (const bucket of buckets) bucket.take();
    const answer = await fetch(`${this.target}${req.url ?? ""}`, {
      method: "POST",
      headers: { "content-type": contentType, authorization: req.headers.authorization ?? "" },
      body,
    });
    return { status: answer.status, text: await answer.text() };
  }

  private rateLimited(res: ServerResponse, seconds: number): void {
    res.writeHead(429, { "retry-after": String(Math.max(1, seconds)) }).end();
  }
}
