// Fifteenth development set (a), Node side: node dev15a.mjs <scenario>. Text fields whose
// initial value is drawn as a placeholder that the first key redraws (enquirer's Input and
// Numeral with `initial`), answered with a value that starts like the placeholder; and
// enquirer's Password, still a secret. Prints ANSWER=<json>.
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const [scenario] = process.argv.slice(2);

function done(value) {
  process.stdout.write(`\nANSWER=${JSON.stringify(value)}\n`);
}

const SCENARIOS = {
  async enq_input_initial_same_start() {
    const { Input } = require("enquirer");
    return new Input({ name: "remote", message: "Git remote to push to", initial: "origin" }).run();
  },
  async enq_numeral_initial_same_start() {
    const { NumberPrompt } = require("enquirer");
    return new NumberPrompt({ name: "port", message: "Port for the admin API", initial: 8080 }).run();
  },
  async enq_invisible_token() {
    const { Invisible } = require("enquirer");
    const token = await new Invisible({ name: "t", message: "Deploy token for the registry" }).run();
    return token ? "entered" : "empty";
  },
};

done(await SCENARIOS[scenario]());
