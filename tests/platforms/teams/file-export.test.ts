import { afterEach, describe, expect, it } from "vitest";
import { toAddress } from "../../../src/kernel/address.js";
import type { Message } from "../../../src/kernel/message.js";
import {
  addedToTeam,
  careChannel,
  fileConsent,
  installed,
  personalChat,
  personalMessage,
  teamsAddress,
} from "./activities.js";
import { cardText, lastCard } from "./cards.js";
import { startTeams, type TeamsHarness } from "./teams-harness.js";

let teams: TeamsHarness;
afterEach(() => teams.stop());

const csv = new TextEncoder().encode("session,engaged\n1,4.4\n");
const exportMessage: Message = {
  text: "Export of pain-tue",
  blocks: [
    { type: "text", text: "Here is the export you asked for." },
    { type: "file", filename: "pain-tue.csv", mediaType: "text/csv", data: csv, title: "Export of pain-tue" },
  ],
};

function teamsMessenger() {
  const platform = teams.chat.platforms.find((p) => p.name === "teams");
  if (!platform) throw new Error("Teams is not running");
  return platform.messenger;
}

/** Sends the export to okafor and returns the consent card's activity id and file id. */
async function offerToOkafor(): Promise<{ id: string; fileId: string }> {
  teams = await startTeams();
  await teams.post(installed("okafor", teams.connector.url));
  await teamsMessenger().send(toAddress(teamsAddress("okafor")), exportMessage);
  const consent = teams.connector.posted(personalChat("okafor")).at(-1);
  const attachment = (
    consent?.body.attachments as {
      contentType: string;
      content: { acceptContext: { fileId: string }; sizeInBytes: number };
    }[]
  )[0];
  expect(attachment?.contentType).toBe("application/vnd.microsoft.teams.card.file.consent");
  expect(attachment?.content.sizeInBytes).toBe(csv.byteLength);
  return { id: consent?.id ?? "", fileId: attachment?.content.acceptContext.fileId ?? "" };
}

const uploadInfo = (url: string) => ({
  uploadUrl: `${url}upload/pain-tue.csv`,
  contentUrl: "https://contoso-my.sharepoint.com/pain-tue.csv",
  name: "pain-tue.csv",
  uniqueId: "drive-item",
  fileType: "csv",
});

describe("handing a lead a CSV export on Teams", () => {
  it("offers the file in the lead's personal chat and uploads it to their OneDrive once they allow it", async () => {
    const { id, fileId } = await offerToOkafor();
    expect(cardText(lastCard(teams.connector.posted(personalChat("okafor"))).card)).toContain("choose Allow");
    const response = await teams.post(
      fileConsent(
        "okafor",
        { type: "fileUpload", action: "accept", context: { fileId }, uploadInfo: uploadInfo(teams.connector.url) },
        id,
        teams.connector.url,
      ),
    );
    expect(response.status).toBe(200);
    expect(teams.connector.uploads).toEqual([
      {
        path: "/upload/pain-tue.csv",
        contentRange: `bytes 0-${csv.byteLength - 1}/${csv.byteLength}`,
        data: Buffer.from(csv),
      },
    ]);
    const shown = teams.connector.posted(personalChat("okafor")).at(-1)?.body.attachments as {
      contentType: string;
      contentUrl: string;
    }[];
    expect(shown[0]).toMatchObject({
      contentType: "application/vnd.microsoft.teams.card.file.info",
      contentUrl: "https://contoso-my.sharepoint.com/pain-tue.csv",
    });
  });

  it("drops the file when the lead declines, and cannot upload it afterwards", async () => {
    const { id, fileId } = await offerToOkafor();
    await teams.post(
      fileConsent("okafor", { type: "fileUpload", action: "decline", context: { fileId } }, id, teams.connector.url),
    );
    expect(cardText(lastCard(teams.connector.posted(personalChat("okafor"))).card)).toContain(
      "I haven't saved the file",
    );
    await teams.post(
      fileConsent(
        "okafor",
        { type: "fileUpload", action: "accept", context: { fileId }, uploadInfo: uploadInfo(teams.connector.url) },
        id,
        teams.connector.url,
      ),
    );
    expect(teams.connector.uploads).toEqual([]);
    expect(cardText(lastCard(teams.connector.posted(personalChat("okafor"))).card)).toContain(
      "no longer waiting for you",
    );
  });

  it("never hands the file to anyone but the lead it was offered to", async () => {
    const { id, fileId } = await offerToOkafor();
    await teams.post(installed("ben", teams.connector.url));
    await teams.post(
      fileConsent(
        "ben",
        { type: "fileUpload", action: "accept", context: { fileId }, uploadInfo: uploadInfo(teams.connector.url) },
        id,
        teams.connector.url,
      ),
    );
    expect(teams.connector.uploads).toEqual([]);
  });

  it("in a channel, says files come only in a personal chat and offers none", async () => {
    teams = await startTeams();
    await teams.post(addedToTeam("okafor", teams.connector.url));
    await teamsMessenger().send(toAddress(`teams:${careChannel}`), exportMessage);
    const posted = teams.connector.posted(careChannel);
    expect(posted).toHaveLength(1);
    expect(cardText(lastCard(posted).card)).toContain("only lets me hand over files in a personal chat");
  });

  it("answers `export pain-tue` typed by a lead with the figures offered as a file", async () => {
    teams = await startTeams({ now: "2026-12-10T12:00:00Z" });
    await teams.post(installed("okafor", teams.connector.url));
    await teams.post(personalMessage("okafor", "export pain-tue", teams.connector.url));
    const offer = teams.connector.posted(personalChat("okafor")).at(-1)?.body.attachments as {
      contentType: string;
      name: string;
    }[];
    expect(offer[0]?.contentType).toBe("application/vnd.microsoft.teams.card.file.consent");
    expect(offer[0]?.name).toMatch(/\.csv$/);
  });
});
