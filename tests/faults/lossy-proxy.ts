// Stands between Cohesion and the fake Slack Web API on 127.0.0.1: passes each call on, and for chosen calls drops
// the connection once the fake has answered, so Slack did the work but Cohesion never hears back (a lost response).
import { createServer, type IncomingMessage, type Server } from "node:http";
import { closeServer, listenOnLoopback } from "../support/loopback-server.js";

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

/** Decides, per call (Web API method and form or JSON fields), whether its answer is lost. */
export type LoseAnswer = (method: string, fields: Record<string, unknown>) => boolean;

/** A proxy to `target` that loses the answers `lose` picks. */
export class LossyProxy {
  private constructor(
    private readonly server: Server,
    readonly url: string,
  ) {}

  /** Starts the proxy on a free port of 127.0.0.1. */
  static async start(target: string, lose: LoseAnswer): Promise<LossyProxy> {
    const server = createServer((req, res) => {
      void (async () => {
        const body = await readBody(req);
        const contentType = req.headers["content-type"] ?? "";
        const answer = await fetch(`${target}${req.url ?? ""}`, {
          method: req.method,
          headers: { "content-type": contentType, authorization: req.headers.authorization ?? "" },
          ...(req.method === "POST" ? { body } : {}),
        });
        const text = await answer.text();
        const fields: Record<string, unknown> = contentType.includes("json")
          ? (JSON.parse(body.toString() || "{}") as Record<string, unknown>)
          : Object.fromEntries(new URLSearchParams(body.toString()));
        const method = (req.url ?? "").replace(/^\/api\//, "").split("?")[0] ?? "";
        if (lose(method, fields)) return void req.socket.destroy();
        const headers = Object.fromEntries(answer.headers.entries());
        delete headers["content-length"];
        delete headers["transfer-encoding"];
        res.writeHead(answer.status, headers).end(text);
      })();
    });
    return new LossyProxy(server, await listenOnLoopback(server));
  }

  /** The base URL to give Cohesion as SLACK_API_URL. */
  get apiUrl(): string {
    return `${this.url}/api/`;
  }

  close(): Promise<void> {
    return closeServer(this.server);
  }
}
