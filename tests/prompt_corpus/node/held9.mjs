// Ninth held-out set, Node side: node held9.mjs <scenario>. Only the libraries issue 12 names:
// @inquirer/prompts and inquirer (select with page sizes, separators and disabled rows,
// checkbox ticked and unticked, confirm, input with a default, password, number, expand,
// rawlist, search), enquirer (Select, MultiSelect, Toggle, Confirm, Input, Password,
// NumberPrompt, AutoComplete), prompts (select, multiselect, toggle, number, list, confirm,
// password, invisible) and @clack/prompts (select, multiselect, confirm with own labels, text,
// password, selectKey), and look-alikes (a REPL, streamed text quoting prompts, spinners, test
// output, dashboards). Prints ANSWER=<json>. Written blind; never used to tune the detector.

import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const scenario = process.argv[2];

function done(value) {
  process.stdout.write(`\nANSWER=${JSON.stringify(value)}\n`);
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const forever = () => new Promise(() => setInterval(() => {}, 1 << 30));
const secret = (s) => `len${s.length}`;

const S = {
  // ------------------------------------------------------------ @inquirer/prompts
  async iq_select_page_disabled() {
    const { select, Separator } = await import("@inquirer/prompts");
    return select({
      message: "Bundler for the design-system build",
      pageSize: 6,
      choices: [
        { name: "Vite", value: "vite" },
        { name: "Rollup", value: "rollup" },
        { name: "esbuild", value: "esbuild" },
        new Separator("── experimental ──"),
        { name: "Rolldown", value: "rolldown", disabled: "needs Node 22" },
        { name: "Rspack", value: "rspack" },
        { name: "tsup", value: "tsup" },
      ],
    });
  },
  async iq_checkbox_untick() {
    const { checkbox } = await import("@inquirer/prompts");
    return checkbox({
      message: "Which lint rules should block the merge?",
      choices: [
        { name: "no-unused-vars", value: "unused", checked: true },
        { name: "no-console", value: "console", checked: true },
        { name: "eqeqeq", value: "eqeqeq", checked: true },
        { name: "prefer-const", value: "const" },
        { name: "no-explicit-any", value: "any" },
      ],
    });
  },
  async iq_confirm_default_true_no() {
    const { confirm } = await import("@inquirer/prompts");
    return confirm({ message: "Open a draft pull request after pushing?", default: true });
  },
  async iq_input_default_keep() {
    const { input } = await import("@inquirer/prompts");
    return input({ message: "Storybook port", default: "6006" });
  },
  async iq_password_hidden() {
    const { password } = await import("@inquirer/prompts");
    return secret(await password({ message: "Sentry auth token" }));
  },
  async iq_number_replace() {
    const { number } = await import("@inquirer/prompts");
    return number({ message: "Max concurrent Playwright workers", default: 4 });
  },
  async iq_expand_expanded() {
    const { expand } = await import("@inquirer/prompts");
    console.log(".github/workflows/ci.yml would be replaced by the generator.");
    return expand({
      message: "Overwrite ci.yml?",
      expanded: true,
      choices: [
        { key: "y", name: "Overwrite", value: "overwrite" },
        { key: "n", name: "Do not overwrite", value: "skip" },
        { key: "d", name: "Show the differences", value: "diff" },
        { key: "x", name: "Abort the generator", value: "abort" },
      ],
    });
  },
  async iq_rawlist_number() {
    const { rawlist } = await import("@inquirer/prompts");
    return rawlist({
      message: "Which CSS approach?",
      choices: [
        { name: "Plain CSS modules", value: "modules" },
        { name: "Tailwind CSS", value: "tailwind" },
        { name: "vanilla-extract", value: "ve" },
        { name: "styled-components", value: "sc" },
        { name: "Panda CSS", value: "panda" },
        { name: "UnoCSS", value: "uno" },
      ],
    });
  },
  async iq_search_package() {
    const { search } = await import("@inquirer/prompts");
    const all = ["lodash", "lodash-es", "date-fns", "dayjs", "luxon", "zod", "valibot"];
    return search({
      message: "Dependency to remove",
      source: async (term) => all.filter((c) => !term || c.includes(term)),
    });
  },
  async iq_legacy_checkbox() {
    const inquirer = (await import("inquirer")).default;
    const r = await inquirer.prompt([
      {
        type: "checkbox",
        name: "v",
        message: "Locales to bundle",
        choices: ["en", "de", "fr", "es", "pt-BR", "ja", "ko"],
      },
    ]);
    return r.v;
  },
  // ------------------------------------------------------------ enquirer
  async enq_select_hints() {
    const { Select } = require("enquirer");
    return new Select({
      name: "plan",
      message: "Hosting plan for the preview apps",
      choices: [
        { name: "hobby", hint: "1 app, sleeps" },
        { name: "starter", hint: "$7/month" },
        { name: "standard", hint: "$25/month" },
        { name: "pro", hint: "$85/month" },
        { name: "enterprise", hint: "talk to sales", disabled: true },
      ],
    }).run();
  },
  async enq_multiselect_initial() {
    const { MultiSelect } = require("enquirer");
    return new MultiSelect({
      name: "targets",
      message: "Platforms to build binaries for",
      initial: ["linux-x64"],
      choices: [
        { name: "linux-x64" },
        { name: "linux-arm64" },
        { name: "darwin-arm64" },
        { name: "win32-x64" },
        { name: "freebsd-x64" },
      ],
    }).run();
  },
  async enq_toggle() {
    const { Toggle } = require("enquirer");
    return new Toggle({
      name: "t",
      message: "Enable source maps in production?",
      enabled: "Yep",
      disabled: "Nope",
    }).run();
  },
  async enq_confirm_initial_true() {
    const { Confirm } = require("enquirer");
    return new Confirm({ name: "ok", message: "Run the codemod on 312 files?", initial: true }).run();
  },
  async enq_input_replace() {
    const { Input } = require("enquirer");
    return new Input({ name: "scope", message: "npm scope", initial: "@acme" }).run();
  },
  async enq_password_mask() {
    const { Password } = require("enquirer");
    return secret(await new Password({ name: "p", message: "Verdaccio password" }).run());
  },
  async enq_number_initial_keep() {
    const { NumberPrompt } = require("enquirer");
    return new NumberPrompt({ name: "n", message: "Request timeout (ms)", initial: 3000 }).run();
  },
  async enq_autocomplete_limit() {
    const { AutoComplete } = require("enquirer");
    return new AutoComplete({
      name: "icon",
      message: "Icon set",
      limit: 5,
      choices: ["lucide", "heroicons", "phosphor", "tabler", "feather", "material-symbols", "remix"],
    }).run();
  },
  // ------------------------------------------------------------ prompts
  async pr_select_disabled() {
    const prompts = require("prompts");
    const r = await prompts({
      type: "select",
      name: "v",
      message: "Auth provider",
      choices: [
        { title: "Auth0", value: "auth0" },
        { title: "Clerk", value: "clerk", disabled: true },
        { title: "Keycloak", value: "keycloak", description: "self-hosted" },
        { title: "Supabase Auth", value: "supabase" },
        { title: "Roll our own", value: "own" },
      ],
      hint: "- arrows, Enter",
    });
    return r.v;
  },
  async pr_multiselect_hint() {
    const prompts = require("prompts");
    const r = await prompts({
      type: "multiselect",
      name: "v",
      message: "Cron jobs to enable",
      choices: [
        { title: "nightly-backup", value: "backup" },
        { title: "weekly-report", value: "report" },
        { title: "hourly-sync", value: "sync" },
        { title: "purge-sessions", value: "purge" },
        { title: "rotate-keys", value: "rotate" },
        { title: "warm-cache", value: "warm" },
      ],
      hint: "- Space to select. Return to submit",
    });
    return r.v;
  },
  async pr_toggle() {
    const prompts = require("prompts");
    const r = await prompts({
      type: "toggle",
      name: "v",
      message: "Send anonymous usage statistics?",
      initial: true,
      active: "on",
      inactive: "off",
    });
    return r.v;
  },
  async pr_number_replace() {
    const prompts = require("prompts");
    const r = await prompts({ type: "number", name: "v", message: "Port for the mock API", initial: 4010 });
    return r.v;
  },
  async pr_list() {
    const prompts = require("prompts");
    const r = await prompts({ type: "list", name: "v", message: "Allowed origins (comma separated)", separator: "," });
    return r.v;
  },
  async pr_confirm_default_false() {
    const prompts = require("prompts");
    const r = await prompts({ type: "confirm", name: "v", message: "Commit the generated lockfile?", initial: false });
    return r.v;
  },
  async pr_invisible() {
    const prompts = require("prompts");
    const r = await prompts({ type: "invisible", name: "v", message: "Redis AUTH password" });
    return secret(r.v);
  },
  // ------------------------------------------------------------ @clack/prompts
  async cl_select_initial() {
    const { select, intro } = await import("@clack/prompts");
    intro(" create-acme-worker ");
    return select({
      message: "Runtime for the worker",
      initialValue: "node",
      options: [
        { value: "node", label: "Node.js 22" },
        { value: "bun", label: "Bun", hint: "fast cold start" },
        { value: "deno", label: "Deno 2" },
        { value: "workerd", label: "workerd" },
        { value: "edge", label: "Vercel Edge" },
      ],
    });
  },
  async cl_multiselect_initial() {
    const { multiselect } = await import("@clack/prompts");
    return multiselect({
      message: "Quality gates",
      initialValues: ["types", "lint"],
      options: [
        { value: "types", label: "Type check" },
        { value: "lint", label: "Lint" },
        { value: "unit", label: "Unit tests" },
        { value: "e2e", label: "End-to-end tests", hint: "slow" },
        { value: "size", label: "Bundle size" },
      ],
    });
  },
  async cl_confirm_labels() {
    const { confirm } = await import("@clack/prompts");
    return confirm({ message: "Deploy preview to production?", active: "Ship it", inactive: "Hold" });
  },
  async cl_text_placeholder_replace() {
    const { text } = await import("@clack/prompts");
    return text({ message: "Package name", placeholder: "my-worker" });
  },
  async cl_password_mask() {
    const { password } = await import("@clack/prompts");
    return secret(await password({ message: "Cloudflare API token", mask: "*" }));
  },
  async cl_select_key() {
    const { selectKey } = await import("@clack/prompts");
    return selectKey({
      message: "wrangler.toml already exists",
      options: [
        { value: "o", label: "Overwrite" },
        { value: "m", label: "Merge" },
        { value: "k", label: "Keep" },
      ],
    });
  },
  async cl_autocomplete() {
    const { autocomplete } = await import("@clack/prompts");
    return autocomplete({
      message: "Timezone for the weekly report",
      options: [
        { value: "Europe/Lisbon", label: "Europe/Lisbon" },
        { value: "Europe/Warsaw", label: "Europe/Warsaw" },
        { value: "America/Toronto", label: "America/Toronto" },
        { value: "Asia/Singapore", label: "Asia/Singapore" },
        { value: "Australia/Perth", label: "Australia/Perth" },
      ],
    });
  },
  async cl_note_then_confirm() {
    const { note, confirm } = await import("@clack/prompts");
    note("3 services will restart:\n  api, worker, scheduler", "Heads up");
    return confirm({ message: "Roll the new config out now?", initialValue: false });
  },
  async iq_select_theme_prefix() {
    const { select } = await import("@inquirer/prompts");
    return select({
      message: "Release type",
      loop: false,
      theme: { prefix: "◆", icon: { cursor: "→" } },
      choices: [
        { name: "patch (26.12.4)", value: "patch" },
        { name: "minor (26.13.0)", value: "minor" },
        { name: "major (27.0.0)", value: "major" },
        { name: "prerelease (26.13.0-rc.0)", value: "pre" },
      ],
    });
  },
  async pr_autocomplete_multiselect() {
    const prompts = require("prompts");
    const r = await prompts({
      type: "autocompleteMultiselect",
      name: "v",
      message: "Reviewers to request",
      choices: [
        { title: "amelia", value: "amelia" },
        { title: "bruno", value: "bruno" },
        { title: "chidi", value: "chidi" },
        { title: "dagny", value: "dagny" },
        { title: "emeka", value: "emeka" },
      ],
    });
    return r.v;
  },
  // ------------------------------------------------------------ look-alikes
  async look_node_repl_gt() {
    const repl = require("node:repl");
    repl.start({ prompt: "[Y/n] > " });
    return forever();
  },
  async look_stream_checkbox_menu() {
    const text =
      "The generator will ask:\n? Which extras do you want? (Press <space> to select)\n ◉ TypeScript\n ◯ ESLint\n❯◯ Prettier\n\nI'm passing --features ts,eslint instead. Installing";
    for (const ch of text) {
      process.stdout.write(ch);
      await sleep(8);
    }
    for (;;) {
      process.stdout.write(".");
      await sleep(1000);
    }
  },
  async look_spinner_password() {
    const frames = "◐◓◑◒";
    for (let i = 0; ; i++) {
      process.stdout.write(`\r${frames[i % frames.length]} Checking 'Password:' prompts in the fixtures…`);
      await sleep(120);
    }
  },
  async look_clack_log_steps() {
    const { intro, log } = await import("@clack/prompts");
    intro("release");
    log.step("Publish to npm? — yes (from --yes)");
    log.info("● patch  ○ minor  ○ major");
    for (let n = 0; ; n++) {
      await sleep(900);
      log.message(`uploaded chunk ${n}`);
    }
  },
  async look_vitest_output() {
    console.log(" ✓ src/cli.test.ts > asks 'Overwrite? (y/N)' once (4 ms)");
    console.log(" ✓ src/cli.test.ts > shows ❯ next to the default (2 ms)");
    console.log(" ✓ src/cli.test.ts > hides the Password: input (1 ms)");
    process.stdout.write(" ❯ src/menu.test.ts (running) ");
    return forever();
  },
  async look_dashboard_radio() {
    for (let n = 0; ; n++) {
      process.stdout.write("\x1b[H\x1b[2J");
      console.log(`queues · refresh ${n}`);
      console.log("  (•) emails     12 waiting");
      console.log("  ( ) webhooks    0 waiting   Retry all? [y/N] in the admin UI");
      console.log("❯ ( ) exports     3 waiting");
      await sleep(800);
    }
  },
  async look_npm_warn_continue() {
    console.log("npm warn config Proceed anyway? (y/N) is ignored in CI mode");
    console.log("npm warn EBADENGINE Unsupported engine { required: { node: '>=22' } }");
    return forever();
  },
  async look_sleep_arrow_prompt() {
    process.stdout.write("Connecting to the build agent\n❯ ");
    return forever();
  },
  async look_answered_then_install() {
    console.log("◇  Project name\n│  acme-worker");
    console.log("◇  Use TypeScript?\n│  Yes");
    for (let n = 0; ; n++) {
      console.log(`│  installing package ${n}`);
      await sleep(700);
    }
  },
  async look_progress_blocks() {
    for (let n = 0; ; n++) {
      const p = n % 41;
      process.stdout.write(`\r${"█".repeat(p)}${"░".repeat(40 - p)} ${p * 2.5}%  Continue? (auto)`);
      await sleep(150);
    }
  },
};

const run = S[scenario];
if (!run) {
  console.error(`held9.mjs: unknown scenario ${scenario}`);
  process.exit(2);
}
done(await run());
process.exit(0);
