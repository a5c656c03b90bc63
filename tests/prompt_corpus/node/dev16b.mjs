// Sixteenth development set (b), Node side: node dev16b.mjs <scenario>. prompts' multiselect
// with several rows ticked from the start, no key legend and the highlight starting lower
// down, and prompts' single-choice autocomplete whose labels hold a key's name ("Space
// Gray"). Prints ANSWER=<json>.
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const [scenario] = process.argv.slice(2);

function done(value) {
  process.stdout.write(`\nANSWER=${JSON.stringify(value)}\n`);
}

const SCENARIOS = {
  async pr_multiselect_preticked_quiet() {
    const prompts = require("prompts");
    const r = await prompts({
      type: "multiselect",
      name: "v",
      message: "Locales to ship in this release",
      instructions: false,
      cursor: 1,
      choices: [
        { title: "en-GB", value: "en", selected: true },
        { title: "fr-FR", value: "fr" },
        { title: "de-DE", value: "de", selected: true },
        { title: "ja-JP", value: "ja" },
        { title: "pt-BR", value: "pt", selected: true },
      ],
    });
    return r.v;
  },
  async pr_autocomplete_key_words() {
    const prompts = require("prompts");
    const r = await prompts({
      type: "autocomplete",
      name: "v",
      message: "Colour palette for the terminal",
      choices: ["Nord", "Solarized", "Space Gray", "Dracula", "Tab Bar Blue"].map((t) => ({ title: t })),
    });
    return r.v;
  },
};

done(await SCENARIOS[scenario]());
