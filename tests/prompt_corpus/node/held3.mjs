// Third held-out set, Node side: node held3.mjs <scenario>. @inquirer/prompts, the classic
// inquirer API, enquirer, prompts and @clack/prompts in wordings and layouts neither earlier set
// uses (descriptions, pre-checked items, custom toggle labels, prefilled fields, boxes, key
// menus), and look-alikes (spinners, progress bars, streamed text). Prints ANSWER=<json>.
// Never used to tune the detector.

const scenario = process.argv[2];

function done(value) {
  process.stdout.write(`\nANSWER=${JSON.stringify(value)}\n`);
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const choices = (names) => names.map((n) => ({ name: n, value: n }));

const S = {
  // ------------------------------------------------------------ @inquirer/prompts
  async iq_select_descriptions() {
    const q = await import("@inquirer/prompts");
    return q.select({
      message: "Storage driver for the cache",
      choices: [
        { name: "memory", value: "memory", description: "Fastest; lost on restart" },
        { name: "redis", value: "redis", description: "Shared between instances" },
        { name: "disk", value: "disk", description: "Survives restarts; slower" },
      ],
    });
  },
  async iq_checkbox_checked() {
    const q = await import("@inquirer/prompts");
    return q.checkbox({
      message: "Browsers to test against",
      choices: [
        { name: "chromium", value: "chromium", checked: true },
        { name: "firefox", value: "firefox", checked: true },
        { name: "webkit", value: "webkit" },
        { name: "mobile safari", value: "mobile safari" },
      ],
    });
  },
  async iq_rawlist() {
    const q = await import("@inquirer/prompts");
    return q.rawlist({
      message: "Which changelog format?",
      choices: choices(["Keep a Changelog", "Conventional", "Plain list"]),
    });
  },
  async iq_expand_expanded() {
    const q = await import("@inquirer/prompts");
    return q.expand({
      message: "The lock file is out of date",
      expanded: true,
      default: "u",
      choices: [
        { key: "u", name: "Update it", value: "update" },
        { key: "i", name: "Ignore it this time", value: "ignore" },
        { key: "f", name: "Fail the install", value: "fail" },
      ],
    });
  },
  async iq_input_prefill() {
    const q = await import("@inquirer/prompts");
    return q.input({ message: "Package scope", default: "@acme", prefill: "editable" });
  },
  async iq_password_mask() {
    const q = await import("@inquirer/prompts");
    return `len${(await q.password({ message: "Registry token", mask: "*" })).length}`;
  },
  async iq_number_default() {
    const q = await import("@inquirer/prompts");
    return q.number({ message: "Max parallel uploads", default: 6 });
  },
  async iq_confirm_after_log() {
    const q = await import("@inquirer/prompts");
    for (let n = 1; n <= 40; n++) console.log(`\x1b[2m[fetch]\x1b[0m chunk ${n}/40 \x1b[32m✓\x1b[0m`);
    return q.confirm({ message: "Verify the checksums now?", default: false });
  },
  async iq_search() {
    const q = await import("@inquirer/prompts");
    const all = ["lodash", "lodash-es", "left-pad", "leftpad-ng", "lru-cache"];
    return q.search({
      message: "Package to remove",
      source: async (term) => all.filter((n) => n.includes(term || "")).map((n) => ({ name: n, value: n })),
    });
  },
  // ------------------------------------------------------------ inquirer (classic API)
  async inq_list() {
    const { default: inquirer } = await import("inquirer");
    const a = await inquirer.prompt([
      { type: "select", name: "v", message: "Node version for CI", choices: ["18", "20", "22", "24"] },
    ]);
    return a.v;
  },
  async inq_rawlist() {
    const { default: inquirer } = await import("inquirer");
    const a = await inquirer.prompt([
      {
        type: "rawlist",
        name: "v",
        message: "When should the job run?",
        choices: ["on every push", "nightly", "on tags only"],
      },
    ]);
    return a.v;
  },
  async inq_checkbox() {
    const { default: inquirer } = await import("inquirer");
    const a = await inquirer.prompt([
      {
        type: "checkbox",
        name: "v",
        message: "Files to include in the package",
        choices: [
          { name: "dist/", checked: true },
          { name: "src/" },
          { name: "README.md", checked: true },
          { name: "tests/" },
        ],
      },
    ]);
    return a.v;
  },
  async inq_confirm() {
    const { default: inquirer } = await import("inquirer");
    const a = await inquirer.prompt([
      { type: "confirm", name: "v", message: "Publish with the tag 'next'?", default: true },
    ]);
    return a.v;
  },
  async inq_input_default() {
    const { default: inquirer } = await import("inquirer");
    const a = await inquirer.prompt([
      { type: "input", name: "v", message: "Entry point", default: "src/main.ts" },
    ]);
    return a.v;
  },
  async inq_password() {
    const { default: inquirer } = await import("inquirer");
    const a = await inquirer.prompt([{ type: "password", name: "v", message: "npm one-time password" }]);
    return `len${a.v.length}`;
  },
  // ------------------------------------------------------------ enquirer
  async enq_select_hints() {
    const { default: E } = await import("enquirer");
    return new E.Select({
      name: "v",
      message: "Bundler",
      choices: [
        { name: "vite", hint: "dev server + rollup" },
        { name: "esbuild", hint: "fastest, fewer plugins" },
        { name: "webpack", hint: "most plugins" },
      ],
    }).run();
  },
  async enq_multiselect_initial() {
    const { default: E } = await import("enquirer");
    return new E.MultiSelect({
      name: "v",
      message: "Git hooks to install",
      choices: ["pre-commit", "commit-msg", "pre-push", "post-merge"],
      initial: ["pre-commit"],
    }).run();
  },
  async enq_toggle_labels() {
    const { default: E } = await import("enquirer");
    return new E.Toggle({ message: "Release now or wait for review?", enabled: "Ship it", disabled: "Hold" }).run();
  },
  async enq_input_initial() {
    const { default: E } = await import("enquirer");
    return new E.Input({ message: "Output directory", initial: "build/out" }).run();
  },
  async enq_password() {
    const { default: E } = await import("enquirer");
    return `len${(await new E.Password({ message: "Keychain password" }).run()).length}`;
  },
  async enq_number() {
    const { default: E } = await import("enquirer");
    return new E.NumberPrompt({ message: "How many seats?" }).run();
  },
  async enq_confirm_banner() {
    const { default: E } = await import("enquirer");
    console.log("\x1b[1;30;46m                 MIGRATION ASSISTANT                 \x1b[0m");
    console.log("\x1b[36m 12 files use the deprecated API \x1b[0m\n");
    return new E.Confirm({ message: "Rewrite them automatically?" }).run();
  },
  // ------------------------------------------------------------ prompts
  async pr_select_description() {
    const { default: prompts } = await import("prompts");
    const r = await prompts({
      type: "select",
      name: "v",
      message: "Pick a starter template",
      choices: [
        { title: "minimal", description: "One file, no dependencies", value: "minimal" },
        { title: "api", description: "HTTP server with routing and tests", value: "api" },
        { title: "fullstack", description: "API plus a React front end", value: "fullstack" },
      ],
    });
    return r.v;
  },
  async pr_multiselect_selected() {
    const { default: prompts } = await import("prompts");
    const r = await prompts({
      type: "multiselect",
      name: "v",
      message: "Packages to bump",
      hint: "- Space to select. Return to submit",
      choices: [
        { title: "core", value: "core", selected: true },
        { title: "cli", value: "cli" },
        { title: "plugin-git", value: "plugin-git", selected: true },
        { title: "plugin-s3", value: "plugin-s3" },
      ],
    });
    return r.v;
  },
  async pr_toggle_labels() {
    const { default: prompts } = await import("prompts");
    const r = await prompts({
      type: "toggle",
      name: "v",
      message: "Run the database migrations?",
      initial: false,
      active: "run",
      inactive: "skip",
    });
    return r.v;
  },
  async pr_text_initial() {
    const { default: prompts } = await import("prompts");
    const r = await prompts({ type: "text", name: "v", message: "Git branch", initial: "develop" });
    return r.v;
  },
  async pr_invisible() {
    const { default: prompts } = await import("prompts");
    console.log("[sudo] authentication is needed to bind port 443");
    const r = await prompts({ type: "invisible", name: "v", message: "Password" });
    return `len${r.v.length}`;
  },
  async pr_number() {
    const { default: prompts } = await import("prompts");
    const r = await prompts({ type: "number", name: "v", message: "Timeout in seconds", initial: 30 });
    return r.v;
  },
  // ------------------------------------------------------------ @clack/prompts
  async cl_select_initial() {
    const p = await import("@clack/prompts");
    return p.select({
      message: "Where will this app be hosted?",
      initialValue: "fly",
      options: [
        { value: "vercel", label: "Vercel", hint: "serverless" },
        { value: "fly", label: "Fly.io", hint: "containers" },
        { value: "self", label: "My own server" },
      ],
    });
  },
  async cl_multiselect_initial() {
    const p = await import("@clack/prompts");
    return p.multiselect({
      message: "Integrations",
      required: true,
      initialValues: ["tailwind"],
      options: [
        { value: "tailwind", label: "Tailwind CSS" },
        { value: "mdx", label: "MDX" },
        { value: "sitemap", label: "Sitemap" },
        { value: "partytown", label: "Partytown" },
      ],
    });
  },
  async cl_confirm_labels() {
    const p = await import("@clack/prompts");
    return p.confirm({ message: "Send the newsletter to 8,204 subscribers?", active: "Send", inactive: "Not yet" });
  },
  async cl_text_initial() {
    const p = await import("@clack/prompts");
    return p.text({ message: "Site URL", initialValue: "https://localhost:4321" });
  },
  async cl_text_default() {
    const p = await import("@clack/prompts");
    return p.text({ message: "Content folder", placeholder: "./content", defaultValue: "./content" });
  },
  async cl_password() {
    const p = await import("@clack/prompts");
    return `len${(await p.password({ message: "Deploy key passphrase" })).length}`;
  },
  async cl_select_key() {
    const p = await import("@clack/prompts");
    return p.selectKey({
      message: "Tests failed on main. What now?",
      options: [
        { value: "r", label: "Retry the job" },
        { value: "l", label: "Show the logs" },
        { value: "i", label: "Ignore and continue" },
      ],
    });
  },
  async cl_box_confirm() {
    const p = await import("@clack/prompts");
    p.intro("\x1b[30;45m release-it \x1b[0m");
    p.box("Version 2.7.0 → 3.0.0\n3 breaking changes\n17 commits since the last tag", "Release plan");
    return p.confirm({ message: "Create the release?" });
  },
  // ------------------------------------------------------------ look-alikes
  async look_clack_progress() {
    const p = await import("@clack/prompts");
    p.log.step("? Which database? › PostgreSQL (answered by --yes)");
    const bar = p.progress({ max: 100000 });
    bar.start("Copying rows");
    for (let n = 0; ; n++) {
      bar.advance(1, `Copying rows — Overwrite? (y/N) answered from flags · ${n}`);
      await sleep(150);
    }
  },
  async look_clack_stream() {
    const p = await import("@clack/prompts");
    async function* words() {
      const text =
        "I found three ways to continue. ● Keep the old API ○ Migrate now ○ Ask later. " +
        "The CLI would ask 'Proceed? (y/N)' here, but I will decide after reading the tests. ";
      for (;;) {
        for (const w of text.split(" ")) {
          yield `${w} `;
          await sleep(60);
        }
      }
    }
    await p.stream.message(words());
  },
  async look_spinner_question_text() {
    const frames = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"];
    console.log("? Select a template › api");
    console.log("? Install dependencies? › Yes");
    for (let n = 0; ; n++) {
      process.stdout.write(`\r${frames[n % 10]} Installing dependencies (npm install) ${n}`);
      await sleep(100);
    }
  },
  async look_answered_inquirer_then_log() {
    console.log("\x1b[32m✔\x1b[0m \x1b[1mWhich package manager?\x1b[0m \x1b[36mpnpm\x1b[0m");
    console.log("\x1b[32m✔\x1b[0m \x1b[1mAdd a test runner?\x1b[0m \x1b[36mYes\x1b[0m");
    for (let n = 0; ; n++) {
      console.log(`  writing file ${n}.ts`);
      await sleep(300);
    }
  },
};

const run = S[scenario];
if (!run) {
  console.error(`held3.mjs: unknown scenario ${scenario}`);
  process.exit(2);
}
done(await run());
