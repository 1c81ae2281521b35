import { afterAll, describe, expect, it, vi } from "vitest";
import { allBytes } from "../store/encryption-helpers.js";
import { removeTempDirs } from "../support/temp-dirs.js";
import { allCanaries, canaryName, canaryPeople, canaryText } from "./canaries.js";
import { faultTimeoutMs } from "./fault-counts.js";
import { FaultWorld, faultGroup } from "./fault-world.js";
import {
  directMessage,
  formItems,
  fullCheckin,
  homeOpened,
  postWith,
  press,
  pulseChoice,
  send,
  slashCommand,
  submitForm,
  urlVerification,
} from "./slack-traffic.js";

let world: FaultWorld;
afterAll(async () => {
  await world.close();
  await removeTempDirs();
});

describe("canary names, ids, answers and free text, through every Slack route of the real bot", () => {
  it(
    "never appear in its logs, nor readable in any file of the data directory",
    async () => {
      world = await FaultWorld.create({ members: 3, moment: "checkin-open" });
      const [ana, ben, carla] = world.members as [string, string, string];
      const [lead] = canaryPeople.leads;
      const { fake } = world;
      const bot = await world.start();
      await vi.waitFor(() => world.members.forEach((m) => postWith(fake, m, fullCheckin)), { timeout: 240_000 });
      const ok = async (request: Parameters<typeof send>[1]) => expect((await send(bot.url, request)).status).toBe(200);
      const respond = `${fake.url}/respond/1`;

      await ok(press(postWith(fake, ana, pulseChoice), (value) => value.kind === "choice" && value.value === 1));
      await ok(press(postWith(fake, ben, fullCheckin), fullCheckin, { triggerId: `trigger-${ben}` }));
      await vi.waitFor(() => expect(fake.callsOf("views.open")).toHaveLength(1), { timeout: 60_000 });
      const opened = fake.callsOf("views.open")[0]!;
      expect(formItems(opened).length).toBeGreaterThan(0);
      await ok(submitForm(ben, opened, 6));
      await ok(directMessage(ana, `${canaryText}, my name is ${canaryName}`, "Ev0CANARY01"));
      await ok(directMessage(carla, `${canaryText}: I want to die`, "Ev0CANARY02"));
      await ok(homeOpened(carla, "Ev0CANARY03"));
      await ok(slashCommand(carla, `pause ${canaryText}`, respond));
      await ok(slashCommand(lead, `summary ${faultGroup}`, respond));
      await ok(slashCommand(lead, `attendance ${faultGroup} 2 2 <@${carla}> ${canaryText}`, respond));
      await ok(slashCommand(lead, `status ${faultGroup} <@${ana}> on-hold`, respond));
      const verified = await send(bot.url, urlVerification(canaryText));
      expect(verified.text).toContain(canaryText);
      // Both leads hear of the urgent words.
      await vi.waitFor(
        () =>
          expect(
            fake.callsOf("chat.postMessage").filter((call) => String(call.args["channel"]).includes("LEAD")).length,
          ).toBeGreaterThanOrEqual(2),
        { timeout: 60_000 },
      );
      await bot.stop();

      const answers = await world.withStore(async (store) => (await store.readGroup(faultGroup)).answers);
      expect(Object.keys(answers).filter((key) => key.includes(ben))).toHaveLength(formItems(opened).length);
      const bytes = (await allBytes(world.dataDir)).toString("latin1");
      for (const canary of allCanaries(world.members.length)) {
        expect(world.allOutput, canary).not.toContain(canary);
        expect(bytes, canary).not.toContain(canary);
      }
    },
    faultTimeoutMs,
  );
});
