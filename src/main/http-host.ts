import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import express, { type Router } from "express";

/** The one HTTP server every HTTP platform shares: Slack at /slack/events, Teams at /api/messages. */
export interface HttpHost {
  readonly router: Router;
  /** Starts listening; resolves with the base URL (port 0 picks a free port). */
  listen(port: number, host: string | undefined): Promise<string>;
  close(): Promise<void>;
}

/** An HTTP host with a health check at GET /healthz; platforms add their own routes and body limits. */
export function createHttpHost(): HttpHost {
  const app = express();
  app.disable("x-powered-by");
  const router = express.Router();
  app.get("/healthz", (_req, res) => {
    res.type("text/plain").send("ok");
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
