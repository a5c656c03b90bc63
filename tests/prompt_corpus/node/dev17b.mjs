// Seventeenth development set (b), Node side: node dev17b.mjs <scenario>. prompts' text
// prompt with an initial value, drawn grey like its "›" until a key replaces it. Prints
// ANSWER=<json>.
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const [scenario] = process.argv.slice(2);

function done(value) {
  process.stdout.write(`\nANSWER=${JSON.stringify(value)}\n`);
}

const SCENARIOS = {
  async pr_text_initial_grey() {
    const prompts = require("prompts");
    const r = await prompts({
      type: "text",
      name: "v",
      message: "Docs site base path",
      initial: "/handbook",
    });
    return r.v;
  },
};

done(await SCENARIOS[scenario]());
