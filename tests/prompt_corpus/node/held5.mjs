// Fifth held-out set, Node side: node held5.mjs <scenario>. @inquirer/prompts, the classic
// inquirer API, enquirer, prompts and @clack/prompts through APIs and layouts no earlier set
// uses (search, rawlist by number, an expanded expand, descriptions, toggles, number prompts,
// selectKey, custom confirm labels, placeholders, hints, autocomplete multiselect, a box
// above a question), and look-alikes (a REPL, task logs, progress, streamed text quoting a
// menu, a dashboard, a test run). Prints ANSWER=<json>. Written blind; never used to tune
// the detector.

const scenario = process.argv[2];

function done(value) {
  process.stdout.write(`\nANSWER=${JSON.stringify(value)}\n`);
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const choices = (names) => names.map((n) => ({ name: n, value: n }));
const forever = () => new Promise(() => setInterval(() => {}, 1 << 30));

async function stream(text, more) {
  let t = text;
  for (;;) {
    for (const w of t.split(" ")) {
      process.stdout.write(`${w} `);
      await sleep(50);
    }
    t = more;
  }
}

const S = {
  // ------------------------------------------------------------ @inquirer/prompts
  async iq_search() {
    const q = await import("@inquirer/prompts");
    const all = ["eslint", "prettier", "biome", "oxlint", "stylelint"];
    return q.search({
      message: "Formatter or linter to add",
      source: async (term) => all.filter((n) => !term || n.includes(term)).map((n) => ({ name: n, value: n })),
    });
  },
  async iq_rawlist_number() {
    const q = await import("@inquirer/prompts");
    return q.rawlist({
      message: "Where should the coverage report go",
      choices: [
        { name: "terminal summary", value: "text" },
        { name: "HTML folder", value: "html" },
        { name: "lcov file", value: "lcov" },
      ],
    });
  },
  async iq_expand_expanded() {
    const q = await import("@inquirer/prompts");
    return q.expand({
      message: "tsconfig.json differs from the template",
      expanded: true,
      choices: [
        { key: "o", name: "Overwrite with the template", value: "overwrite" },
        { key: "s", name: "Leave it alone", value: "skip" },
        { key: "x", name: "Abort the upgrade", value: "abort" },
      ],
    });
  },
  async iq_number_keep() {
    const q = await import("@inquirer/prompts");
    return q.number({ message: "Session timeout in minutes", default: 30, min: 1, max: 120 });
  },
  async iq_checkbox_checked() {
    const q = await import("@inquirer/prompts");
    return q.checkbox({
      message: "Browsers to test on",
      choices: [
        { name: "chromium", value: "chromium", checked: true },
        { name: "firefox", value: "firefox", checked: true },
        { name: "webkit", value: "webkit" },
        { name: "edge", value: "edge" },
      ],
    });
  },
  async iq_select_descriptions() {
    const q = await import("@inquirer/prompts");
    return q.select({
      message: "Rendering mode",
      choices: [
        { name: "static", value: "static", description: "HTML built once at deploy time" },
        { name: "server", value: "server", description: "rendered on every request" },
        { name: "hybrid", value: "hybrid", description: "static pages with server islands" },
      ],
    });
  },
  async iq_confirm_default_no() {
    const q = await import("@inquirer/prompts");
    console.log("2 peer dependencies are out of range.");
    return q.confirm({ message: "Install anyway with --force?", default: false });
  },
  async iq_password_mask() {
    const q = await import("@inquirer/prompts");
    return `len${(await q.password({ message: "Authenticator code", mask: "*" })).length}`;
  },
  async iq_input_default_replace() {
    const q = await import("@inquirer/prompts");
    return q.input({ message: "Default branch name", default: "main" });
  },
  // ------------------------------------------------------------ inquirer (classic API)
  async inq_rawlist_label() {
    const { default: inquirer } = await import("inquirer");
    const a = await inquirer.prompt([
      { type: "rawlist", name: "v", message: "Indentation", choices: ["2 spaces", "4 spaces", "tabs"] },
    ]);
    return a.v;
  },
  async inq_expand_collapsed() {
    const { default: inquirer } = await import("inquirer");
    const a = await inquirer.prompt([
      {
        type: "expand",
        name: "v",
        message: "README.md exists",
        choices: [
          { key: "r", name: "Replace", value: "replace" },
          { key: "a", name: "Append", value: "append" },
          { key: "k", name: "Keep", value: "keep" },
        ],
      },
    ]);
    return a.v;
  },
  async inq_number_default() {
    const { default: inquirer } = await import("inquirer");
    const a = await inquirer.prompt([{ type: "number", name: "v", message: "Parallel jobs", default: 4 }]);
    return a.v;
  },
  async inq_password() {
    const { default: inquirer } = await import("inquirer");
    const a = await inquirer.prompt([{ type: "password", name: "v", message: "Docker Hub token", mask: "•" }]);
    return `len${a.v.length}`;
  },
  async inq_checkbox_separator() {
    const { default: inquirer } = await import("inquirer");
    const a = await inquirer.prompt([
      {
        type: "checkbox",
        name: "v",
        message: "Services to start",
        choices: ["api", "web", new inquirer.Separator("-- background --"), "worker", "scheduler"],
      },
    ]);
    return a.v;
  },
  // ------------------------------------------------------------ enquirer
  async enq_toggle() {
    const { default: E } = await import("enquirer");
    return new E.Toggle({ message: "Emit source maps?", enabled: "Yep", disabled: "Nope" }).run();
  },
  async enq_numeral_keep() {
    const { default: E } = await import("enquirer");
    return new E.Numeral({ message: "Postgres port", initial: 5432 }).run();
  },
  async enq_multiselect_hints() {
    const { default: E } = await import("enquirer");
    return new E.MultiSelect({
      name: "v",
      message: "Plugins to enable",
      choices: [
        { name: "auth", hint: "sessions and OAuth" },
        { name: "cache", hint: "redis-backed" },
        { name: "mail", hint: "SMTP" },
        { name: "search", hint: "full text" },
      ],
    }).run();
  },
  async enq_select_separator() {
    const { default: E } = await import("enquirer");
    return new E.Select({
      name: "v",
      message: "Test framework",
      choices: ["vitest", "jest", { role: "separator" }, "mocha", "node:test"],
    }).run();
  },
  async enq_password() {
    const { default: E } = await import("enquirer");
    return `len${(await new E.Password({ message: "Login keyring secret" }).run()).length}`;
  },
  async enq_input_initial_keep() {
    const { default: E } = await import("enquirer");
    return new E.Input({ message: "Output folder", initial: "dist" }).run();
  },
  async enq_confirm_yes() {
    const { default: E } = await import("enquirer");
    return new E.Confirm({ message: "Commit the generated files?" }).run();
  },
  // ------------------------------------------------------------ prompts
  async pr_toggle() {
    const { default: prompts } = await import("prompts");
    const r = await prompts({ type: "toggle", name: "v", message: "Strict mode", initial: false, active: "on", inactive: "off" });
    return r.v;
  },
  async pr_number_replace() {
    const { default: prompts } = await import("prompts");
    const r = await prompts({ type: "number", name: "v", message: "Pods per zone?", initial: 3 });
    return r.v;
  },
  async pr_multiselect_selected() {
    const { default: prompts } = await import("prompts");
    const r = await prompts({
      type: "multiselect",
      name: "v",
      message: "Regions to deploy to",
      hint: "- space to select, return to submit",
      choices: [
        { title: "ams", value: "ams", selected: true },
        { title: "fra", value: "fra" },
        { title: "iad", value: "iad" },
        { title: "sin", value: "sin" },
      ],
    });
    return r.v;
  },
  async pr_text_initial_keep() {
    const { default: prompts } = await import("prompts");
    const r = await prompts({ type: "text", name: "v", message: "npm organisation", initial: "@acme" });
    return r.v;
  },
  async pr_invisible() {
    const { default: prompts } = await import("prompts");
    const r = await prompts({ type: "invisible", name: "v", message: "Master key" });
    return `len${r.v.length}`;
  },
  async pr_select_disabled() {
    const { default: prompts } = await import("prompts");
    const r = await prompts({
      type: "select",
      name: "v",
      message: "Instance family",
      choices: [
        { title: "general", value: "general" },
        { title: "compute", value: "compute" },
        { title: "memory", value: "memory", disabled: true },
        { title: "storage", value: "storage" },
      ],
    });
    return r.v;
  },
  // ------------------------------------------------------------ @clack/prompts
  async cl_confirm_labels() {
    const p = await import("@clack/prompts");
    p.intro("ship");
    return p.confirm({ message: "Everything is green. Deploy now?", active: "Deploy", inactive: "Wait" });
  },
  async cl_text_placeholder_default() {
    const p = await import("@clack/prompts");
    return p.text({ message: "Where are your sources?", placeholder: "./src", defaultValue: "./src" });
  },
  async cl_select_hints() {
    const p = await import("@clack/prompts");
    return p.select({
      message: "Datastore for sessions",
      options: [
        { value: "redis", label: "Redis", hint: "fast, volatile" },
        { value: "pg", label: "Postgres table", hint: "durable" },
        { value: "memory", label: "In-process memory" },
      ],
    });
  },
  async cl_multiselect_initial() {
    const p = await import("@clack/prompts");
    return p.multiselect({
      message: "Add-ons to include",
      initialValues: ["tailwind"],
      options: [
        { value: "tailwind", label: "Tailwind" },
        { value: "i18n", label: "i18n" },
        { value: "pwa", label: "PWA" },
        { value: "auth", label: "Auth" },
      ],
    });
  },
  async cl_select_key() {
    const p = await import("@clack/prompts");
    return p.selectKey({
      message: "The dev server crashed",
      options: [
        { value: "r", label: "Restart it" },
        { value: "l", label: "Open the crash log" },
        { value: "q", label: "Quit" },
      ],
    });
  },
  async cl_box_then_text() {
    const p = await import("@clack/prompts");
    p.box("Project keys are 2 to 6 capital letters.\nThey prefix every issue id.", "Issue tracker");
    return p.text({ message: "Project key" });
  },
  async cl_autocomplete_multiselect() {
    const p = await import("@clack/prompts");
    return p.autocompleteMultiselect({
      message: "Topics for the repository",
      options: ["cli", "terminal", "mcp", "remote", "agents"].map((n) => ({ value: n, label: n })),
    });
  },
  // ------------------------------------------------------------ look-alikes
  async look_repl_question_prompt() {
    const repl = await import("node:repl");
    console.log("debug console: the app asked 'Retry? (y/N)' earlier and got N");
    repl.start({ prompt: "dbg> " });
    await forever();
  },
  async look_clack_task_log() {
    const p = await import("@clack/prompts");
    const log = p.taskLog({ title: "Resolving the workspace" });
    for (let n = 0; ; n++) {
      log.message(`resolving pkg-${n} (peer prompt 'Continue? [Y/n]' suppressed)`);
      await sleep(300);
    }
  },
  async look_clack_progress() {
    const p = await import("@clack/prompts");
    const bar = p.progress({ max: 1000 });
    bar.start("Uploading artefacts - Overwrite? yes (--force)");
    for (;;) {
      bar.advance(1);
      await sleep(60);
    }
  },
  async look_stream_quotes_select() {
    await stream(
      "The CLI will show:\n◆  Pick a database\n│  ● PostgreSQL (recommended)\n│  ○ SQLite\n└\n" +
        "Pick PostgreSQL, then answer 'Run migrations? Yes / No' with Yes. I am now writing the config ",
      "and checking the connection string ",
    );
  },
  async look_dashboard_markers() {
    for (let n = 0; ; n++) {
      process.stdout.write("\x1b[H\x1b[2J");
      process.stdout.write(`deploys (refresh ${n})\n\n`);
      process.stdout.write("❯ web-frontend   ● live\n");
      process.stdout.write("  api            ◐ rolling (Continue? waits for canary)\n");
      process.stdout.write("  worker         ○ queued\n");
      await sleep(1000);
    }
  },
  async look_test_output() {
    console.log("▶ prompts");
    for (let n = 0; ; n++) {
      console.log(`  ✔ asks "Overwrite? (y/N)" and defaults to no #${n} (1.2ms)`);
      console.log(`  ✔ select moves ❯ with the arrow keys #${n} (0.8ms)`);
      await sleep(400);
    }
  },
  async look_question_no_read() {
    console.log("? Select a preset: (Use arrow keys)");
    console.log("  (CI detected: using the default preset)");
    for (let n = 0; ; n++) {
      console.log(`copying template file ${n}`);
      await sleep(500);
    }
  },
  async look_readline_paused_gt() {
    console.log("watching src/ for changes (press nothing, it reloads by itself)");
    process.stdout.write("> ");
    await forever();
  },
};

const run = S[scenario];
if (!run) {
  console.error(`held5.mjs: unknown scenario ${scenario}`);
  process.exit(2);
}
done(await run());
