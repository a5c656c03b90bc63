// Third development set, Node side: checkbox lists where some items start checked.
// node dev3_checkbox.mjs <scenario>: a real library asks one multi-select question with
// two of four items checked by default; prints ANSWER=<json> with what it received.

const [scenario] = process.argv.slice(2);
const ITEMS = ["api", "worker", "web", "docs"];
const CHECKED = new Set(["api", "web"]);
const MESSAGE = "Which services should be deployed?";

function done(value) {
  process.stdout.write(`\nANSWER=${JSON.stringify(value)}\n`);
}

const SCENARIOS = {
  async inquirer_prompts() {
    const q = await import("@inquirer/prompts");
    const choices = ITEMS.map((v) => ({ name: v, value: v, checked: CHECKED.has(v) }));
    return q.checkbox({ message: MESSAGE, choices });
  },
  async inquirer_legacy() {
    const { default: inquirer } = await import("inquirer");
    const choices = ITEMS.map((v) => ({ name: v, value: v, checked: CHECKED.has(v) }));
    const a = await inquirer.prompt([{ type: "checkbox", name: "v", message: MESSAGE, choices }]);
    return a.v;
  },
  async enquirer() {
    const { default: E } = await import("enquirer");
    const initial = ITEMS.filter((v) => CHECKED.has(v));
    return new E.MultiSelect({ name: "v", message: MESSAGE, choices: ITEMS, initial }).run();
  },
  async prompts() {
    const { default: prompts } = await import("prompts");
    const choices = ITEMS.map((v) => ({ title: v, value: v, selected: CHECKED.has(v) }));
    const a = await prompts(
      { type: "multiselect", name: "v", message: MESSAGE, choices },
      { onCancel: () => process.exit(130) },
    );
    return a.v;
  },
  async clack() {
    const c = await import("@clack/prompts");
    const options = ITEMS.map((v) => ({ value: v, label: v }));
    const initialValues = ITEMS.filter((v) => CHECKED.has(v));
    const v = await c.multiselect({ message: MESSAGE, options, initialValues, required: false });
    if (c.isCancel(v)) process.exit(130);
    return v;
  },
};

done(await SCENARIOS[scenario]());
