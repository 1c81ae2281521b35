import { z } from "zod";

// Version 1 is AES-256-GCM with a 96-bit IV and a 128-bit tag; another algorithm or layout would be version 2.
const envelopeVersion = 1;
const marker = "cohesion-sealed";

/** A sealed document: the id of the key, the IV, the GCM tag and the ciphertext of the document's bytes. */
export interface Envelope {
  readonly keyId: string;
  readonly iv: Buffer;
  readonly tag: Buffer;
  readonly ciphertext: Buffer;
}

/** Why a sealed document cannot be opened: malformed envelope, a key not given, or a failed authentication. */
export type SealedDocumentProblem = "malformed" | "unknown-key" | "not-authentic";

/** A sealed document that cannot be opened; the message holds no key and no content. */
export class SealedDocumentError extends Error {
  constructor(
    readonly problem: SealedDocumentProblem,
    message: string,
  ) {
    super(message);
    this.name = "SealedDocumentError";
  }
}

// Only the canonical encoding is accepted, so that every changed byte of an envelope is detected: decoding skips what is
// not base64 and takes the URL-safe alphabet and missing padding, so anything but canonical base64 encodes back
// differently. One decode and one encode, however long the ciphertext (a pattern over megabytes cost start-up dearly).
const base64 = (length?: number) =>
  z.string().transform((text, context) => {
    const bytes = Buffer.from(text, "base64");
    if (bytes.toString("base64") !== text) context.addIssue({ code: "custom", message: "expected canonical base64" });
    else if (length !== undefined && bytes.length !== length)
      context.addIssue({ code: "custom", message: `expected ${length} bytes` });
    return bytes;
  });

const envelopeSchema = z.strictObject({
  [marker]: z.literal(envelopeVersion, { error: `expected envelope version ${envelopeVersion}` }),
  alg: z.literal("AES-256-GCM"),
  kid: z.string().regex(/^[0-9a-f]{16}$/, "expected a key id of 16 hexadecimal digits"),
  iv: base64(12),
  tag: base64(16),
  ciphertext: base64(),
});

/** The envelope held in `bytes`, or undefined when they are not a sealed document (plain JSON, or not JSON at all). */
export function readEnvelope(bytes: Uint8Array): Envelope | undefined {
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(bytes).toString("utf8"));
  } catch {
    return undefined;
  }
  if (typeof json !== "object" || json === null || !(marker in json)) return undefined;
  const result = envelopeSchema.safeParse(json);
  if (!result.success) {
    const issues = result.error.issues.map((issue) => `${issue.path.map(String).join(".")}: ${issue.message}`);
    throw new SealedDocumentError("malformed", `not a valid sealed document (${issues.join("; ")})`);
  }
  const { kid, iv, tag, ciphertext } = result.data;
  return { keyId: kid, iv, tag, ciphertext };
}

/** The bytes of `envelope`: one line of JSON. */
export function writeEnvelope(envelope: Envelope): Buffer {
  const json = {
    [marker]: envelopeVersion,
    alg: "AES-256-GCM",
    kid: envelope.keyId,
    iv: envelope.iv.toString("base64"),
    tag: envelope.tag.toString("base64"),
    ciphertext: envelope.ciphertext.toString("base64"),
  };
  return Buffer.from(`${JSON.stringify(json)}\n`, "utf8");
}

/** The additional authenticated data: binds the ciphertext to the envelope's version, its key id and the document's name. */
export function additionalData(name: string, keyId: string): Buffer {
  return Buffer.from(`${marker}/${envelopeVersion}\n${keyId}\n${name}`, "utf8");
}
