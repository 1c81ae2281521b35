import { readdir, readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { consoleAt } from "./console-harness.js";
import type { Message } from "../../../src/kernel/message.js";
import { renderForConsole } from "../../../src/platforms/console/render/message.js";
import { safeFilename, saveFiles } from "../../../src/platforms/console/deliver/saved-files.js";
import { makeTempDir, removeTempDirs } from "../../support/temp-dirs.js";

afterAll(removeTempDirs);

const csv = (filename: string, text = "a,b\r\n1,2\r\n"): Message => ({
  text: "Here is your export.",
  blocks: [
    { type: "text", text: "Here is your export." },
    {
      type: "file",
      filename,
      mediaType: "text/csv",
      data: new TextEncoder().encode(text),
      title: "Climate per session",
    },
  ],
});

describe("files in the console", () => {
  it("saves a file under the exports folder, readable only by you, and shows where", async () => {
    const dir = join(await makeTempDir(), "exports");
    const message = csv("pain-tue-climate-2026-12-11.csv");
    const saved = await saveFiles(dir, message);
    const path = join(dir, "pain-tue-climate-2026-12-11.csv");
    expect([...saved.values()]).toEqual([path]);
    expect(await readFile(path, "utf8")).toBe("a,b\r\n1,2\r\n");
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    expect(renderForConsole(message, saved).text).toContain(`[file saved: ${path} · Climate per session, 10 bytes]`);
  });

  it("never overwrites an earlier export of the same name", async () => {
    const dir = await makeTempDir();
    await saveFiles(dir, csv("export.csv", "first"));
    await saveFiles(dir, csv("export.csv", "second"));
    expect((await readdir(dir)).sort()).toEqual(["export-2.csv", "export.csv"]);
    expect(await readFile(join(dir, "export.csv"), "utf8")).toBe("first");
  });

  it("keeps file names inside the folder and free of odd characters", () => {
    expect(safeFilename("../../etc/passwd")).toBe("passwd");
    expect(safeFilename("climate report (final).csv")).toBe("climate-report-final-.csv");
    expect(safeFilename("..")).toBe("export.csv");
  });

  it("shows the chart's sparklines in place of the picture", () => {
    const text = renderForConsole({
      text: "t",
      blocks: [{ type: "image", png: new Uint8Array(1), alt: "Engaged rose", textVersion: "Engaged  ▁▃▅  1.0 → 3.0" }],
    }).text;
    expect(text).toBe("  Chart:\n    Engaged  ▁▃▅  1.0 → 3.0");
    expect(
      renderForConsole({ text: "t", blocks: [{ type: "image", png: new Uint8Array(1), alt: "Engaged rose" }] }).text,
    ).toBe("  [chart: Engaged rose]");
  });

  it("saves an export a lead asks for at the console and shows its path", async () => {
    const exportsDir = join(await makeTempDir(), "exports");
    const { type } = consoleAt("2026-12-05T09:00:00Z", exportsDir);
    const output = await type("/as lead okafor", "/cohesion export pain-tue");
    expect(output).toContain(
      `[file saved: ${join(exportsDir, "pain-tue-climate-2026-12-05.csv")} · Climate per session, Chronic pain skills, Tuesday evening`,
    );
    expect(await readdir(exportsDir)).toEqual(["pain-tue-climate-2026-12-05.csv"]);
  });
});
