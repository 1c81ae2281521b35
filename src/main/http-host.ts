import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import express, { type Router } from "express";
import type { Liveness } from "../app/liveness.js";

/** The one HTTP server every HTTP platform shares: Slack at /slack/events, Teams at /api/messages. */
export interface HttpHost {
  readonly router: Router;
  /** Starts listening; resolves with the base URL (port 0 picks a free port). */
  listen(port: number, host: string | undefined): Promise<string>;
  close(): Promise<void>;
}

/** An HTTP host whose unauthenticated GET /healthz (for load balancers) answers `liveness`, 200 when up and 503 when down. */
export function createHttpHost(liveness: () => Liveness): HttpHost {
  const app = express();
  app.disable("x-powered-by");
  const router = express.Router();
  app.get("/healthz", (_req, res) => {
    const now = liveness();
    res
      .status(now.status === "ok" ? 200 : 503)
      .set("cache-control", "no-store")
      .json(now);
  });
  app.use(router);
  let server: Server | undefined;
  return {
    router,
    listen(port, host) {
      return new Promise((resolve, reject) => {
        const listening = app.listen(port, host ?? "::", (error?: Error) => {
          if (error) return reject(error);
          const address = listening.address() as AddressInfo;
          const shown = address.family === "IPv6" && address.address === "::" ? "localhost" : address.address;
          resolve(`http://${shown.includes(":") ? `[${shown}]` : shown}:${address.port}`);
        });
        server = listening;
      });
    },
    close() {
      return new Promise((resolve) => {
        if (!server) return resolve();
        server.closeAllConnections();
        server.close(() => resolve());
      });
    },
  };
}
