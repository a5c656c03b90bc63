// Fourth held-out set, Node side: node held4.mjs <scenario>. @inquirer/prompts, the classic
// inquirer API, enquirer, prompts and @clack/prompts through APIs and layouts no earlier set
// uses (separators and disabled items, paged lists, autocomplete, grouped multi-select, custom
// markers, notes and logs above a question), and look-alikes (a REPL, spinners, streamed text).
// Prints ANSWER=<json>. Written blind; never used to tune the detector.

const scenario = process.argv[2];

function done(value) {
  process.stdout.write(`\nANSWER=${JSON.stringify(value)}\n`);
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const choices = (names) => names.map((n) => ({ name: n, value: n }));

const S = {
  // ------------------------------------------------------------ @inquirer/prompts
  async iq_select_separator() {
    const q = await import("@inquirer/prompts");
    return q.select({
      message: "Package manager",
      choices: [
        { name: "npm", value: "npm" },
        { name: "pnpm", value: "pnpm" },
        new q.Separator(),
        { name: "yarn (classic)", value: "yarn1" },
        { name: "bun", value: "bun" },
      ],
    });
  },
  async iq_checkbox_paged() {
    const q = await import("@inquirer/prompts");
    const names = ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india", "juliet", "kilo", "lima"];
    return q.checkbox({ message: "Feature flags to turn on", choices: choices(names), pageSize: 5 });
  },
  async iq_confirm_yes_default() {
    const q = await import("@inquirer/prompts");
    console.log("Lint found 7 fixable problems.");
    return q.confirm({ message: "Apply the automatic fixes?", default: true });
  },
  async iq_input_required() {
    const q = await import("@inquirer/prompts");
    return q.input({ message: "Slack channel for alerts", required: true });
  },
  async iq_password_hidden() {
    const q = await import("@inquirer/prompts");
    return `len${(await q.password({ message: "Signing key passphrase" })).length}`;
  },
  async iq_expand_collapsed() {
    const q = await import("@inquirer/prompts");
    return q.expand({
      message: "Conflict on package.json",
      default: "y",
      choices: [
        { key: "y", name: "Overwrite", value: "overwrite" },
        { key: "n", name: "Skip", value: "skip" },
        { key: "d", name: "Show diff", value: "diff" },
      ],
    });
  },
  async iq_rawlist_label() {
    const q = await import("@inquirer/prompts");
    return q.rawlist({ message: "Date format for the logs", choices: choices(["ISO 8601", "RFC 2822", "epoch seconds"]) });
  },
  async iq_number_replace() {
    const q = await import("@inquirer/prompts");
    return q.number({ message: "Retry attempts", default: 3 });
  },
  async iq_select_disabled() {
    const q = await import("@inquirer/prompts");
    return q.select({
      message: "Deploy target",
      choices: [
        { name: "preview", value: "preview" },
        { name: "production", value: "production" },
        { name: "edge", value: "edge", disabled: "(no quota)" },
      ],
    });
  },
  // ------------------------------------------------------------ inquirer (classic API)
  async inq_list_paged() {
    const { default: inquirer } = await import("inquirer");
    const a = await inquirer.prompt([
      {
        type: "select",
        name: "v",
        message: "Font size",
        choices: ["10", "11", "12", "13", "14", "15", "16", "18", "20", "24"],
        pageSize: 4,
      },
    ]);
    return a.v;
  },
  async inq_checkbox_none() {
    const { default: inquirer } = await import("inquirer");
    const a = await inquirer.prompt([
      { type: "checkbox", name: "v", message: "Labels for the issue", choices: ["bug", "docs", "security", "good first issue"] },
    ]);
    return a.v;
  },
  async inq_confirm_no_default() {
    const { default: inquirer } = await import("inquirer");
    const a = await inquirer.prompt([{ type: "confirm", name: "v", message: "Delete the 3 merged branches?", default: false }]);
    return a.v;
  },
  async inq_input_replace() {
    const { default: inquirer } = await import("inquirer");
    const a = await inquirer.prompt([{ type: "input", name: "v", message: "Test command", default: "npm test" }]);
    return a.v;
  },
  // ------------------------------------------------------------ enquirer
  async enq_autocomplete() {
    const { default: E } = await import("enquirer");
    return new E.AutoComplete({
      name: "v",
      message: "Time zone",
      limit: 5,
      choices: ["Europe/Oslo", "Europe/Paris", "America/Denver", "Asia/Seoul", "Australia/Perth"],
    }).run();
  },
  async enq_select_plain() {
    const { default: E } = await import("enquirer");
    return new E.Select({ name: "v", message: "Database engine", choices: ["postgres", "mysql", "mariadb"] }).run();
  },
  async enq_multiselect_plain() {
    const { default: E } = await import("enquirer");
    return new E.MultiSelect({
      name: "v",
      message: "Reviewers",
      choices: ["ana", "ben", "chen", "dara"],
    }).run();
  },
  async enq_confirm_default_true() {
    const { default: E } = await import("enquirer");
    return new E.Confirm({ message: "Open the pull request in the browser?", initial: true }).run();
  },
  async enq_invisible() {
    const { default: E } = await import("enquirer");
    return `len${(await new E.Invisible({ message: "Recovery code" }).run()).length}`;
  },
  async enq_input_plain() {
    const { default: E } = await import("enquirer");
    return new E.Input({ message: "Commit scope" }).run();
  },
  // ------------------------------------------------------------ prompts
  async pr_autocomplete() {
    const { default: prompts } = await import("prompts");
    const r = await prompts({
      type: "autocomplete",
      name: "v",
      message: "Pick a color scheme",
      choices: [{ title: "Dracula" }, { title: "Gruvbox" }, { title: "Nord" }, { title: "Solarized" }],
    });
    return r.v;
  },
  async pr_confirm_initial() {
    const { default: prompts } = await import("prompts");
    const r = await prompts({ type: "confirm", name: "v", message: "Use the cached credentials?", initial: true });
    return r.v;
  },
  async pr_select_hint() {
    const { default: prompts } = await import("prompts");
    const r = await prompts({
      type: "select",
      name: "v",
      message: "Log format",
      hint: "- arrows, then return",
      choices: [
        { title: "json", value: "json" },
        { title: "logfmt", value: "logfmt" },
        { title: "pretty", value: "pretty" },
      ],
    });
    return r.v;
  },
  async pr_password() {
    const { default: prompts } = await import("prompts");
    const r = await prompts({ type: "password", name: "v", message: "SFTP password" });
    return `len${r.v.length}`;
  },
  async pr_list() {
    const { default: prompts } = await import("prompts");
    const r = await prompts({ type: "list", name: "v", message: "Allowed origins (comma separated)" });
    return r.v;
  },
  // ------------------------------------------------------------ @clack/prompts
  async cl_group_multiselect() {
    const p = await import("@clack/prompts");
    return p.groupMultiselect({
      message: "Lint rules to enable",
      required: true,
      options: {
        Style: [
          { value: "quotes", label: "quotes" },
          { value: "semi", label: "semi" },
        ],
        Safety: [
          { value: "no-eval", label: "no-eval" },
          { value: "eqeqeq", label: "eqeqeq" },
        ],
      },
    });
  },
  async cl_select_paged() {
    const p = await import("@clack/prompts");
    const names = ["Amsterdam", "Berlin", "Chicago", "Dublin", "Frankfurt", "London", "Madrid", "Paris", "Singapore", "Tokyo"];
    return p.select({ message: "Closest data centre", maxItems: 5, options: names.map((n) => ({ value: n, label: n })) });
  },
  async cl_note_then_confirm() {
    const p = await import("@clack/prompts");
    p.intro("db-tool");
    p.note("3 tables\n12 indexes\n~4 minutes of downtime", "Migration 0042");
    return p.confirm({ message: "Run it now?", initialValue: false });
  },
  async cl_text_validate() {
    const p = await import("@clack/prompts");
    p.log.info("Names are lowercase, 3 to 20 letters.");
    return p.text({ message: "Workspace name", placeholder: "my-team", validate: (v) => (v && v.length >= 3 ? undefined : "Too short") });
  },
  async cl_password_mask() {
    const p = await import("@clack/prompts");
    return `len${(await p.password({ message: "Admin password", mask: "•" })).length}`;
  },
  async cl_autocomplete() {
    const p = await import("@clack/prompts");
    return p.autocomplete({
      message: "Framework",
      options: ["astro", "next", "nuxt", "remix", "sveltekit"].map((n) => ({ value: n, label: n })),
    });
  },
  async cl_spinner_then_select() {
    const p = await import("@clack/prompts");
    const s = p.spinner();
    s.start("Checking the registry");
    await sleep(600);
    s.stop("Registry reachable");
    return p.select({
      message: "Publish as",
      options: [
        { value: "public", label: "public package" },
        { value: "restricted", label: "restricted package" },
      ],
    });
  },
  // ------------------------------------------------------------ look-alikes
  async look_node_repl_question() {
    const repl = await import("node:repl");
    console.log("Interactive shell. Continue? [y/N] prompts are disabled here.");
    repl.start({ prompt: "? " });
    await new Promise(() => {});
  },
  async look_clack_spinner_quote() {
    const p = await import("@clack/prompts");
    const s = p.spinner();
    s.start("Waiting for the pipeline (it will ask 'Deploy to prod? (y/N)' in the web UI)");
    await new Promise(() => {});
  },
  async look_stream_checkbox_text() {
    const text =
      "Here is what the wizard will show:\n  ◉ cpu\n  ◯ memory\n  ❯◯ disk\nand then 'Save? (Y/n)'. " +
      "I will pick cpu and disk for you once you confirm in chat. Meanwhile I am reading ";
    let t = text;
    for (;;) {
      for (const w of t.split(" ")) {
        process.stdout.write(`${w} `);
        await sleep(50);
      }
      t = "the remaining modules and their tests ";
    }
  },
  async look_inquirer_answered_then_spinner() {
    console.log("\x1b[32m✔\x1b[0m \x1b[1mDeploy target\x1b[0m \x1b[36mpreview\x1b[0m");
    console.log("\x1b[32m✔\x1b[0m \x1b[1mRun smoke tests?\x1b[0m \x1b[36mNo\x1b[0m");
    const frames = ["-", "\\", "|", "/"];
    for (let n = 0; ; n++) {
      process.stdout.write(`\r${frames[n % 4]} uploading build (${n})`);
      await sleep(120);
    }
  },
};

const run = S[scenario];
if (!run) {
  console.error(`held4.mjs: unknown scenario ${scenario}`);
  process.exit(2);
}
done(await run());
