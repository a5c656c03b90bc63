// Sixth held-out set, Node side: node held6.mjs <scenario>. readline-sync (keyInYN,
// keyInYNStrict, keyInSelect, keyIn with a limit, keyInPause, hidden and defaulted questions),
// @inquirer/prompts, the classic inquirer API, enquirer (AutoComplete, Invisible, List),
// prompts (autocomplete, list) and @clack/prompts (paged select, autocomplete, path, password,
// grouped multiselect) in wordings no earlier set uses, and look-alikes (a REPL, a spinner
// waiting on a person elsewhere, streamed text quoting a dialog, a markdown checklist, a
// dashboard, a test run). Prints ANSWER=<json>. Written blind; never used to tune the detector.

import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const scenario = process.argv[2];

function done(value) {
  process.stdout.write(`\nANSWER=${JSON.stringify(value)}\n`);
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const forever = () => new Promise(() => setInterval(() => {}, 1 << 30));
const rls = () => require("readline-sync");

const S = {
  // ------------------------------------------------------------ readline-sync
  async rls_key_in_yn() {
    console.log("3 uploads failed checksum verification.");
    return rls().keyInYN("Delete the failed uploads?");
  },
  async rls_key_in_yn_strict() {
    return rls().keyInYNStrict("Wipe the local cache (1.4 GB)?");
  },
  async rls_key_in_select() {
    const buckets = ["media-prod", "media-staging", "eu-archive", "logs-cold", "scratch"];
    const n = rls().keyInSelect(buckets, "Which bucket should receive the export?");
    return n < 0 ? "cancel" : buckets[n];
  },
  async rls_hidden_passphrase() {
    const v = rls().question("Signing key passphrase: ", { hideEchoBack: true });
    return `len${v.length}`;
  },
  async rls_default_port() {
    return rls().question("Listen port (3000): ", { defaultInput: "3000" });
  },
  async rls_key_in_pause() {
    console.log("Firmware staged. Insert the YubiKey to sign it.");
    rls().keyInPause("When the key blinks,");
    return "signed";
  },
  async rls_key_in_limit() {
    console.log("Checksum mismatch on chunk 17 of 40.");
    const k = rls().keyIn("[r]etry, [i]gnore, [a]bort? ", { limit: "ria" });
    return { r: "retry", i: "ignore", a: "abort" }[k];
  },
  async rls_question_email() {
    return rls().questionEMail("Contact e-mail for expiry notices: ");
  },
  // ------------------------------------------------------------ @inquirer/prompts
  async iq_select_six_unicode() {
    const q = await import("@inquirer/prompts");
    return q.select({
      message: "Default currency for invoices",
      choices: ["EUR €", "USD $", "GBP £", "JPY ¥", "CHF (Fr.)", "SEK kr"].map((n) => ({ name: n, value: n.split(" ")[0] })),
    });
  },
  async iq_checkbox_disabled() {
    const q = await import("@inquirer/prompts");
    return q.checkbox({
      message: "Notify these channels on release",
      choices: [
        { name: "#releases", value: "releases" },
        { name: "#general", value: "general", disabled: "(read-only)" },
        new q.Separator("— email —"),
        { name: "team list", value: "team" },
        { name: "customers", value: "customers" },
      ],
    });
  },
  async iq_password_nomask() {
    const q = await import("@inquirer/prompts");
    return `len${(await q.password({ message: "Registry password (nothing is echoed)" })).length}`;
  },
  async iq_input_prefill_keep() {
    const q = await import("@inquirer/prompts");
    return q.input({ message: "Service name", default: "api-gateway", prefill: "editable" });
  },
  async iq_confirm_yes_to_no() {
    const q = await import("@inquirer/prompts");
    return q.confirm({ message: "Open the dashboard in your browser?", default: true });
  },
  async iq_number_replace() {
    const q = await import("@inquirer/prompts");
    return q.number({ message: "Max upload size (MB)", default: 25 });
  },
  async iq_select_long_wrap() {
    const q = await import("@inquirer/prompts");
    return q.select({
      message: "The staging database is 41 migrations behind production. How do you want to bring it up to date?",
      choices: [
        { name: "Run the 41 migrations in order against staging, stopping at the first one that fails", value: "migrate" },
        { name: "Restore last night's anonymised production snapshot over staging, then run the two newest migrations", value: "restore" },
        { name: "Leave staging as it is", value: "leave" },
      ],
    });
  },
  async iq_rawlist_seven_label() {
    const q = await import("@inquirer/prompts");
    return q.rawlist({
      message: "Compression level",
      choices: ["store", "fastest", "fast", "normal", "good", "better", "best"].map((n) => ({ name: n, value: n })),
    });
  },
  // ------------------------------------------------------------ inquirer (classic)
  async inq_list_eight() {
    const { default: inquirer } = await import("inquirer");
    const a = await inquirer.prompt([
      {
        type: "select",
        name: "v",
        message: "Node version for the image",
        loop: false,
        pageSize: 10,
        choices: ["16", "18", "20", "21", "22", "23", "24", "25"].map((n) => ({ name: `node ${n}`, value: n })),
      },
    ]);
    return `v${a.v}`;
  },
  async inq_confirm_default_no() {
    const { default: inquirer } = await import("inquirer");
    const a = await inquirer.prompt([{ type: "confirm", name: "c", message: "Force-push to main?", default: false }]);
    return a.c;
  },
  // ------------------------------------------------------------ enquirer
  async enq_autocomplete() {
    const { AutoComplete } = require("enquirer");
    return new AutoComplete({
      name: "tz",
      message: "Scheduler timezone",
      limit: 6,
      choices: ["UTC", "Europe/Oslo", "Europe/Rome", "America/Denver", "Asia/Kolkata", "Pacific/Auckland"],
    }).run();
  },
  async enq_invisible() {
    const { Invisible } = require("enquirer");
    return `len${(await new Invisible({ name: "s", message: "TOTP seed" }).run()).length}`;
  },
  async enq_list() {
    const { List } = require("enquirer");
    return new List({ name: "tags", message: "Tags for the image (comma-separated)" }).run();
  },
  async enq_confirm_initial_true() {
    const { Confirm } = require("enquirer");
    return new Confirm({ name: "c", message: "Rotate the API keys now?", initial: true }).run();
  },
  async enq_select_hint_seven() {
    const { Select } = require("enquirer");
    return new Select({
      name: "s",
      message: "Storage driver",
      hint: "(↑/↓ then enter)",
      choices: ["overlay2", "btrfs", "zfs", "vfs", "devicemapper", "fuse-overlayfs", "aufs"],
    }).run();
  },
  // ------------------------------------------------------------ prompts
  async pr_autocomplete() {
    const { default: prompts } = await import("prompts");
    const r = await prompts({
      type: "autocomplete",
      name: "v",
      message: "Pick a font",
      choices: ["Inter", "Roboto", "Source Sans", "IBM Plex Sans", "Fira Sans"].map((t) => ({ title: t })),
    });
    return r.v;
  },
  async pr_list() {
    const { default: prompts } = await import("prompts");
    const r = await prompts({ type: "list", name: "v", message: "Allowed origins", separator: "," });
    return r.v;
  },
  async pr_confirm_initial_yes() {
    const { default: prompts } = await import("prompts");
    const r = await prompts({ type: "confirm", name: "v", message: "Enable two-factor login?", initial: true });
    return r.v;
  },
  async pr_select_descriptions() {
    const { default: prompts } = await import("prompts");
    const r = await prompts({
      type: "select",
      name: "v",
      message: "Build target",
      choices: [
        { title: "es2017", description: "old browsers" },
        { title: "es2020" },
        { title: "es2022", description: "top-level await" },
        { title: "esnext" },
        { title: "node18" },
        { title: "node22" },
      ].map((c) => ({ ...c, value: c.title })),
    });
    return r.v;
  },
  async pr_password() {
    const { default: prompts } = await import("prompts");
    const r = await prompts({ type: "password", name: "v", message: "SMTP password" });
    return `len${r.v.length}`;
  },
  // ------------------------------------------------------------ @clack/prompts
  async cl_select_paged() {
    const p = await import("@clack/prompts");
    const months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    return p.select({ message: "Fiscal year starts in", maxItems: 5, options: months.map((m) => ({ value: m, label: m })) });
  },
  async cl_autocomplete() {
    const p = await import("@clack/prompts");
    return p.autocomplete({
      message: "Package manager",
      options: ["npm", "pnpm", "yarn", "bun", "deno"].map((v) => ({ value: v, label: v })),
    });
  },
  async cl_password() {
    const p = await import("@clack/prompts");
    return `len${(await p.password({ message: "Database password" })).length}`;
  },
  async cl_text_initial_replace() {
    const p = await import("@clack/prompts");
    return p.text({ message: "Project slug", initialValue: "my-app" });
  },
  async cl_confirm_default_no() {
    const p = await import("@clack/prompts");
    p.intro(" create-widget ");
    return p.confirm({ message: "Install dependencies now?", initialValue: false });
  },
  async cl_group_multiselect() {
    const p = await import("@clack/prompts");
    const v = await p.groupMultiselect({
      message: "Integrations",
      options: {
        Analytics: [{ value: "plausible" }, { value: "posthog" }],
        Payments: [{ value: "stripe" }, { value: "paddle" }],
      },
    });
    return [...v].sort();
  },
  // ------------------------------------------------------------ look-alikes
  async look_repl_lambda() {
    require("node:repl").start({ prompt: "λ " });
    await forever();
  },
  async look_clack_spinner_waiting() {
    const p = await import("@clack/prompts");
    p.intro(" deploy ");
    const s = p.spinner();
    s.start("Waiting for a teammate to approve the deploy (y/n in Slack)");
    await forever();
  },
  async look_stream_quotes_dialog() {
    const text =
      "The installer will show:\n\n  ┌ Proceed with installation? ┐\n  │  < Yes >      < No >       │\n  └────────────────────────────┘\n\nChoose Yes there. Meanwhile I am reading the logs ";
    for (const w of text.split(" ")) {
      process.stdout.write(`${w} `);
      await sleep(40);
    }
    for (;;) {
      process.stdout.write("and summarising what each step did, ");
      await sleep(400);
    }
  },
  async look_markdown_checklist() {
    console.log("## Release checklist");
    console.log("- [x] tag the commit");
    console.log("- [ ] publish the notes");
    console.log("- [ ] announce? (y/n)");
    for (let n = 0; ; n++) {
      console.log(`watching for changes… (${n})`);
      await sleep(600);
    }
  },
  async look_dashboard_glyphs() {
    for (let n = 0; ; n++) {
      process.stdout.write("\x1b[H\x1b[2J");
      console.log("  SERVICE      STATE        CHECK");
      console.log(`❯ web          ● healthy    ${n}ms`);
      console.log("  worker       ◯ paused     Resume? [y/N] via API");
      console.log("  cron         ● healthy    ok");
      await sleep(500);
    }
  },
  async look_test_run() {
    for (let n = 0; ; n++) {
      console.log(`  ✓ keyInYN returns true for "y" (${n})`);
      console.log(`  ✓ keyInSelect shows "[0] CANCEL" (${n})`);
      await sleep(400);
    }
  },
  async look_question_printed_loop() {
    console.log("? Which template would you like to use? › react-ts (from --template)");
    for (let n = 0; ; n++) {
      console.log(`  writing src/file-${n}.tsx`);
      await sleep(450);
    }
  },
  async look_paused_question_mark() {
    console.log("Indexer idle; it resumes on the next file change.");
    process.stdout.write("? ");
    await forever();
  },
  async look_spinner_frames() {
    const frames = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"];
    for (let n = 0; ; n++) {
      process.stdout.write(`\r${frames[n % 10]} Resolving dependencies (Press Enter? no need) ${n}`);
      await sleep(120);
    }
  },
};

const run = S[scenario];
if (!run) {
  console.error(`held6.mjs: unknown scenario ${scenario}`);
  process.exit(2);
}
done(await run());
