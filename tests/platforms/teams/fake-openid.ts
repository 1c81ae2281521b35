import { createSign, generateKeyPairSync, type KeyObject } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/** The issuer of tokens the Bot Framework Service signs for a bot. */
export const botFrameworkIssuer = "https://api.botframework.com";

function base64url(value: string | Buffer): string {
  return Buffer.from(value).toString("base64url");
}

/**
 * Microsoft's sign-in metadata for the Bot Framework, on 127.0.0.1: an OpenID configuration and its
 * signing key (endorsed for Teams), plus a way to sign tokens as the Bot Framework Service would.
 */
export class FakeOpenId {
  private readonly keys = generateKeyPairSync("rsa", { modulusLength: 2048 });
  private server: Server | undefined;
  metadataUrl = "";
  /** How many times the signing keys were fetched. */
  keyFetches = 0;
  /** The HTTP status the metadata and keys are served with; anything but 200 stands for an outage. */
  status = 200;

  async start(): Promise<void> {
    const jwk = this.keys.publicKey.export({ format: "jwk" });
    this.server = createServer((request, response) => {
      const keys = request.url === "/v1/.well-known/keys";
      if (keys) this.keyFetches += 1;
      const body = keys
        ? { keys: [{ ...jwk, kid: "cohesion-test", use: "sig", endorsements: ["msteams"] }] }
        : { issuer: botFrameworkIssuer, jwks_uri: this.metadataUrl.replace(/openidconfiguration$/, "keys") };
      response.writeHead(this.status, { "content-type": "application/json" });
      response.end(JSON.stringify(body));
    });
    await new Promise<void>((resolve) => this.server?.listen(0, "127.0.0.1", resolve));
    // The path Microsoft publishes it at: the Teams SDK finds the keys beside it, at .../keys.
    this.metadataUrl = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/v1/.well-known/openidconfiguration`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }

  /** A bearer token for `appId` and `serviceUrl`; `signedWith` another key makes a forgery, `claims` change its claims. */
  token(
    appId: string,
    serviceUrl: string,
    signedWith: KeyObject = this.keys.privateKey,
    claims: Record<string, unknown> = {},
  ): string {
    const now = Math.floor(Date.now() / 1000);
    const header = base64url(JSON.stringify({ alg: "RS256", typ: "JWT", kid: "cohesion-test" }));
    const payload = base64url(
      JSON.stringify({
        iss: botFrameworkIssuer,
        aud: appId,
        serviceurl: serviceUrl,
        nbf: now - 60,
        exp: now + 3600,
        ...claims,
      }),
    );
    const signature = createSign("RSA-SHA256").update(`${header}.${payload}`).sign(signedWith);
    return `${header}.${payload}.${base64url(signature)}`;
  }

  /** A key the Bot Framework never published, for forged tokens. */
  static otherKey(): KeyObject {
    return generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey;
  }
}
