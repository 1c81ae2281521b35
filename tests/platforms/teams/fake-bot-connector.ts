import { createServer, type IncomingMessage, type Server } from "node:http";
import { closeServer, listenOnLoopback } from "../../support/loopback-server.js";

/** One call the bot made to the fake Bot Connector. */
export interface ConnectorCall {
  readonly method: string;
  readonly conversationId: string;
  /** The activity replaced, for an update (PUT). */
  readonly activityId: string | undefined;
  readonly body: Record<string, unknown>;
  readonly authorization: string | undefined;
  /** The status the fake answered with. */
  readonly status: number;
  /** The id of the activity posted or replaced. */
  readonly id: string;
}

/** A failure to answer with instead of success. */
export interface InjectedFailure {
  readonly status: number;
  readonly retryAfter?: string;
}

function readBody(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => resolve(Buffer.concat(chunks)));
    request.on("error", reject);
  });
}

/**
 * A Bot Connector stand-in on 127.0.0.1: records every activity posted or updated, answers with
 * fresh activity ids, can fail the next calls (429, 412, 5xx...) or every call to one conversation
 * (403/404, as for a member who removed the app), and accepts OneDrive-style file uploads.
 */
export class FakeBotConnector {
  readonly calls: ConnectorCall[] = [];
  readonly uploads: { path: string; contentRange: string | undefined; data: Buffer }[] = [];
  private readonly queued: InjectedFailure[] = [];
  private readonly gone = new Map<string, number>();
  private server: Server | undefined;
  private nextId = 1;
  url = "";

  /** Starts listening on a free port of 127.0.0.1; `url` is then the service URL to put in activities. */
  async start(): Promise<void> {
    this.server = createServer((request, response) => {
      void this.answer(request).then(({ status, body, headers }) => {
        response.writeHead(status, { "content-type": "application/json", ...headers });
        response.end(JSON.stringify(body));
      });
    });
    this.url = `${await listenOnLoopback(this.server)}/`;
  }

  async stop(): Promise<void> {
    if (this.server) await closeServer(this.server);
  }

  /** The next calls fail with these statuses, in order. */
  failNext(...failures: InjectedFailure[]): void {
    this.queued.push(...failures);
  }

  /** Every call to this conversation fails with `status` from now on. */
  failConversation(conversationId: string, status: number): void {
    this.gone.set(conversationId, status);
  }

  /** Successful posts of new activities to a conversation, in order. */
  posted(conversationId?: string): ConnectorCall[] {
    return this.calls.filter(
      (call) =>
        call.method === "POST" &&
        call.status < 300 &&
        (conversationId === undefined || call.conversationId === conversationId),
    );
  }

  /** Successful replacements of earlier activities. */
  updated(): ConnectorCall[] {
    return this.calls.filter((call) => call.method === "PUT" && call.status < 300);
  }

  private async answer(
    request: IncomingMessage,
  ): Promise<{ status: number; body: unknown; headers?: Record<string, string> }> {
    const data = await readBody(request);
    const path = decodeURIComponent(new URL(request.url ?? "/", "http://127.0.0.1").pathname);
    if (path.startsWith("/upload/")) {
      this.uploads.push({ path, contentRange: request.headers["content-range"], data });
      return { status: 201, body: { id: "drive-item" } };
    }
    const match = /^\/v3\/conversations\/(.+?)\/activities(?:\/(.+))?$/.exec(path);
    if (!match || !match[1]) return { status: 404, body: { error: { code: "NotFound" } } };
    const conversationId = match[1];
    const failure = this.gone.has(conversationId)
      ? { status: this.gone.get(conversationId) ?? 403 }
      : this.queued.shift();
    const status = failure?.status ?? (request.method === "POST" ? 201 : 200);
    const id = match[2] ?? `activity-${this.nextId++}`;
    this.calls.push({
      id,
      method: request.method ?? "",
      conversationId,
      activityId: match[2],
      body: JSON.parse(data.toString("utf8") || "{}") as Record<string, unknown>,
      authorization: request.headers.authorization,
      status,
    });
    if (failure)
      return {
        status,
        body: { error: { code: "Injected" } },
        headers: failure.retryAfter ? { "retry-after": failure.retryAfter } : {},
      };
    return { status, body: { id } };
  }
}
