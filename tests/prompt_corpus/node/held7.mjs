// Seventh held-out set, Node side: node held7.mjs <scenario>. Three libraries no earlier set
// used (terminal-kit's single-column, single-line and grid menus, yes-or-no and input fields;
// @topcli/prompts; cli-select), @inquirer/prompts (expand, rawlist, search, select with a
// separator and a disabled row, checkbox), enquirer (Toggle, Quiz, MultiSelect, Input),
// prompts (toggle, number, multiselect, select with a disabled row) and @clack/prompts (confirm
// with renamed answers, text with a placeholder, select with hints, multiselect), in wordings
// no earlier set uses, and look-alikes (a REPL, progress bars, streamed text quoting menus,
// dashboards, test output, a program that printed a question and went on working). Prints
// ANSWER=<json>. Written blind; never used to tune the detector.

import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const scenario = process.argv[2];

function done(value) {
  process.stdout.write(`\nANSWER=${JSON.stringify(value)}\n`);
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const forever = () => new Promise(() => setInterval(() => {}, 1 << 30));
const tk = () => require("terminal-kit").terminal;

const S = {
  // ------------------------------------------------------------ terminal-kit
  async tk_single_column_menu() {
    const term = tk();
    term.bold("Which dashboard should open after login?\n");
    const items = ["Overview", "Latency (p50/p95/p99)", "Error budget", "Cost by team", "Deploys", "On-call"];
    const r = await term.singleColumnMenu(items).promise;
    return r.selectedText;
  },
  async tk_yes_or_no() {
    const term = tk();
    term("The ingest daemon uses 2.1 GB more than its limit.\n");
    term("Restart the ingest daemon now? [Y|n] ");
    return term.yesOrNo({ yes: ["y", "ENTER"], no: ["n"] }).promise;
  },
  async tk_input_default_keep() {
    const term = tk();
    term("Output directory: ");
    return term.inputField({ default: "./public/build" }).promise;
  },
  async tk_input_empty() {
    const term = tk();
    term.cyan("Title of the release notes: ");
    return term.inputField({}).promise;
  },
  async tk_grid_menu() {
    const term = tk();
    term("Font for the terminal profile:\n");
    const items = ["Iosevka", "JetBrains Mono", "Fira Code", "Hack", "Cascadia Code", "Victor Mono"];
    const r = await term.gridMenu(items).promise;
    return r.selectedText;
  },
  async tk_single_line_menu() {
    const term = tk();
    term("report.xlsx was changed by someone else. What now?\n");
    const r = await term.singleLineMenu(["Save", "Save as…", "Discard", "Cancel"]).promise;
    return r.selectedText;
  },
  async tk_password() {
    const term = tk();
    term("Passphrase for backup.kdbx: ");
    const v = await term.inputField({ echoChar: true }).promise;
    return `len${v.length}`;
  },
  // ------------------------------------------------------------ @topcli/prompts
  async tp_question_default() {
    const { question } = await import("@topcli/prompts");
    return question("Workspace name ?", { defaultValue: "orbit" });
  },
  async tp_select() {
    const { select } = await import("@topcli/prompts");
    return select("Choose a test runner", {
      choices: ["node:test", "tap", "tape", "vitest", "mocha", "ava"],
    });
  },
  async tp_confirm() {
    const { confirm } = await import("@topcli/prompts");
    return confirm("Publish to the internal registry ?", { initial: true });
  },
  async tp_multiselect() {
    const { multiselect } = await import("@topcli/prompts");
    return multiselect("Target platforms", {
      choices: ["linux-x64", "linux-arm64", "darwin-arm64", "win32-x64", "freebsd-x64"],
      preSelectedChoices: ["linux-x64", "darwin-arm64"],
    });
  },
  async tp_secure() {
    const { question } = await import("@topcli/prompts");
    const v = await question("Deploy key", { secure: true });
    return `len${v.length}`;
  },
  // ------------------------------------------------------------ cli-select
  async cs_select_triangle() {
    const cliSelect = require("cli-select");
    console.log("Which branch should the hotfix target?");
    const r = await cliSelect({
      values: ["main", "release/4.1", "release/4.0", "lts/3.x"],
      selected: "▸",
      unselected: " ",
    });
    return r.value;
  },
  // ------------------------------------------------------------ @inquirer/prompts
  async iq_expand() {
    const { expand } = await import("@inquirer/prompts");
    console.log("package.json was changed both here and in the template.");
    return expand({
      message: "Conflict on package.json:",
      choices: [
        { key: "y", name: "Overwrite", value: "overwrite" },
        { key: "a", name: "Overwrite this one and all next", value: "all" },
        { key: "d", name: "Show diff", value: "diff" },
        { key: "x", name: "Abort", value: "abort" },
      ],
    });
  },
  async iq_rawlist_number() {
    const { rawlist } = await import("@inquirer/prompts");
    return rawlist({
      message: "Node.js image variant",
      choices: ["bookworm", "bookworm-slim", "bullseye", "alpine3.20", "alpine3.21", "distroless"].map(
        (v) => ({ name: v, value: v }),
      ),
    });
  },
  async iq_search() {
    const { search } = await import("@inquirer/prompts");
    const zones = ["America/Lima", "America/Santiago", "America/Montevideo", "Asia/Manila", "Asia/Seoul", "Europe/Athens"];
    return search({
      message: "Office time zone",
      source: async (term) => zones.filter((z) => !term || z.toLowerCase().includes(term.toLowerCase())),
    });
  },
  async iq_select_disabled() {
    const { select, Separator } = await import("@inquirer/prompts");
    return select({
      message: "Region for the read replica",
      choices: [
        { name: "eu-west-1", value: "eu-west-1" },
        { name: "eu-north-1", value: "eu-north-1" },
        new Separator("── Americas ──"),
        { name: "us-east-2", value: "us-east-2", disabled: "(quota reached)" },
        { name: "ca-central-1", value: "ca-central-1" },
        { name: "sa-east-1", value: "sa-east-1" },
      ],
    });
  },
  async iq_checkbox_untick() {
    const { checkbox } = await import("@inquirer/prompts");
    return checkbox({
      message: "Labels to add to the pull request",
      choices: [
        { name: "bug", value: "bug", checked: true },
        { name: "needs-review", value: "needs-review", checked: true },
        { name: "breaking change", value: "breaking change" },
        { name: "docs", value: "docs" },
        { name: "good first issue", value: "good first issue" },
        { name: "backport → 4.0", value: "backport → 4.0" },
      ],
    });
  },
  async iq_input_type_name() {
    const { input } = await import("@inquirer/prompts");
    console.log("Archiving billing-api makes it read-only and stops its 3 pipelines.");
    const v = await input({ message: "Type the project name (billing-api) to confirm:" });
    return v === "billing-api" ? "archived" : "kept";
  },
  // ------------------------------------------------------------ enquirer
  async enq_toggle() {
    const { Toggle } = require("enquirer");
    return new Toggle({ message: "Emit source maps?", enabled: "Yes", disabled: "No" }).run();
  },
  async enq_quiz() {
    const { Quiz } = require("enquirer");
    const r = await new Quiz({
      name: "port",
      message: "Which port does the admin API listen on?",
      choices: ["8000", "8443", "9090", "9443"],
      correctChoice: 3,
    }).run();
    return r.selectedAnswer;
  },
  async enq_multiselect_initial() {
    const { MultiSelect } = require("enquirer");
    return new MultiSelect({
      message: "Linters to run before each commit",
      choices: ["eslint", "stylelint", "prettier", "markdownlint", "shellcheck", "hadolint"],
      initial: ["eslint", "prettier"],
    }).run();
  },
  async enq_input_initial_keep() {
    const { Input } = require("enquirer");
    return new Input({ message: "Version to release", initial: "2.3.0" }).run();
  },
  // ------------------------------------------------------------ prompts
  async pr_toggle() {
    const prompts = require("prompts");
    const r = await prompts({
      type: "toggle",
      name: "v",
      message: "Keep the preview deployment after merge?",
      initial: true,
      active: "keep",
      inactive: "delete",
    });
    return r.v;
  },
  async pr_number_keep() {
    const prompts = require("prompts");
    const r = await prompts({ type: "number", name: "v", message: "Request timeout (seconds)", initial: 30 });
    return r.v;
  },
  async pr_multiselect_hint() {
    const prompts = require("prompts");
    const r = await prompts({
      type: "multiselect",
      name: "v",
      message: "Fields to export",
      hint: "- Space to select. Return to submit",
      choices: [
        { title: "id", value: "id", selected: true },
        { title: "email", value: "email", selected: true },
        { title: "created_at", value: "created_at" },
        { title: "plan", value: "plan" },
        { title: "last_login", value: "last_login" },
      ],
    });
    return r.v;
  },
  async pr_select_disabled() {
    const prompts = require("prompts");
    const r = await prompts({
      type: "select",
      name: "v",
      message: "Database engine for the preview",
      choices: [
        { title: "PostgreSQL 17", value: "pg17" },
        { title: "PostgreSQL 16", value: "pg16" },
        { title: "MySQL 5.7", value: "my57", disabled: true },
        { title: "MariaDB 11", value: "maria11" },
        { title: "CockroachDB", value: "crdb" },
      ],
    });
    return r.v;
  },
  // ------------------------------------------------------------ @clack/prompts
  async cl_confirm_labels() {
    const { confirm } = await import("@clack/prompts");
    return confirm({ message: "Ship build 2026.12.3 to the beta channel?", active: "Ship it", inactive: "Hold" });
  },
  async cl_text_placeholder() {
    const { text } = await import("@clack/prompts");
    return text({ message: "Name of the new component", placeholder: "e.g. DatePicker" });
  },
  async cl_select_hints() {
    const { select } = await import("@clack/prompts");
    return select({
      message: "Rendering mode",
      options: [
        { value: "spa", label: "Single-page app", hint: "client only" },
        { value: "ssr", label: "Server-side rendering" },
        { value: "ssg", label: "Static generation", hint: "fastest" },
        { value: "isr", label: "Incremental static regeneration" },
        { value: "edge", label: "Edge functions", hint: "beta" },
        { value: "hybrid", label: "Hybrid (per route)" },
      ],
    });
  },
  async cl_multiselect_initial() {
    const { multiselect } = await import("@clack/prompts");
    return multiselect({
      message: "Add-ons for the starter",
      options: [
        { value: "tailwind", label: "Tailwind CSS" },
        { value: "auth", label: "Auth.js" },
        { value: "drizzle", label: "Drizzle ORM" },
        { value: "i18n", label: "i18n routing" },
        { value: "pwa", label: "PWA manifest" },
      ],
      initialValues: ["tailwind", "auth"],
    });
  },
  // ------------------------------------------------------------ look-alikes
  async look_repl_gql() {
    const repl = require("node:repl");
    console.log("graph console 1.4 (Continue? type .exit to leave)");
    repl.start({ prompt: "gql » " });
    await forever();
  },
  async look_tk_progress_bar() {
    const term = tk();
    const bar = term.progressBar({ width: 70, title: "Continue? syncing", percent: true });
    for (let n = 0; ; n++) {
      bar.update((n % 1000) / 1000);
      await sleep(200);
    }
  },
  async look_stream_clack_menu() {
    const text =
      "The scaffolder will ask you this:\n\n◆  Pick a framework\n│  ● Next.js\n│  ○ Remix\n│  ○ Astro\n└\n\n" +
      "I've already passed --framework=astro, so it will not stop. Generating files";
    for (const ch of text) {
      process.stdout.write(ch);
      await sleep(4);
    }
    for (;;) {
      process.stdout.write(".");
      await sleep(500);
    }
  },
  async look_braille_spinner() {
    const frames = ["⣾", "⣽", "⣻", "⢿", "⡿", "⣟", "⣯", "⣷"];
    for (let n = 0; ; n++) {
      process.stdout.write(`\r${frames[n % 8]} Waiting for approval in the web console… (${n})`);
      await sleep(120);
    }
  },
  async look_dashboard_refresh() {
    for (let n = 0; ; n++) {
      process.stdout.write("\x1b[2J\x1b[H");
      console.log(`fleet   refresh #${n}`);
      console.log("❯ edge-1   ● up      Reboot? [y/N] (ask in UI)");
      console.log("  edge-2   ○ down    1) retry 2) ignore");
      console.log("  edge-3   ● up");
      await sleep(600);
    }
  },
  async look_tap_output() {
    for (let n = 1; ; n++) {
      console.log(`ok ${n} - confirm() returns false on "[y/N]" with empty input`);
      console.log(`ok ${n} - select() draws "❯" before the active row`);
      await sleep(400);
    }
  },
  async look_npx_answered() {
    console.log("Need to install the following packages:");
    console.log("  create-orbit@4.2.0");
    console.log("Ok to proceed? (y) y   (--yes)");
    for (let n = 0; ; n++) {
      console.log(`  added ${n + 1} packages`);
      await sleep(450);
    }
  },
  async look_sleep_chevron() {
    console.log("Build queued behind 2 others.");
    process.stdout.write("› ");
    await forever();
  },
  async look_log_passwords() {
    for (let n = 0; ; n++) {
      console.log(`[auth] ${n}: prompt "Password:" rendered to client 10.0.0.${n % 250}`);
      await sleep(400);
    }
  },
  async look_help_text_loop() {
    console.log("? Select the files to commit (Press <space> to select, <a> to toggle all)");
    console.log("  — recorded from the last session, replaying the log —");
    for (let n = 0; ; n++) {
      console.log(`  replay ${n}: ◉ src/file-${n}.ts`);
      await sleep(500);
    }
  },
  async look_tk_bar_menu_text() {
    const term = tk();
    term.clear();
    term.moveTo(1, 1, "Shortcuts:  F1 Help   F2 Save? (y/n)   F10 Quit");
    for (let n = 0; ; n++) {
      term.moveTo(1, 3, `Uptime ${n}s   queue 4   ● healthy`);
      await sleep(500);
    }
  },
};

const run = S[scenario];
if (!run) {
  console.error(`held7.mjs: unknown scenario ${scenario}`);
  process.exit(2);
}
done(await run());
process.exit(0);
