import { it } from "vitest";
import { exampleConfig, makeWorld } from "../support/world.js";
it("late joiner", async () => {
  const w0 = makeWorld({ now: "2026-11-27T18:00:00Z", config: exampleConfig((c) => ({ ...c, groups: c.groups.filter((g) => g.id === "pain-tue") })) });
  await w0.dispatcher.sweep();
  w0.clock.set("2026-12-15T19:50:00Z"); await w0.dispatcher.sweep();
  const config = exampleConfig((c) => ({ ...c, groups: c.groups.filter((g) => g.id === "pain-tue").map((g) => ({ ...g, members: [...g.members, "console:zoe"] })) }));
  const w = makeWorld({ now: "2026-12-16T10:00:00Z", config, store: w0.store });
  console.log(JSON.stringify(await w.dispatcher.sweep()));
  console.log(w.messenger.sent.map((s) => s.to + " " + s.message.text).join("\n"));
});
it("nudge after late checkin", async () => {
  const w = makeWorld({ now: "2026-11-30T18:00:00Z", config: exampleConfig((c) => ({ ...c, groups: c.groups.filter((g) => g.id === "pain-tue") })) });
  await w.dispatcher.sweep();
  w.clock.set("2026-12-03T12:00:00Z"); await w.dispatcher.sweep();
  w.clock.set("2026-12-03T12:01:00Z"); await w.dispatcher.sweep();
  console.log(w.messenger.sent.filter((s) => s.to === "console:ana").map((s) => s.message.text).join("\n"));
});
