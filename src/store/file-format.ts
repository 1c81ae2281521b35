import { corruptDocument } from "./document-errors.js";

/** How a document's file was stored: encrypted or not, and whether in the form the store writes now. */
export interface StoredForm {
  readonly sealed: boolean;
  readonly current: boolean;
}

/** A decoded file: the document's JSON, and how it was stored. */
export interface DecodedFile extends StoredForm {
  readonly json: unknown;
}

/** How one document's data becomes the bytes of its file, and back. */
export interface FileFormat {
  /** Whether `encode` encrypts. */
  readonly seals: boolean;
  /** The JSON held in `bytes`; a problem is a StartupError naming `file`. */
  decode(file: string, bytes: Buffer): DecodedFile | Promise<DecodedFile>;
  /** The bytes to write for `data`. */
  encode(data: unknown): Buffer | Promise<Buffer>;
}

/** Indented JSON, as documents are stored when they are not encrypted. */
export const plainJson = {
  seals: false,
  decode: (file: string, bytes: Buffer): DecodedFile => ({
    json: parseJson(file, bytes),
    sealed: false,
    current: true,
  }),
  encode: (data: unknown) => Buffer.from(`${JSON.stringify(data, null, 2)}\n`, "utf8"),
} satisfies FileFormat;

/** The JSON in `bytes`, or a StartupError naming `file` when they are not JSON. */
export function parseJson(file: string, bytes: Buffer): unknown {
  try {
    return JSON.parse(bytes.toString("utf8"));
  } catch (cause) {
    throw corruptDocument(file, `not valid JSON: ${(cause as Error).message}`);
  }
}
