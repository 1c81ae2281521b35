import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createPublishedKeys, keyRefreshInterval } from "../../../src/platforms/teams/inbound/published-keys.js";
import { FakeOpenId } from "./fake-openid.js";

let openId: FakeOpenId;
let now = 0;
const timer = { now: () => now, sleep: async () => undefined };
beforeEach(async () => {
  now = 0;
  openId = new FakeOpenId();
  await openId.start();
});
afterEach(() => openId.stop());

describe("the signing keys the Bot Framework publishes", () => {
  it("are read once, and a token naming another key reads them again only after the interval", async () => {
    const keys = createPublishedKeys(openId.metadataUrl, timer, fetch);
    expect(await keys.standing("cohesion-test")).toBe("published");
    expect(await Promise.all(["forged-1", "forged-2", "forged-3"].map((kid) => keys.standing(kid)))).toEqual([
      "unpublished",
      "unpublished",
      "unpublished",
    ]);
    expect(openId.keyFetches).toBe(1);
    now += keyRefreshInterval;
    expect(await keys.standing("forged-4")).toBe("unpublished");
    expect(await keys.standing("forged-5")).toBe("unpublished");
    expect(openId.keyFetches).toBe(2);
  });

  it("are unavailable while they could never be read, and read again once the interval has passed", async () => {
    const keys = createPublishedKeys(openId.metadataUrl, timer, fetch);
    openId.status = 503;
    expect(await keys.standing("cohesion-test")).toBe("unavailable");
    openId.status = 200;
    expect(await keys.standing("cohesion-test")).toBe("unavailable");
    now += keyRefreshInterval;
    expect(await keys.standing("cohesion-test")).toBe("published");
  });

  it("keeps the keys it read through a later outage", async () => {
    const keys = createPublishedKeys(openId.metadataUrl, timer, fetch);
    expect(await keys.standing("cohesion-test")).toBe("published");
    openId.status = 503;
    now += keyRefreshInterval;
    expect(await keys.standing("rotated")).toBe("unpublished");
    expect(await keys.standing("cohesion-test")).toBe("published");
  });
});
