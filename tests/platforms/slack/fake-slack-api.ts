// A Slack Web API stand-in on 127.0.0.1: records every call, answers like Slack, and fails on request.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { closeServer, listenOnLoopback } from "../../support/loopback-server.js";
import { historyOf, isMetadata, type PostedMessage } from "./fake-history.js";

export type { PostedMessage } from "./fake-history.js";

/** One Web API call as the fake received it, with JSON-encoded fields decoded. */
export interface RecordedCall {
  readonly method: string;
  readonly args: Record<string, unknown>;
  /** What the fake answered. */
  readonly result: Record<string, unknown>;
}

/** How the fake answers a call instead of succeeding. */
export type Failure =
  | { readonly status: 429; readonly retryAfter: number }
  | { readonly error: string }
  | { readonly status: number; readonly performed?: boolean }
  | { readonly delayMs: number }
  /** Performed, then the connection dropped before any answer: a post Cohesion cannot know arrived. */
  | { readonly lost: true }
  /** Held until releaseHeld(), then answered as a success: a call whose answer Cohesion never saw. */
  | { readonly hold: true };

interface FailureRule {
  readonly method: string;
  remaining: number;
  readonly when: (args: Record<string, unknown>) => boolean;
  readonly failure: Failure;
}

function decodeFields(raw: string, contentType: string): Record<string, unknown> {
  const fields: Record<string, unknown> = contentType.includes("application/json")
    ? JSON.parse(raw || "{}")
    : Object.fromEntries(new URLSearchParams(raw));
  for (const [key, value] of Object.entries(fields)) {
    if (typeof value === "string" && /^[[{]/.test(value)) fields[key] = JSON.parse(value);
  }
  return fields;
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

/** A fake Slack Web API server for tests. */
export class FakeSlackApi {
  readonly calls: RecordedCall[] = [];
  readonly uploads: { fileId: string; bytes: number }[] = [];
  readonly responses: Record<string, unknown>[] = [];
  /** Every message chat.postMessage really posted, answered or not, in order. */
  readonly ledger: PostedMessage[] = [];
  /** Where message timestamps come from (Cohesion's clock in tests that read history); a fixed day otherwise. */
  clock: (() => Date) | undefined;
  /** What apps.connections.open hands out (a ws:// URL of a test's WebSocket server). */
  socketUrl = "";
  private readonly rules: FailureRule[] = [];
  private sequence = 0;
  private readonly held: (() => void)[] = [];
  private readonly heldAnswered: Promise<void>[] = [];

  private constructor(
    private readonly server: Server,
    readonly url: string,
  ) {}

  /** Starts the fake on a free port of 127.0.0.1. */
  static async start(): Promise<FakeSlackApi> {
    const server = createServer();
    const fake = new FakeSlackApi(server, await listenOnLoopback(server));
    server.on("request", (req: IncomingMessage, res: ServerResponse) => void fake.handle(req, res));
    return fake;
  }

  /** The base URL to give Cohesion as SLACK_API_URL. */
  get apiUrl(): string {
    return `${this.url}/api/`;
  }

  /** Fails the next `times` calls of `method` (matching `when`) with `failure`. */
  fail(
    method: string,
    failure: Failure,
    options: { times?: number; when?: (args: Record<string, unknown>) => boolean } = {},
  ): void {
    this.rules.push({ method, remaining: options.times ?? 1, when: options.when ?? (() => true), failure });
  }

  /** Lets every held call through, and resolves once each has been answered and recorded. */
  async releaseHeld(): Promise<void> {
    for (const release of this.held.splice(0)) release();
    await Promise.all(this.heldAnswered.splice(0));
  }

  /** The calls of one method, in order. */
  callsOf(method: string): RecordedCall[] {
    return this.calls.filter((call) => call.method === method);
  }

  /** Every call except the start-up check. */
  get callsAfterStartup(): RecordedCall[] {
    return this.calls.filter((call) => call.method !== "auth.test");
  }

  close(): Promise<void> {
    for (const release of this.held.splice(0)) release();
    return closeServer(this.server);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readBody(req);
    const path = req.url ?? "";
    if (path.startsWith("/upload/")) {
      this.uploads.push({ fileId: path.slice("/upload/".length), bytes: body.byteLength });
      res.writeHead(200).end("OK");
      return;
    }
    if (path.startsWith("/respond")) {
      this.responses.push(decodeFields(body.toString(), req.headers["content-type"] ?? ""));
      res.writeHead(200).end("ok");
      return;
    }
    const method = path.replace(/^\/api\//, "").split("?")[0] ?? "";
    const args = decodeFields(body.toString(), req.headers["content-type"] ?? "");
    const rule = this.rules.find((r) => r.method === method && r.remaining > 0 && r.when(args));
    if (rule) {
      rule.remaining -= 1;
      const failure = rule.failure;
      if ("hold" in failure) {
        let answered = () => {};
        this.heldAnswered.push(new Promise<void>((resolve) => (answered = resolve)));
        await new Promise<void>((resolve) => this.held.push(resolve));
        const result = this.answer(method, args);
        this.calls.push({ method, args, result });
        answered();
        return this.json(res, result);
      } else if ("lost" in failure) {
        this.calls.push({ method, args, result: this.answer(method, args) });
        return void res.socket?.destroy();
      } else if ("delayMs" in failure) await new Promise((resolve) => setTimeout(resolve, failure.delayMs));
      else if ("retryAfter" in failure)
        return void res.writeHead(429, { "retry-after": String(failure.retryAfter) }).end();
      else if ("error" in failure) return this.json(res, { ok: false, error: failure.error });
      else {
        if (failure.performed) this.calls.push({ method, args, result: this.answer(method, args) });
        return void res.writeHead(failure.status).end("upstream trouble");
      }
    }
    const result = this.answer(method, args);
    this.calls.push({ method, args, result });
    this.json(res, result);
  }

  private answer(method: string, args: Record<string, unknown>): Record<string, unknown> {
    const next = ++this.sequence;
    const seconds = this.clock ? Math.floor(this.clock().getTime() / 1000) : 1764612000;
    const ts = `${seconds}.${String(next).padStart(6, "0")}`;
    switch (method) {
      case "auth.test":
        return { ok: true, user_id: "UBOT0001", bot_id: "BBOT0001", team_id: "T0TEAM01", team: "Riverside" };
      case "conversations.open":
        return { ok: true, channel: { id: `D${String(args["users"])}` } };
      case "chat.postMessage":
        this.ledger.push({
          channel: String(args["channel"]),
          ts,
          text: String(args["text"] ?? ""),
          ...(isMetadata(args["metadata"]) ? { metadata: args["metadata"] } : {}),
        });
        return { ok: true, channel: args["channel"], ts };
      case "conversations.history":
        return historyOf(this.ledger, args);
      case "chat.update":
        return { ok: true, channel: args["channel"], ts: method === "chat.update" ? args["ts"] : ts };
      case "chat.postEphemeral":
        return { ok: true, message_ts: ts };
      case "files.getUploadURLExternal":
        return { ok: true, upload_url: `${this.url}/upload/F${next}`, file_id: `F${next}` };
      case "apps.connections.open":
        return { ok: true, url: this.socketUrl };
      default:
        return { ok: true };
    }
  }

  private json(res: ServerResponse, body: Record<string, unknown>): void {
    res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(body));
  }
}
