/** The console's own controls, shown by /help and at start. */
export const consoleHelp = [
  "Console controls:",
  "  /as member <name> · /as lead <name> · /as care-team   play a person (or the care team's channel)",
  "  /clock · /clock +30m · /clock +2h · /clock +1d · /clock +1w · /clock next-session   show or move time",
  "  /cohesion <command>   talk to Cohesion (try /cohesion help)",
  "  /simulate on|off   let the other members answer by themselves (on by default)",
  "  /help · /quit",
  "  A number or letter answers the last question you were sent.",
  "  Anything else is a message to Cohesion from the person you play (try pause, or a few words).",
].join("\n");
