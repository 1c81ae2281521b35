import type { types } from "@slack/bolt";
import type { HomeView } from "../../../views/member/home-view.js";
import type { Message } from "../../../kernel/message.js";
import { actionIdPrefix, encodeValue } from "./interactive-ids.js";
import { slackLimits } from "./limits.js";
import { renderSingle, type SlackBlock } from "./message.js";

const controlLabels = { pause: "Pause reminders", resume: "Resume reminders" } as const;

/** A person's App Home: an optional notice (the answer to what they just did), their home view and the pause control. */
export function renderHome(home: HomeView, notice?: Message): types.HomeView {
  const top: SlackBlock[] = notice ? [...renderSingle(notice, 5).blocks, { type: "divider" }] : [];
  const control: SlackBlock[] = home.pauseControl
    ? [
        {
          type: "actions",
          elements: [
            {
              type: "button",
              action_id: `${actionIdPrefix}home`,
              text: { type: "plain_text", text: controlLabels[home.pauseControl] },
              value: encodeValue({ kind: "home", action: home.pauseControl }),
            },
          ],
        },
      ]
    : [];
  const room = slackLimits.blocksPerView - top.length - control.length;
  return { type: "home", blocks: [...top, ...renderSingle(home.message, room).blocks, ...control] };
}
