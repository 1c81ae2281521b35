// Slack's Socket Mode end on 127.0.0.1 for several replicas: says hello on each connection, sends an envelope over the
// connection chosen, and collects each connection's acknowledgements.
import { once } from "node:events";
import type { AddressInfo } from "node:net";
import { WebSocketServer, type WebSocket } from "ws";

/** One replica's open connection, in the order they connected, and the envelope ids it acknowledged. */
export interface SocketConnection {
  readonly socket: WebSocket;
  readonly acks: string[];
}

/** A Socket Mode stand-in accepting any number of connections (Slack allows an app 10). */
export class SocketStandIn {
  readonly connections: SocketConnection[] = [];

  private constructor(private readonly server: WebSocketServer) {
    server.on("connection", (socket) => {
      const connection: SocketConnection = { socket, acks: [] };
      this.connections.push(connection);
      socket.on("message", (data) => {
        const ack = JSON.parse(String(data)) as { envelope_id?: string };
        if (ack.envelope_id !== undefined) connection.acks.push(ack.envelope_id);
      });
      const hello = {
        type: "hello",
        num_connections: this.connections.length,
        connection_info: { app_id: "A0COHESION" },
      };
      socket.send(JSON.stringify({ ...hello, debug_info: { host: "applink-stand-in" } }));
    });
  }

  /** Starts the stand-in on a free port of 127.0.0.1. */
  static async start(): Promise<SocketStandIn> {
    const server = new WebSocketServer({ host: "127.0.0.1", port: 0 });
    await once(server, "listening");
    return new SocketStandIn(server);
  }

  /** The URL apps.connections.open hands out. */
  get url(): string {
    return `ws://127.0.0.1:${(this.server.address() as AddressInfo).port}/link`;
  }

  /** Sends an Events API envelope carrying `payload` over connection `index`, as Slack's `retry` attempt (0 first). */
  sendEvent(index: number, envelopeId: string, payload: Record<string, unknown>, retry = 0): void {
    const connection = this.connections[index];
    if (!connection) throw new Error(`no connection ${index}`);
    const envelope = {
      envelope_id: envelopeId,
      type: "events_api",
      accepts_response_payload: false,
      retry_attempt: retry,
      retry_reason: retry === 0 ? "" : "timeout",
      payload,
    };
    connection.socket.send(JSON.stringify(envelope));
  }

  close(): Promise<void> {
    for (const client of this.server.clients) client.terminate();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
