/** Cohesion's dependency rules, checked by `npm test` (README: "Where things live"). */
const outsideCore = "^src/(views|app|main|platforms|store|chart-renderer)/|^(commands|schedules)/";
const sdks = "node_modules/(@slack|@microsoft|lowdb|node-cron|pino|express|@resvg|vega)";

module.exports = {
  forbidden: [
    {
      name: "no-cycles",
      severity: "error",
      comment: "Imports never go round in a circle.",
      from: {},
      to: { circular: true },
    },
    {
      name: "core-areas-through-their-index",
      severity: "error",
      comment: "One core area uses another only through its index.ts.",
      from: { path: "^src/core/([^/]+)/" },
      to: { path: "^src/core/[^/]+/", pathNot: ["^src/core/$1/", "^src/core/[^/]+/index\\.ts$"] },
    },
    {
      name: "core-areas-from-outside-through-their-index",
      severity: "error",
      comment: "Outside the core (and its composing root files), an area is used only through its index.ts.",
      from: { pathNot: "^src/core/" },
      to: { path: "^src/core/[^/]+/", pathNot: "^src/core/[^/]+/index\\.ts$" },
    },
    {
      name: "kernel-depends-on-nothing-of-ours",
      severity: "error",
      from: { path: "^src/kernel/" },
      to: { path: `^src/core/|${outsideCore}` },
    },
    {
      name: "core-is-rules-and-numbers",
      severity: "error",
      comment: "The core never imports views, app, main, a platform, a store or the chart renderer.",
      from: { path: "^src/core/" },
      to: { path: outsideCore },
    },
    {
      name: "core-and-views-import-no-sdk",
      severity: "error",
      comment:
        "Rules, views, commands and schedules import no platform SDK, store library, scheduler, logger or web server.",
      from: { path: "^src/(kernel|core|views)/|^(commands|schedules)/" },
      to: { path: sdks },
    },
    {
      name: "views-read-the-core-only",
      severity: "error",
      from: { path: "^src/views/" },
      to: { path: "^src/(app|main|platforms|store|chart-renderer)/|^(commands|schedules)/" },
    },
    {
      name: "commands-and-schedules-are-core-and-views",
      severity: "error",
      from: { path: "^(commands|schedules)/" },
      to: { path: "^src/(app|main|platforms|store|chart-renderer)/" },
    },
    {
      name: "app-knows-no-platform-or-store",
      severity: "error",
      from: { path: "^src/app/" },
      to: { path: "^src/(main|platforms|store|chart-renderer)/" },
    },
    {
      name: "no-platform-imports-another",
      severity: "error",
      from: { path: "^src/platforms/([^/]+)/" },
      to: { path: "^src/platforms/", pathNot: "^src/platforms/$1/" },
    },
    {
      name: "platforms-know-no-main-or-store",
      severity: "error",
      from: { path: "^src/platforms/" },
      to: { path: "^src/(main|store|chart-renderer)/|^(commands|schedules)/" },
    },
    {
      name: "store-knows-only-kernel-and-state",
      severity: "error",
      from: { path: "^src/store/" },
      to: { path: "^src/(views|app|main|platforms|chart-renderer)/|^(commands|schedules)/" },
    },
    {
      name: "only-main-composes",
      severity: "error",
      comment: "Only src/main wires platforms, stores, the chart renderer, commands and schedules together.",
      from: { path: "^src/([^/]+)/", pathNot: "^src/main/" },
      to: {
        path: "^src/(main|store|chart-renderer)/|^(commands|schedules)/index\\.ts$|^src/platforms/[^/]+/[^/]+-platform\\.ts$",
        pathNot: "^src/$1/",
      },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
    },
  },
};
