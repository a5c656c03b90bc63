// Eleventh development set (a), Node side: node dev11a.mjs <scenario>. readline-sync's
// keyInSelect with other words and a custom cancel label, and keyInPause with its own text.
// Prints ANSWER=<json>.

import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const scenario = process.argv[2];
const rls = () => require("readline-sync");

function done(value) {
  process.stdout.write(`\nANSWER=${JSON.stringify(value)}\n`);
}

const S = {
  async rls_key_in_select_cancel_label() {
    const envs = ["dev", "staging", "production", "sandbox"];
    console.log("The migration is ready.");
    const n = rls().keyInSelect(envs, "Run it against", { cancel: "Not now" });
    return n < 0 ? "cancel" : envs[n];
  },
  async rls_key_in_pause_own_text() {
    console.log("Label printed. Peel it and stick it on the box.");
    rls().keyInPause("Then press any key.", { guide: false });
    return "labelled";
  },
};

const run = S[scenario];
if (!run) {
  console.error(`dev11a.mjs: unknown scenario ${scenario}`);
  process.exit(2);
}
done(await run());
