// Sixth development set, Node side: node dev6.mjs <scenario>. Expand prompts (listed
// and collapsed), a number and an input whose value follows the question without a
// separator, a toggle with labels of several words, clack's selectKey, and a menu
// with a Separator. Prints ANSWER=<json>.

const [scenario] = process.argv.slice(2);

function done(value) {
  process.stdout.write(`\nANSWER=${JSON.stringify(value)}\n`);
}

const SCENARIOS = {
  async iq_expand_listed() {
    const q = await import("@inquirer/prompts");
    return q.expand({
      message: "Upstream changed this file",
      expanded: true,
      choices: [
        { key: "o", name: "Use ours", value: "ours" },
        { key: "m", name: "Merge both", value: "merge" },
        { key: "s", name: "Show the diff", value: "diff" },
      ],
    });
  },
  async iq_expand_collapsed() {
    const q = await import("@inquirer/prompts");
    return q.expand({
      message: "Stale cache found",
      choices: [
        { key: "k", name: "Keep it", value: "keep" },
        { key: "w", name: "Wipe it", value: "wipe" },
      ],
    });
  },
  async iq_number_default() {
    const q = await import("@inquirer/prompts");
    return q.number({ message: "Retry budget", default: 3 });
  },
  async iq_input_prefill() {
    const q = await import("@inquirer/prompts");
    return q.input({ message: "Registry host", default: "npm.internal", prefill: "editable" });
  },
  async enq_toggle_words() {
    const { default: E } = await import("enquirer");
    return new E.Toggle({ message: "Publish the post?", enabled: "Publish now", disabled: "Keep as draft" }).run();
  },
  async clack_select_key() {
    const p = await import("@clack/prompts");
    const v = await p.selectKey({
      message: "Lint found 4 problems.",
      options: [
        { value: "f", label: "Fix them automatically" },
        { value: "s", label: "Skip for now" },
        { value: "a", label: "Abort the commit" },
      ],
    });
    if (p.isCancel(v)) process.exit(130);
    return v;
  },
  async iq_select_separator() {
    const q = await import("@inquirer/prompts");
    return q.select({
      message: "Which environment?",
      choices: [
        { name: "dev", value: "dev" },
        { name: "qa", value: "qa" },
        new q.Separator(),
        { name: "prod-eu", value: "prod-eu" },
        { name: "prod-us", value: "prod-us" },
      ],
    });
  },
};

done(await SCENARIOS[scenario]());
