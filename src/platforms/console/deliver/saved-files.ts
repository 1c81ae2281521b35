import { mkdir, open } from "node:fs/promises";
import { basename, extname, join } from "node:path";
import type { FileBlock, Message } from "../../../kernel/message.js";

/** A file name safe on any file system: letters, digits, dots, dashes and underscores only. */
export function safeFilename(name: string): string {
  const cleaned = basename(name)
    .replace(/[^A-Za-z0-9._-]+/g, "-")
    .replace(/^[.-]+/, "");
  return cleaned === "" ? "export.csv" : cleaned;
}

async function writeNew(dir: string, filename: string, data: Uint8Array): Promise<string> {
  const extension = extname(filename);
  const stem = filename.slice(0, filename.length - extension.length);
  for (let copy = 1; ; copy += 1) {
    const path = join(dir, copy === 1 ? filename : `${stem}-${copy}${extension}`);
    try {
      // "wx" never overwrites an earlier export; 0600 because exports are health information.
      const handle = await open(path, "wx", 0o600);
      try {
        await handle.writeFile(data);
      } finally {
        await handle.close();
      }
      return path;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
  }
}

/** Saves each file block of a message under `dir` (made if missing, private to this user); returns where each went. */
export async function saveFiles(dir: string, message: Message): Promise<Map<FileBlock, string>> {
  const saved = new Map<FileBlock, string>();
  const files = message.blocks.filter((block): block is FileBlock => block.type === "file");
  if (files.length === 0) return saved;
  await mkdir(dir, { recursive: true, mode: 0o700 });
  for (const file of files) saved.set(file, await writeNew(dir, safeFilename(file.filename), file.data));
  return saved;
}

/** Like saveFiles, but a file that cannot be saved is explained to the person instead of failing the whole reply. */
export async function saveFilesOrSay(
  dir: string,
  message: Message,
  write: (text: string) => void,
): Promise<Map<FileBlock, string>> {
  try {
    return await saveFiles(dir, message);
  } catch (error) {
    write(
      `Sorry, I couldn't save the file in ${dir} (${(error as NodeJS.ErrnoException).code ?? "unexpected error"}).\n`,
    );
    return new Map();
  }
}
