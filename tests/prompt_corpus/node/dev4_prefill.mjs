// Fourth development set, Node side: node dev4_prefill.mjs <scenario>. Text prompts
// whose field starts with an editable value (@clack/prompts initialValue,
// @inquirer/prompts input with prefill 'editable') and ones whose default is only a
// hint (enquirer's initial, @clack/prompts placeholder). Prints ANSWER=<json>.

const [scenario] = process.argv.slice(2);

function done(value) {
  process.stdout.write(`\nANSWER=${JSON.stringify(value)}\n`);
}

const SCENARIOS = {
  async clack_initial() {
    const c = await import("@clack/prompts");
    const v = await c.text({ message: "Which tag to deploy?", initialValue: "latest" });
    if (c.isCancel(v)) process.exit(130);
    return v;
  },
  async clack_placeholder() {
    const c = await import("@clack/prompts");
    const v = await c.text({ message: "Project name?", placeholder: "my-app" });
    if (c.isCancel(v)) process.exit(130);
    return v;
  },
  async inquirer_editable() {
    const q = await import("@inquirer/prompts");
    return q.input({ message: "Release branch:", default: "main", prefill: "editable" });
  },
  async enquirer_initial() {
    const { default: enquirer } = await import("enquirer");
    const r = await enquirer.prompt({ type: "input", name: "v", message: "Release branch", initial: "main" });
    return r.v;
  },
};

done(await SCENARIOS[scenario]());
