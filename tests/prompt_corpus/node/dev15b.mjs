// Fifteenth development set (b), Node side: node dev15b.mjs <scenario>. A paged @inquirer
// select whose arrows skip a separator and two disabled rows (the page scrolls under
// them), and prompts' autocompleteMultiselect with its Instructions block and search
// line between the question and the list. Prints ANSWER=<json>.
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const [scenario] = process.argv.slice(2);

function done(value) {
  process.stdout.write(`\nANSWER=${JSON.stringify(value)}\n`);
}

const SCENARIOS = {
  async iq_select_scrolled_disabled() {
    const { select, Separator } = await import("@inquirer/prompts");
    return select({
      message: "Runtime image for the worker pool",
      pageSize: 5,
      choices: [
        { name: "node:22-slim", value: "node22" },
        { name: "node:20-slim", value: "node20" },
        new Separator("-- legacy --"),
        { name: "node:16", value: "node16", disabled: "end of life" },
        { name: "node:14", value: "node14", disabled: true },
        { name: "bun:1.1", value: "bun" },
        { name: "deno:2", value: "deno" },
        { name: "distroless", value: "distroless" },
      ],
    });
  },
  async pr_autocomplete_multiselect_labels() {
    const prompts = require("prompts");
    const r = await prompts({
      type: "autocompleteMultiselect",
      name: "v",
      message: "Labels for this pull request",
      choices: [
        { title: "bug", value: "bug" },
        { title: "docs", value: "docs" },
        { title: "performance", value: "perf" },
        { title: "security", value: "sec" },
        { title: "breaking", value: "breaking" },
        { title: "chore", value: "chore" },
      ],
    });
    return r.v;
  },
};

done(await SCENARIOS[scenario]());
