// Tenth held-out set, Node side: node held10.mjs <scenario>. Only the libraries issue 12 names:
// @inquirer/prompts and inquirer (select with descriptions, separators, themes and defaults,
// checkbox, confirm, input with an editable prefill, password with a mask, number, expand,
// rawlist, search), enquirer (Select, MultiSelect, Confirm, Input, Password, Toggle,
// NumberPrompt, AutoComplete), prompts (select, multiselect, confirm, text, password, number,
// toggle, autocomplete) and @clack/prompts (select with hints and paging, multiselect,
// groupMultiselect, confirm, text with a default, password, a box above a question), and
// look-alikes (a REPL, streamed text quoting prompts, spinners, test output, dashboards).
// Prints ANSWER=<json>. Written blind; never used to tune the detector.

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
  async iq_select_descriptions_up() {
    const { select } = await import("@inquirer/prompts");
    return select({
      message: "Cache strategy for the product pages",
      default: "swr",
      loop: false,
      choices: [
        { name: "No cache", value: "none", description: "Every request renders the page." },
        { name: "Static at build", value: "static", description: "Rebuilt on every deploy." },
        { name: "ISR (60 s)", value: "isr", description: "Regenerated at most once a minute." },
        { name: "Stale-while-revalidate", value: "swr", description: "Serve stale, refresh behind." },
        { name: "Edge cache (1 h)", value: "edge", description: "CDN keeps it for an hour." },
      ],
    });
  },
  async iq_checkbox_seven() {
    const { checkbox } = await import("@inquirer/prompts");
    return checkbox({
      message: "Browsers for the end-to-end matrix",
      pageSize: 7,
      required: true,
      choices: [
        { name: "Chrome stable", value: "chrome" },
        { name: "Chrome beta", value: "chrome-beta" },
        { name: "Firefox", value: "firefox" },
        { name: "Firefox ESR", value: "firefox-esr" },
        { name: "Safari (WebKit)", value: "webkit" },
        { name: "Edge", value: "edge" },
        { name: "Mobile Safari (iPhone 15)", value: "iphone" },
      ],
    });
  },
  async iq_confirm_default_false_yes() {
    const { confirm } = await import("@inquirer/prompts");
    console.log("The changelog has 3 entries without a ticket number.");
    return confirm({ message: "Publish the release notes anyway?", default: false });
  },
  async iq_input_prefill_replace() {
    const { input } = await import("@inquirer/prompts");
    return input({ message: "npm scope for the packages", default: "@acme-labs", prefill: "editable" });
  },
  async iq_password_mask() {
    const { password } = await import("@inquirer/prompts");
    return secret(await password({ message: "Cloudflare API token", mask: "•" }));
  },
  async iq_number_keep() {
    const { number } = await import("@inquirer/prompts");
    return number({ message: "Request timeout in seconds", default: 25, min: 1, max: 300 });
  },
  async iq_expand_collapsed() {
    const { expand } = await import("@inquirer/prompts");
    console.log("package.json already has a \"test\" script.");
    return expand({
      message: "Conflict on scripts.test:",
      default: "k",
      choices: [
        { key: "k", name: "Keep the existing script", value: "keep" },
        { key: "r", name: "Replace it", value: "replace" },
        { key: "s", name: "Save the new one as test:new", value: "side" },
      ],
    });
  },
  async iq_rawlist_number() {
    const { rawlist } = await import("@inquirer/prompts");
    return rawlist({
      message: "Package manager for the monorepo",
      choices: [
        { name: "npm workspaces", value: "npm" },
        { name: "pnpm", value: "pnpm" },
        { name: "Yarn (Berry)", value: "yarn" },
        { name: "Bun", value: "bun" },
      ],
    });
  },
  async iq_search_country() {
    const { search } = await import("@inquirer/prompts");
    const all = ["us-east-1", "us-west-2", "eu-west-1", "eu-north-1", "ap-south-1", "sa-east-1"];
    return search({
      message: "Region for the bucket",
      source: async (term) =>
        all.filter((r) => !term || r.includes(term)).map((r) => ({ name: r, value: r })),
    });
  },
  async iq_select_theme_separator() {
    const { select, Separator } = await import("@inquirer/prompts");
    return select({
      message: "Starter template",
      theme: { icon: { cursor: "▸" } },
      choices: [
        new Separator("── web ──"),
        { name: "Next.js app router", value: "next" },
        { name: "Astro content site", value: "astro" },
        { name: "SvelteKit", value: "svelte" },
        new Separator("── api ──"),
        { name: "Fastify + Prisma", value: "fastify" },
        { name: "Hono on workers", value: "hono" },
        { name: "tRPC monorepo", value: "trpc" },
      ],
    });
  },
  async iq_legacy_list() {
    const inquirer = (await import("inquirer")).default;
    const { env } = await inquirer.prompt([
      {
        type: "select",
        name: "env",
        message: "Promote build #4821 to",
        choices: ["qa", "uat", "preprod", "prod-eu", "prod-us"],
      },
    ]);
    return env;
  },
  async iq_legacy_checkbox_untick() {
    const inquirer = (await import("inquirer")).default;
    const { hooks } = await inquirer.prompt([
      {
        type: "checkbox",
        name: "hooks",
        message: "Git hooks to install",
        choices: [
          { name: "pre-commit (lint-staged)", value: "pre-commit", checked: true },
          { name: "commit-msg (commitlint)", value: "commit-msg", checked: true },
          { name: "pre-push (unit tests)", value: "pre-push", checked: true },
        ],
      },
    ]);
    return hooks;
  },
  // ------------------------------------------------------------ enquirer
  async enq_select_initial() {
    const { Select } = require("enquirer");
    return new Select({
      name: "db",
      message: "Database for local development",
      initial: 1,
      choices: ["SQLite file", "Postgres in Docker", "MySQL in Docker", "Neon branch", "PlanetScale branch", "In-memory"],
    }).run();
  },
  async enq_multiselect_two() {
    const { MultiSelect } = require("enquirer");
    return new MultiSelect({
      name: "feeds",
      message: "Subscribe this channel to",
      choices: [
        { name: "deploys" },
        { name: "incidents" },
        { name: "dependabot" },
        { name: "billing alerts" },
        { name: "new sign-ups" },
        { name: "nightly build" },
      ],
    }).run();
  },
  async enq_confirm_no() {
    const { Confirm } = require("enquirer");
    return new Confirm({ name: "ok", message: "Remove the 4 unused feature flags?", initial: true }).run();
  },
  async enq_input_initial_keep() {
    const { Input } = require("enquirer");
    return new Input({ name: "dir", message: "Output directory", initial: "dist/esm" }).run();
  },
  async enq_password() {
    const { Password } = require("enquirer");
    return secret(await new Password({ name: "pw", message: "Registry password for ci-bot" }).run());
  },
  async enq_toggle_public() {
    const { Toggle } = require("enquirer");
    return new Toggle({
      name: "vis",
      message: "Repository visibility",
      enabled: "Public",
      disabled: "Private",
    }).run();
  },
  async enq_number_replace() {
    const { NumberPrompt } = require("enquirer");
    return new NumberPrompt({ name: "n", message: "How many preview deployments to keep?", initial: 5 }).run();
  },
  async enq_autocomplete() {
    const { AutoComplete } = require("enquirer");
    return new AutoComplete({
      name: "pkg",
      message: "Add which date library?",
      limit: 4,
      choices: ["date-fns", "dayjs", "luxon", "moment", "temporal-polyfill", "tempo"],
    }).run();
  },
  // ------------------------------------------------------------ prompts
  async pr_select_hint_initial() {
    const prompts = require("prompts");
    const { v } = await prompts({
      type: "select",
      name: "v",
      message: "Queue backend",
      hint: "↑/↓ then return",
      initial: 1,
      choices: [
        { title: "In-process", value: "memory" },
        { title: "Redis (BullMQ)", value: "redis" },
        { title: "RabbitMQ", value: "rabbit" },
        { title: "SQS", value: "sqs" },
        { title: "Postgres (pg-boss)", value: "pgboss" },
      ],
    });
    return v;
  },
  async pr_multiselect_untick() {
    const prompts = require("prompts");
    const { v } = await prompts({
      type: "multiselect",
      name: "v",
      message: "Regions to replicate the bucket to",
      instructions: false,
      choices: [
        { title: "eu-west-1", value: "euw1", selected: true },
        { title: "eu-central-1", value: "euc1", selected: true },
        { title: "us-east-1", value: "use1" },
        { title: "ap-northeast-1", value: "apne1", selected: true },
      ],
    });
    return v;
  },
  async pr_confirm_no() {
    const prompts = require("prompts");
    const { v } = await prompts({ type: "confirm", name: "v", message: "Email the invoice PDFs to finance?", initial: true });
    return v;
  },
  async pr_text_initial_keep() {
    const prompts = require("prompts");
    const { v } = await prompts({ type: "text", name: "v", message: "Sender address", initial: "noreply@acme.dev" });
    return v;
  },
  async pr_password() {
    const prompts = require("prompts");
    const { v } = await prompts({ type: "password", name: "v", message: "Twilio auth token" });
    return secret(v);
  },
  async pr_number_replace() {
    const prompts = require("prompts");
    const { v } = await prompts({ type: "number", name: "v", message: "Max upload size (MB)", initial: 10, min: 1, max: 500 });
    return v;
  },
  async pr_toggle_enable() {
    const prompts = require("prompts");
    const { v } = await prompts({
      type: "toggle",
      name: "v",
      message: "Two-factor login for the admin panel",
      initial: false,
      active: "enforced",
      inactive: "optional",
    });
    return v;
  },
  async pr_autocomplete() {
    const prompts = require("prompts");
    const { v } = await prompts({
      type: "autocomplete",
      name: "v",
      message: "Font for the headings",
      limit: 5,
      choices: ["Inter", "Manrope", "DM Sans", "Space Grotesk", "Outfit", "Sora", "Lexend"].map((t) => ({ title: t })),
    });
    return v;
  },
  // ------------------------------------------------------------ @clack/prompts
  async cl_select_paged_hints() {
    const { select } = await import("@clack/prompts");
    return select({
      message: "Which CI provider?",
      maxItems: 4,
      options: [
        { value: "gha", label: "GitHub Actions", hint: "recommended" },
        { value: "gitlab", label: "GitLab CI" },
        { value: "circle", label: "CircleCI" },
        { value: "buildkite", label: "Buildkite", hint: "self-hosted agents" },
        { value: "drone", label: "Drone" },
        { value: "woodpecker", label: "Woodpecker" },
        { value: "none", label: "None for now" },
      ],
    });
  },
  async cl_multiselect_required() {
    const { multiselect } = await import("@clack/prompts");
    return multiselect({
      message: "Which packages get a README stub?",
      required: true,
      options: [
        { value: "core", label: "packages/core" },
        { value: "cli", label: "packages/cli" },
        { value: "ui", label: "packages/ui" },
        { value: "utils", label: "packages/utils" },
        { value: "docs", label: "apps/docs" },
      ],
    });
  },
  async cl_group_multiselect() {
    const { groupMultiselect } = await import("@clack/prompts");
    return groupMultiselect({
      message: "Add which integrations?",
      options: {
        Auth: [
          { value: "lucia", label: "Lucia" },
          { value: "authjs", label: "Auth.js" },
        ],
        Payments: [
          { value: "stripe", label: "Stripe" },
          { value: "paddle", label: "Paddle" },
        ],
      },
    });
  },
  async cl_confirm_default_no_yes() {
    const { confirm } = await import("@clack/prompts");
    return confirm({ message: "Initialise a git repository here?", initialValue: false });
  },
  async cl_text_default_keep() {
    const { text } = await import("@clack/prompts");
    return text({ message: "Where should we create the project?", placeholder: "./my-app", defaultValue: "./my-app" });
  },
  async cl_password_mask() {
    const { password } = await import("@clack/prompts");
    return secret(await password({ message: "Turso database token", mask: "▪" }));
  },
  async cl_box_then_select() {
    const { box, select } = await import("@clack/prompts");
    box("Your trial ends in 3 days.\nPick a plan to keep your projects online.", "Billing");
    return select({
      message: "Plan after the trial",
      options: [
        { value: "hobby", label: "Hobby (free, 1 project)" },
        { value: "pro", label: "Pro ($20/month)" },
        { value: "team", label: "Team ($60/month)" },
      ],
    });
  },
  // ------------------------------------------------------------ look-alikes
  async look_node_repl_prompt() {
    const repl = await import("node:repl");
    repl.start({ prompt: "db ▸ " });
    return forever();
  },
  async look_stream_select_quote() {
    const text =
      "The CLI will ask:\n? Choose a preset (Use arrow keys)\n❯ Default\n  Minimal\n  Custom\nI'm running it with --preset default so nothing blocks.\n";
    for (const ch of text) {
      process.stdout.write(ch);
      await sleep(8);
    }
    for (let n = 0; ; n++) {
      console.log(`  writing file ${n}`);
      await sleep(900);
    }
  },
  async look_clack_spinner() {
    const { spinner } = await import("@clack/prompts");
    const s = spinner();
    s.start("Waiting for the deploy to finish — Continue? (y/N) comes later");
    return forever();
  },
  async look_jest_output() {
    console.log(" PASS  src/confirm.test.ts");
    console.log("  ✓ renders (y/N) after the question (12 ms)");
    console.log("  ✓ select shows ❯ on the first row (4 ms)");
    console.log(" RUNS  src/password.test.ts");
    return forever();
  },
  async look_dashboard_checkboxes() {
    for (let n = 0; ; n++) {
      console.clear();
      console.log(`Feature flags · poll ${n}`);
      console.log("  [x] new-checkout      100%");
      console.log("  [ ] dark-mode           0%   Enable? (y/n) in the admin UI");
      console.log("  [x] search-v2          25%");
      await sleep(700);
    }
  },
  async look_npm_log_question() {
    console.log("npm notice Need to install the following packages: create-acme@2.1.0");
    console.log("npm notice Ok to proceed? (y) -> yes (npm_config_yes=true)");
    console.log("npm http fetch GET 200 create-acme 412ms (cache hit)");
    return forever();
  },
  async look_sleep_question_mark() {
    process.stdout.write("Resolving dependencies…\n? ");
    return forever();
  },
  async look_answered_clack_then_work() {
    console.log("◆  Which CI provider?\n│  GitHub Actions");
    console.log("◇  Install dependencies?\n│  Yes");
    for (let n = 0; ; n++) {
      console.log(`│  added ${n * 7} packages`);
      await sleep(800);
    }
  },
  async look_progress_percent() {
    for (let n = 0; ; n++) {
      const p = n % 101;
      process.stdout.write(`\r[${"#".repeat(p / 4)}${".".repeat(25 - Math.floor(p / 4))}] ${p}%  Overwrite? skipped`);
      await sleep(120);
    }
  },
};

const run = S[scenario];
if (!run) {
  console.error(`held10.mjs: unknown scenario ${scenario}`);
  process.exit(2);
}
done(await run());
process.exit(0);
