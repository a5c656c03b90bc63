// Eleventh held-out set, Node side: node held11.mjs <scenario>. Only the libraries issue 12
// names: @inquirer/prompts and inquirer (select, checkbox, confirm, input, password, number,
// expand, rawlist, search), enquirer (Select, MultiSelect, Confirm, Input, Password, Toggle,
// NumberPrompt, AutoComplete), prompts (select, multiselect, confirm, text, password, number,
// toggle, list) and @clack/prompts (select, multiselect, confirm, text, password, selectKey,
// a note above a question), and look-alikes (a REPL, streamed text quoting prompts, spinners,
// test output, dashboards). Prints ANSWER=<json>. Written blind; never used to tune the detector.

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
  async iq_select_six_down() {
    const { select } = await import("@inquirer/prompts");
    return select({
      message: "Node version for the Lambda functions",
      choices: [
        { name: "nodejs18.x (deprecated)", value: "18" },
        { name: "nodejs20.x", value: "20" },
        { name: "nodejs22.x", value: "22" },
        { name: "nodejs24.x", value: "24" },
        { name: "Bun (custom runtime)", value: "bun" },
        { name: "Deno (custom runtime)", value: "deno" },
      ],
    });
  },
  async iq_checkbox_prechecked() {
    const { checkbox } = await import("@inquirer/prompts");
    return checkbox({
      message: "Remove which stale preview URLs?",
      choices: [
        { name: "pr-1402.preview.acme.dev", value: "1402", checked: true },
        { name: "pr-1417.preview.acme.dev", value: "1417", checked: true },
        { name: "pr-1433.preview.acme.dev", value: "1433" },
        { name: "pr-1450.preview.acme.dev", value: "1450", checked: true },
      ],
    });
  },
  async iq_confirm_default_true_no() {
    const { confirm } = await import("@inquirer/prompts");
    return confirm({ message: "Open the pull request as a draft?", default: true });
  },
  async iq_input_default_keep() {
    const { input } = await import("@inquirer/prompts");
    return input({ message: "Storybook port", default: "6006" });
  },
  async iq_password_no_mask() {
    const { password } = await import("@inquirer/prompts");
    return secret(await password({ message: "npm automation token (input hidden)" }));
  },
  async iq_number_replace() {
    const { number } = await import("@inquirer/prompts");
    return number({ message: "Workers for the test shard", default: 4, min: 1, max: 32 });
  },
  async iq_expand_expanded() {
    const { expand } = await import("@inquirer/prompts");
    return expand({
      message: "tsconfig.json would be overwritten",
      expanded: true,
      choices: [
        { key: "y", name: "Overwrite", value: "overwrite" },
        { key: "n", name: "Skip this file", value: "skip" },
        { key: "d", name: "Show the diff", value: "diff" },
        { key: "a", name: "Overwrite this and all others", value: "all" },
      ],
    });
  },
  async iq_rawlist_label() {
    const { rawlist } = await import("@inquirer/prompts");
    return rawlist({
      message: "CSS approach for the component library",
      choices: [
        { name: "Tailwind", value: "tw" },
        { name: "CSS Modules", value: "modules" },
        { name: "vanilla-extract", value: "vx" },
        { name: "styled-components", value: "sc" },
        { name: "plain CSS", value: "css" },
      ],
    });
  },
  async iq_search_package() {
    const { search } = await import("@inquirer/prompts");
    const all = ["zod", "valibot", "yup", "joi", "arktype", "superstruct", "io-ts"];
    return search({
      message: "Validation library to add",
      source: async (term) => all.filter((p) => !term || p.includes(term)).map((p) => ({ name: p, value: p })),
    });
  },
  async iq_legacy_confirm() {
    const inquirer = (await import("inquirer")).default;
    const { ok } = await inquirer.prompt([
      { type: "confirm", name: "ok", message: "Add the generated client to .gitignore?", default: true },
    ]);
    return ok;
  },
  // ------------------------------------------------------------ enquirer
  async enq_select_seven() {
    const { Select } = require("enquirer");
    return new Select({
      name: "size",
      message: "T-shirt size for the estimate",
      choices: ["XS", "S", "M", "L", "XL", "XXL", "unknown — needs a spike"],
    }).run();
  },
  async enq_multiselect_hint() {
    const { MultiSelect } = require("enquirer");
    return new MultiSelect({
      name: "envs",
      message: "Copy the secret to which environments?",
      hint: "(space to tick, return to submit)",
      choices: [{ name: "development" }, { name: "preview" }, { name: "staging" }, { name: "production" }],
    }).run();
  },
  async enq_confirm_yes() {
    const { Confirm } = require("enquirer");
    return new Confirm({ name: "ok", message: "Regenerate the lockfile from scratch?" }).run();
  },
  async enq_input_replace() {
    const { Input } = require("enquirer");
    return new Input({ name: "entry", message: "Entry file", initial: "src/index.ts" }).run();
  },
  async enq_password_mask() {
    const { Password } = require("enquirer");
    return secret(await new Password({ name: "pw", message: "Password for the Verdaccio user 'release'" }).run());
  },
  async enq_toggle_no() {
    const { Toggle } = require("enquirer");
    return new Toggle({ name: "sm", message: "Emit source maps in production?", enabled: "Yep", disabled: "Nope" }).run();
  },
  async enq_number_keep() {
    const { NumberPrompt } = require("enquirer");
    return new NumberPrompt({ name: "n", message: "Coverage threshold (%)", initial: 80 }).run();
  },
  async enq_autocomplete_framework() {
    const { AutoComplete } = require("enquirer");
    return new AutoComplete({
      name: "fw",
      message: "Test framework",
      limit: 5,
      choices: ["vitest", "jest", "mocha", "ava", "tap", "uvu", "node:test"],
    }).run();
  },
  // ------------------------------------------------------------ prompts
  async pr_select_disabled() {
    const prompts = require("prompts");
    const { v } = await prompts({
      type: "select",
      name: "v",
      message: "Hosting for the marketing site",
      choices: [
        { title: "Vercel", value: "vercel" },
        { title: "Netlify", value: "netlify", disabled: true },
        { title: "Cloudflare Pages", value: "cf" },
        { title: "GitHub Pages", value: "gh" },
        { title: "S3 + CloudFront", value: "s3" },
      ],
    });
    return v;
  },
  async pr_multiselect_hint() {
    const prompts = require("prompts");
    const { v } = await prompts({
      type: "multiselect",
      name: "v",
      message: "Which webhooks should fire?",
      hint: "- Space to select. Return to submit",
      choices: [
        { title: "order.created", value: "oc" },
        { title: "order.refunded", value: "or" },
        { title: "customer.deleted", value: "cd" },
        { title: "subscription.renewed", value: "sr" },
        { title: "invoice.overdue", value: "io" },
      ],
    });
    return v;
  },
  async pr_confirm_yes() {
    const prompts = require("prompts");
    const { v } = await prompts({ type: "confirm", name: "v", message: "Seed the database with demo products?", initial: false });
    return v;
  },
  async pr_text_replace() {
    const prompts = require("prompts");
    const { v } = await prompts({ type: "text", name: "v", message: "Project slug", initial: "untitled" });
    return v;
  },
  async pr_invisible() {
    const prompts = require("prompts");
    const { v } = await prompts({ type: "invisible", name: "v", message: "Mailgun API key" });
    return secret(v);
  },
  async pr_number_keep() {
    const prompts = require("prompts");
    const { v } = await prompts({ type: "number", name: "v", message: "Cache TTL in seconds", initial: 300 });
    return v;
  },
  async pr_toggle_default_on_off() {
    const prompts = require("prompts");
    const { v } = await prompts({
      type: "toggle",
      name: "v",
      message: "Keep the analytics script?",
      initial: true,
      active: "keep",
      inactive: "remove",
    });
    return v;
  },
  async pr_list_tags() {
    const prompts = require("prompts");
    const { v } = await prompts({ type: "list", name: "v", message: "Topics for the repository (comma separated)", separator: "," });
    return v;
  },
  // ------------------------------------------------------------ @clack/prompts
  async cl_select_hints_initial() {
    const { select } = await import("@clack/prompts");
    return select({
      message: "How should we install dependencies?",
      initialValue: "npm",
      options: [
        { value: "npm", label: "npm" },
        { value: "pnpm", label: "pnpm", hint: "fast, strict" },
        { value: "yarn", label: "yarn" },
        { value: "bun", label: "bun", hint: "experimental" },
        { value: "skip", label: "Skip — I'll do it myself" },
      ],
    });
  },
  async cl_multiselect_initial() {
    const { multiselect } = await import("@clack/prompts");
    return multiselect({
      message: "Which tools should the template include?",
      initialValues: ["eslint", "prettier"],
      options: [
        { value: "eslint", label: "ESLint" },
        { value: "prettier", label: "Prettier" },
        { value: "husky", label: "Husky" },
        { value: "changesets", label: "Changesets" },
      ],
    });
  },
  async cl_confirm_custom_labels() {
    const { confirm } = await import("@clack/prompts");
    return confirm({ message: "Deploy the preview now?", active: "Ship it", inactive: "Not yet" });
  },
  async cl_text_placeholder() {
    const { text } = await import("@clack/prompts");
    return text({ message: "What is your app called?", placeholder: "e.g. orchard" });
  },
  async cl_password() {
    const { password } = await import("@clack/prompts");
    return secret(await password({ message: "Supabase service-role key" }));
  },
  async cl_select_key() {
    const { selectKey } = await import("@clack/prompts");
    return selectKey({
      message: "Migration 0017 failed halfway.",
      options: [
        { value: "r", label: "Retry" },
        { value: "s", label: "Skip it" },
        { value: "a", label: "Abort all" },
      ],
    });
  },
  async cl_note_then_confirm() {
    const { note, intro, confirm } = await import("@clack/prompts");
    intro(" orchard setup ");
    note("3 files will be created:\n  .env.local\n  orchard.config.ts\n  src/routes/+page.svelte", "Next steps");
    return confirm({ message: "Write these files?" });
  },
  // ------------------------------------------------------------ look-alikes
  async look_node_repl_select() {
    const repl = await import("node:repl");
    repl.start({ prompt: "? select › " });
    return forever();
  },
  async look_stream_password_quote() {
    const text =
      "The deploy script will stop at:\n  Password for 'https://git.acme.dev': \nI set GIT_ASKPASS so it never asks. Continue? Yes — running it.\n";
    for (const ch of text) {
      process.stdout.write(ch);
      await sleep(8);
    }
    for (let n = 0; ; n++) {
      console.log(`  pushing object ${n * 37}`);
      await sleep(800);
    }
  },
  async look_clack_spinner_confirm() {
    const { spinner } = await import("@clack/prompts");
    const s = spinner();
    s.start("Are you sure? We are checking it for you");
    return forever();
  },
  async look_vitest_output() {
    console.log(" ✓ src/menu.test.ts (4 tests) 31ms");
    console.log("   ✓ highlights the ❯ row");
    console.log("   ✓ returns the label on Enter");
    console.log(" ❯ src/confirm.test.ts 0/3");
    console.log("   · asks (Y/n) before writing");
    return forever();
  },
  async look_dashboard_radio() {
    for (let n = 0; ; n++) {
      console.clear();
      console.log(`Workers · refresh ${n}`);
      console.log("  ● web-1   up     ◯ drain?  (y/n in the admin UI)");
      console.log("  ● web-2   up");
      console.log("  ○ web-3   down   › restart scheduled");
      await sleep(700);
    }
  },
  async look_npm_audit_text() {
    console.log("# npm audit report");
    console.log("");
    console.log("prompts  <2.4.2");
    console.log("fix available via `npm audit fix`");
    console.log("Do you want to fix? (Y/n) — run with --yes in CI");
    return forever();
  },
  async look_sleep_arrow_prompt() {
    process.stdout.write("Waiting for the build cache…\n› ");
    return forever();
  },
  async look_answered_inquirer_then_work() {
    console.log("✔ Which package manager? pnpm");
    console.log("✔ Install dependencies now? Yes");
    for (let n = 0; ; n++) {
      console.log(`Progress: resolved ${n * 13}, reused ${n * 11}, downloaded ${n * 2}`);
      await sleep(700);
    }
  },
};

const run = S[scenario];
if (!run) {
  console.error(`held11.mjs: unknown scenario ${scenario}`);
  process.exit(2);
}
done(await run());
process.exit(0);
