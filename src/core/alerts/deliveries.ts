import type { Address } from "../../kernel/address.js";
import type { CoreContext } from "../context.js";
import type { Group } from "../setup/index.js";
import { makeDelivery } from "../schedule.js";
import { addHours, isWithin } from "../../kernel/time.js";
import type { Delivery, GroupState } from "../state.js";
import type { Alert } from "./alert.js";
import { groupAlerts } from "./group-alerts.js";

/** How long an alert stays worth sending after it falls due (during downtime, say). */
export const alertGraceHours = 7 * 24;

/** Which alerts of a group to deliver, in which window, as which kind, to whom. */
export interface AlertRoute {
  readonly ctx: CoreContext;
  readonly group: Group;
  readonly state: Readonly<GroupState>;
  readonly from: Date;
  readonly to: Date;
  readonly kind: "alert" | "team-alert";
  readonly recipientsOf: (alert: Alert) => readonly Address[];
}

/** Deliveries of alerts whose notifications fall in (from, to], to the recipients `recipientsOf` gives each alert. */
export function alertDeliveries({ ctx, group, state, from, to, kind, recipientsOf }: AlertRoute): Delivery[] {
  return groupAlerts(ctx, group, state, to).flatMap((alert) =>
    alert.notifications
      .filter((notification) => isWithin(notification.at, from, to))
      .flatMap((notification) =>
        recipientsOf(alert).map((recipient) => {
          const delivery = makeDelivery({
            kind,
            group,
            session: notification.session,
            recipient,
            dueAt: notification.at,
            expiresAt: addHours(notification.at, alertGraceHours),
          });
          return { ...delivery, key: `${delivery.key}:${alert.id}`, alert: alert.id };
        }),
      ),
  );
}
