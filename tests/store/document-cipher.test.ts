import { describe, expect, it } from "vitest";
import { DocumentCipher, keyIdOf } from "../../src/store/document-cipher.js";
import { SealedDocumentError } from "../../src/store/sealed-envelope.js";
import { newKey } from "./encryption-helpers.js";

const document = Buffer.from('{"schemaVersion":1,"groupId":"pain-tue","text":"slack:U0SECRET1"}', "utf8");

/** The problem `open` reports, or "opened" when it succeeds. */
function openProblem(run: () => unknown): string {
  try {
    run();
    return "opened";
  } catch (error) {
    expect(error).toBeInstanceOf(SealedDocumentError);
    return (error as SealedDocumentError).problem;
  }
}

describe("DocumentCipher", () => {
  it("opens what it sealed, and the envelope is versioned JSON naming the key, without the plaintext", () => {
    const key = newKey();
    const cipher = new DocumentCipher(key);
    const sealed = cipher.seal("groups/pain-tue", document);
    const envelope = JSON.parse(sealed.toString("utf8")) as Record<string, unknown>;
    expect(Object.keys(envelope)).toEqual(["cohesion-sealed", "alg", "kid", "iv", "tag", "ciphertext"]);
    expect(envelope).toMatchObject({ "cohesion-sealed": 1, alg: "AES-256-GCM", kid: keyIdOf(key) });
    expect(sealed.includes("U0SECRET1")).toBe(false);
    expect(cipher.open("groups/pain-tue", sealed)).toEqual({ plaintext: document, keyId: keyIdOf(key) });
  });

  it("uses a fresh IV each time, so the same document never seals to the same bytes", () => {
    const cipher = new DocumentCipher(newKey());
    expect(cipher.seal("organisation", document).equals(cipher.seal("organisation", document))).toBe(false);
  });

  it("gives a short key id that does not contain the key", () => {
    const key = newKey();
    expect(keyIdOf(key)).toMatch(/^[0-9a-f]{16}$/);
    expect(keyIdOf(key)).toBe(keyIdOf(Buffer.from(key)));
    expect(key.toString("hex")).not.toContain(keyIdOf(key));
    expect(keyIdOf(newKey())).not.toBe(keyIdOf(key));
  });

  it("opens what a previous key sealed, and seals with the current key only", () => {
    const old = newKey();
    const current = newKey();
    const sealedBefore = new DocumentCipher(old).seal("organisation", document);
    const rotating = new DocumentCipher(current, [old]);
    expect(rotating.keyIds).toEqual([keyIdOf(current), keyIdOf(old)]);
    expect(rotating.open("organisation", sealedBefore).keyId).toBe(keyIdOf(old));
    expect(rotating.open("organisation", rotating.seal("organisation", document)).keyId).toBe(keyIdOf(current));
  });

  it("refuses a document sealed with a key it was not given", () => {
    const sealed = new DocumentCipher(newKey()).seal("organisation", document);
    expect(openProblem(() => new DocumentCipher(newKey()).open("organisation", sealed))).toBe("unknown-key");
  });

  it("refuses an envelope opened under another document's name, so files cannot be swapped", () => {
    const cipher = new DocumentCipher(newKey());
    const sealed = cipher.seal("groups/pain-tue", document);
    expect(openProblem(() => cipher.open("groups/grief-thu", sealed))).toBe("not-authentic");
  });

  it("detects every changed bit of an envelope, whatever the document's length", () => {
    const cipher = new DocumentCipher(newKey());
    // Lengths 0 to 5 extra bytes give every kind of base64 padding in the ciphertext.
    for (let extra = 0; extra < 6; extra++) {
      const sealed = cipher.seal("groups/pain-tue", Buffer.concat([document, Buffer.alloc(extra, 0x20)]));
      for (let index = 0; index < sealed.length; index++) {
        for (let bit = 0; bit < 8; bit++) {
          const tampered = Buffer.from(sealed);
          tampered[index] = tampered[index]! ^ (1 << bit);
          const problem = openProblem(() => cipher.open("groups/pain-tue", tampered));
          expect(problem, `byte ${index}, bit ${bit}`).not.toBe("opened");
        }
      }
    }
  });

  it("refuses an envelope whose base64 is not written the one canonical way, or whose IV has the wrong length", () => {
    const cipher = new DocumentCipher(newKey());
    // 65 bytes seal to 65 bytes of ciphertext: base64 with one "=" of padding; sealed until it holds a "+" or "/".
    const seal = () => JSON.parse(cipher.seal("organisation", Buffer.alloc(65, 0x20)).toString("utf8"));
    let envelope = seal() as Record<string, string>;
    while (!/[+/]/.test(envelope["ciphertext"]!)) envelope = seal() as Record<string, string>;
    const ciphertext = envelope["ciphertext"]!;
    const reworded = (field: string, text: string) =>
      openProblem(() => cipher.open("organisation", Buffer.from(JSON.stringify({ ...envelope, [field]: text }))));
    expect(reworded("ciphertext", ciphertext)).toBe("opened");
    expect(reworded("ciphertext", ciphertext.replace(/=$/, ""))).toBe("malformed");
    expect(reworded("ciphertext", ciphertext.replaceAll("+", "-").replaceAll("/", "_"))).toBe("malformed");
    expect(reworded("ciphertext", `${ciphertext.slice(0, 8)}\n${ciphertext.slice(8)}`)).toBe("malformed");
    expect(reworded("iv", Buffer.alloc(16).toString("base64"))).toBe("malformed");
    expect(reworded("tag", "not base64!")).toBe("malformed");
  });

  it("refuses bytes that are not an envelope, and keys that are not 32 bytes", () => {
    const cipher = new DocumentCipher(newKey());
    expect(openProblem(() => cipher.open("organisation", document))).toBe("malformed");
    expect(() => new DocumentCipher(Buffer.alloc(16))).toThrow("32 bytes");
    expect(() => new DocumentCipher(newKey(), [Buffer.alloc(31)])).toThrow("32 bytes");
  });

  it("derives a key for each purpose from the data key, the same each time, and never the data key itself", () => {
    const key = newKey();
    const derived = new DocumentCipher(key).deriveKey("pseudonyms");
    expect(derived).toHaveLength(32);
    expect(new DocumentCipher(key).deriveKey("pseudonyms").equals(derived)).toBe(true);
    expect(new DocumentCipher(key).deriveKey("another purpose").equals(derived)).toBe(false);
    expect(new DocumentCipher(newKey()).deriveKey("pseudonyms").equals(derived)).toBe(false);
    expect(derived.equals(key)).toBe(false);
  });
});
