// Second development set, Node side: node dev2.mjs <scenario>. Real prompt libraries
// drawing menus with hints or descriptions, confirms with custom labels, multi-letter
// key prompts, typed "yes" confirmations and defaults that are paths.
// Prints ANSWER=<json> with what the program got.

const [scenario] = process.argv.slice(2);

function done(value) {
  process.stdout.write(`\nANSWER=${JSON.stringify(value)}\n`);
}

const SCENARIOS = {
  async inquirer_select_desc() {
    const q = await import("@inquirer/prompts");
    return q.select({
      message: "Which package manager?",
      choices: [
        { name: "npm", value: "npm", description: "bundled with Node.js" },
        { name: "pnpm", value: "pnpm", description: "fast, disk space efficient" },
        { name: "yarn", value: "yarn", description: "classic workspaces" },
      ],
    });
  },
  async clack_select_hint() {
    const c = await import("@clack/prompts");
    const v = await c.select({
      message: "Pick a project type.",
      options: [
        { value: "ts", label: "TypeScript", hint: "recommended" },
        { value: "js", label: "JavaScript" },
        { value: "coffee", label: "CoffeeScript", hint: "oh no" },
      ],
    });
    if (c.isCancel(v)) process.exit(130);
    return v;
  },
  async enquirer_select_hint() {
    const { default: E } = await import("enquirer");
    return new E.Select({
      name: "v",
      message: "Choose a release channel",
      choices: [
        { name: "stable", hint: "tested for a month" },
        { name: "beta", hint: "new features, some bugs" },
        { name: "nightly", hint: "built every night" },
      ],
    }).run();
  },
  async prompts_select_desc() {
    const { default: prompts } = await import("prompts");
    const answer = await prompts(
      {
        type: "select",
        name: "v",
        message: "Pick a colour theme",
        choices: [
          { title: "Solarized", description: "low contrast, easy on the eyes", value: "solarized" },
          { title: "Dracula", description: "dark with vivid accents", value: "dracula" },
          { title: "GitHub Light", description: "the classic light theme", value: "github" },
        ],
      },
      { onCancel: () => process.exit(130) },
    );
    return answer.v;
  },
  async clack_confirm_labels() {
    const c = await import("@clack/prompts");
    const v = await c.confirm({ message: "Deploy the preview build?", active: "Deploy", inactive: "Cancel" });
    if (c.isCancel(v)) process.exit(130);
    return v;
  },
  async prompts_toggle_labels() {
    const { default: prompts } = await import("prompts");
    const answer = await prompts(
      { type: "toggle", name: "v", message: "Proceed with the rebase?", initial: false, active: "continue", inactive: "abort" },
      { onCancel: () => process.exit(130) },
    );
    return answer.v;
  },
  async inquirer_expand() {
    const q = await import("@inquirer/prompts");
    return q.expand({
      message: "Conflict on src/index.js:",
      default: "y",
      choices: [
        { key: "y", name: "Overwrite", value: "overwrite" },
        { key: "a", name: "Overwrite this one and all next", value: "overwrite_all" },
        { key: "d", name: "Show diff", value: "diff" },
        { key: "x", name: "Abort", value: "abort" },
      ],
    });
  },
  async inquirer_literal_yes() {
    const q = await import("@inquirer/prompts");
    process.stdout.write("This removes the workspace 'acme' for every member.\n");
    return q.input({
      message: 'Type "yes" to confirm',
      validate: (v) => v === "yes" || 'Please type "yes" exactly.',
    });
  },
  async inquirer_default_path() {
    const q = await import("@inquirer/prompts");
    return q.input({ message: "Output folder", default: "./dist/site" });
  },
  async inquirer_checkbox_desc() {
    const q = await import("@inquirer/prompts");
    return q.checkbox({
      message: "Which services should be deployed?",
      choices: [
        { name: "api", value: "api", description: "the public REST API" },
        { name: "worker", value: "worker", description: "background jobs" },
        { name: "web", value: "web", description: "the dashboard" },
      ],
    });
  },
  async clack_multiselect_hint() {
    const c = await import("@clack/prompts");
    const v = await c.multiselect({
      message: "Select additional tools.",
      options: [
        { value: "eslint", label: "ESLint", hint: "recommended" },
        { value: "prettier", label: "Prettier" },
        { value: "vitest", label: "Vitest", hint: "unit tests" },
      ],
      required: false,
    });
    if (c.isCancel(v)) process.exit(130);
    return v;
  },
  async clack_text_type_yes() {
    const c = await import("@clack/prompts");
    const v = await c.text({ message: "Type yes to wipe the staging database" });
    if (c.isCancel(v)) process.exit(130);
    return v;
  },
};

done(await SCENARIOS[scenario]());
