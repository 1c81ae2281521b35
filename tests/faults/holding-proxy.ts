// Stands between one Cohesion replica and the fake Slack Web API on 127.0.0.1: passes each call on, counts the replica's
// posts to members' direct messages, and can leave one post hanging so the replica dies with it claimed mid-send.
import { createServer, type IncomingMessage, type Server } from "node:http";
import { closeServer, listenOnLoopback } from "../support/loopback-server.js";

/** What happens to the post held: Slack never saw it, or Slack posted it and the answer never came back. */
export type HoldMode = "unsent" | "posted";

/** Hands out hold modes to the proxies whose replicas reach the chosen post first, each mode once. */
export class HoldPlan {
  constructor(
    /** Which post of a replica's fan-out is held (1 is its first). */
    readonly atPost: number,
    private readonly modes: HoldMode[],
  ) {}

  /** The next mode to hold a post with, if any is left. */
  take(): HoldMode | undefined {
    return this.modes.shift();
  }
}

/** A post left hanging: to whom, and how. */
export interface HeldPost {
  readonly channel: string;
  readonly mode: HoldMode;
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

/** A proxy to `target` for one replica, holding the post its `plan` picks. */
export class HoldingProxy {
  /** Posts to direct messages this replica made, answered or held. */
  posts = 0;
  /** Resolves with the held post once this replica's request for it has arrived (it never gets an answer). */
  readonly held: Promise<HeldPost>;
  private hold: (post: HeldPost) => void = () => undefined;

  private constructor(
    private readonly server: Server,
    readonly url: string,
  ) {
    this.held = new Promise((resolve) => (this.hold = resolve));
  }

  /** Starts the proxy on a free port of 127.0.0.1. */
  static async start(target: string, plan: HoldPlan): Promise<HoldingProxy> {
    const server = createServer();
    const proxy = new HoldingProxy(server, await listenOnLoopback(server));
    server.on("request", (req, res) => {
      void (async () => {
        const body = await readBody(req);
        const contentType = req.headers["content-type"] ?? "";
        const fields = new URLSearchParams(contentType.includes("json") ? "" : body.toString());
        const channel = fields.get("channel") ?? "";
        const isDirectPost = req.url === "/api/chat.postMessage" && channel.startsWith("D");
        const mode = isDirectPost && ++proxy.posts === plan.atPost ? plan.take() : undefined;
        if (mode === "unsent") return proxy.hold({ channel, mode });
        const answer = await fetch(`${target}${req.url ?? ""}`, {
          method: req.method,
          headers: { "content-type": contentType, authorization: req.headers.authorization ?? "" },
          ...(req.method === "POST" ? { body } : {}),
        });
        const text = await answer.text();
        if (mode === "posted") return proxy.hold({ channel, mode });
        res.writeHead(answer.status, { "content-type": answer.headers.get("content-type") ?? "" }).end(text);
      })();
    });
    return proxy;
  }

  /** The base URL to give the replica as SLACK_API_URL. */
  get apiUrl(): string {
    return `${this.url}/api/`;
  }

  close(): Promise<void> {
    return closeServer(this.server);
  }
}
