import type { AnalyticsSettings } from "../../setup/index.js";

/** The trend parameters of an organisation. */
export type TrendSettings = AnalyticsSettings["trend"];

/** The alert thresholds of an organisation. */
export type AlertSettings = AnalyticsSettings["alerts"];
