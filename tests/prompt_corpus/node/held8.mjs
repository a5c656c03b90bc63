// Eighth held-out set, Node side: node held8.mjs <scenario>. Only the libraries the issue names:
// inquirer / @inquirer/prompts (select with separators, descriptions and disabled rows, checkbox,
// confirm, input with a default, password, number, expand, rawlist, search), enquirer (Select,
// MultiSelect, Confirm, Input, Password, NumberPrompt, Toggle, AutoComplete), prompts (select,
// multiselect, confirm, text, password, number, toggle, autocomplete) and @clack/prompts
// (select with hints, multiselect, confirm, text with a placeholder and a default, password), and
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
  async iq_select_desc_sep() {
    const { select, Separator } = await import("@inquirer/prompts");
    return select({
      message: "Package manager for the monorepo",
      choices: [
        { name: "npm", value: "npm", description: "ships with Node" },
        { name: "pnpm", value: "pnpm", description: "content-addressed store" },
        new Separator(),
        { name: "yarn classic", value: "yarn1", disabled: "(deprecated here)" },
        { name: "yarn berry", value: "yarn4", description: "plug'n'play" },
        { name: "bun", value: "bun", description: "fast, young" },
      ],
    });
  },
  async iq_checkbox_three() {
    const { checkbox } = await import("@inquirer/prompts");
    return checkbox({
      message: "Which workspaces should be published?",
      choices: [
        { name: "@acme/core", value: "core" },
        { name: "@acme/ui", value: "ui" },
        { name: "@acme/cli", value: "cli" },
        { name: "@acme/icons", value: "icons" },
        { name: "@acme/eslint-config", value: "eslint" },
        { name: "@acme/tsconfig", value: "tsconfig" },
      ],
    });
  },
  async iq_confirm_default_false() {
    const { confirm } = await import("@inquirer/prompts");
    return confirm({ message: "Delete node_modules in all 14 packages?", default: false });
  },
  async iq_input_default_replace() {
    const { input } = await import("@inquirer/prompts");
    return input({ message: "Dev server port", default: "5173" });
  },
  async iq_password_mask() {
    const { password } = await import("@inquirer/prompts");
    return secret(await password({ message: "npm automation token", mask: "•" }));
  },
  async iq_number_keep() {
    const { number } = await import("@inquirer/prompts");
    return number({ message: "Bundle size budget (kB)", default: 250 });
  },
  async iq_expand_letters() {
    const { expand } = await import("@inquirer/prompts");
    console.log("tsconfig.json exists and differs from the template.");
    return expand({
      message: "What about tsconfig.json?",
      choices: [
        { key: "k", name: "Keep mine", value: "keep" },
        { key: "r", name: "Replace with the template", value: "replace" },
        { key: "m", name: "Merge compilerOptions", value: "merge" },
      ],
    });
  },
  async iq_rawlist_label() {
    const { rawlist } = await import("@inquirer/prompts");
    return rawlist({
      message: "Test runner",
      choices: [
        { name: "vitest", value: "vitest" },
        { name: "jest", value: "jest" },
        { name: "node:test", value: "node" },
        { name: "mocha + chai", value: "mocha" },
        { name: "ava", value: "ava" },
      ],
    });
  },
  async iq_search_country() {
    const { search } = await import("@inquirer/prompts");
    const all = ["Argentina", "Austria", "Australia", "Belgium", "Brazil", "Canada", "Chile"];
    return search({
      message: "Billing country",
      source: async (term) => all.filter((c) => !term || c.toLowerCase().includes(term.toLowerCase())),
    });
  },
  async iq_legacy_list() {
    const inquirer = (await import("inquirer")).default;
    const r = await inquirer.prompt([
      {
        type: "select",
        name: "v",
        message: "Which environment file should be loaded?",
        choices: [".env", ".env.local", ".env.staging", ".env.production", ".env.test"],
        default: ".env.local",
      },
    ]);
    return r.v;
  },
  // ------------------------------------------------------------ enquirer
  async enq_select() {
    const { Select } = require("enquirer");
    return new Select({
      name: "db",
      message: "Database engine",
      choices: ["PostgreSQL 17", "MySQL 8.4", "SQLite", "CockroachDB", "DuckDB"],
    }).run();
  },
  async enq_multiselect() {
    const { MultiSelect } = require("enquirer");
    return new MultiSelect({
      name: "hooks",
      message: "Git hooks to install",
      choices: [{ name: "pre-commit" }, { name: "commit-msg" }, { name: "pre-push" }, { name: "post-merge" }],
    }).run();
  },
  async enq_confirm() {
    const { Confirm } = require("enquirer");
    return new Confirm({ name: "ok", message: "Regenerate the GraphQL types?" }).run();
  },
  async enq_input_initial() {
    const { Input } = require("enquirer");
    return new Input({ name: "n", message: "Author", initial: "Ada Lovelace" }).run();
  },
  async enq_password() {
    const { Password } = require("enquirer");
    return secret(await new Password({ name: "p", message: "Keychain password" }).run());
  },
  async enq_number() {
    const { NumberPrompt } = require("enquirer");
    return new NumberPrompt({ name: "n", message: "How many replicas?" }).run();
  },
  async enq_autocomplete() {
    const { AutoComplete } = require("enquirer");
    return new AutoComplete({
      name: "fw",
      message: "Pick a framework",
      choices: ["Astro", "Next.js", "Nuxt", "Remix", "SvelteKit", "SolidStart", "Qwik City"],
    }).run();
  },
  // ------------------------------------------------------------ prompts
  async pr_select_hint() {
    const prompts = require("prompts");
    const r = await prompts({
      type: "select",
      name: "v",
      message: "Cloud provider",
      choices: [
        { title: "AWS", value: "aws", description: "us-east-1 by default" },
        { title: "Google Cloud", value: "gcp" },
        { title: "Azure", value: "azure" },
        { title: "Hetzner", value: "hetzner" },
        { title: "Fly.io", value: "fly" },
      ],
      initial: 0,
    });
    return r.v;
  },
  async pr_multiselect_preticked() {
    const prompts = require("prompts");
    const r = await prompts({
      type: "multiselect",
      name: "v",
      message: "Browsers to support",
      choices: [
        { title: "Chrome", value: "chrome", selected: true },
        { title: "Firefox", value: "firefox", selected: true },
        { title: "Safari", value: "safari", selected: true },
        { title: "Samsung Internet", value: "samsung" },
        { title: "IE 11", value: "ie11" },
      ],
    });
    return r.v;
  },
  async pr_confirm() {
    const prompts = require("prompts");
    const r = await prompts({ type: "confirm", name: "v", message: "Add a LICENSE file?", initial: true });
    return r.v;
  },
  async pr_text_initial() {
    const prompts = require("prompts");
    const r = await prompts({ type: "text", name: "v", message: "Project description", initial: "A tiny CLI" });
    return r.v;
  },
  async pr_password() {
    const prompts = require("prompts");
    const r = await prompts({ type: "password", name: "v", message: "Database password" });
    return secret(r.v);
  },
  async pr_autocomplete() {
    const prompts = require("prompts");
    const r = await prompts({
      type: "autocomplete",
      name: "v",
      message: "Licence",
      choices: [
        { title: "MIT" },
        { title: "ISC" },
        { title: "Apache-2.0" },
        { title: "BSD-2-Clause" },
        { title: "AGPL-3.0" },
      ],
    });
    return r.v;
  },
  // ------------------------------------------------------------ @clack/prompts
  async cl_select_hint() {
    const { select } = await import("@clack/prompts");
    return select({
      message: "Deployment target",
      options: [
        { value: "vercel", label: "Vercel" },
        { value: "netlify", label: "Netlify", hint: "recommended" },
        { value: "cf", label: "Cloudflare Pages" },
        { value: "node", label: "Node server" },
        { value: "static", label: "Static export" },
      ],
    });
  },
  async cl_multiselect() {
    const { multiselect } = await import("@clack/prompts");
    return multiselect({
      message: "Add-ons",
      options: [
        { value: "sentry", label: "Sentry" },
        { value: "posthog", label: "PostHog" },
        { value: "stripe", label: "Stripe" },
        { value: "resend", label: "Resend" },
      ],
      required: false,
    });
  },
  async cl_confirm() {
    const { confirm, intro } = await import("@clack/prompts");
    intro("create-acme-app");
    return confirm({ message: "Install dependencies now?" });
  },
  async cl_text_default() {
    const { text } = await import("@clack/prompts");
    return text({ message: "Where should the project live?", placeholder: "./my-app", defaultValue: "./my-app" });
  },
  async cl_password() {
    const { password } = await import("@clack/prompts");
    return secret(await password({ message: "GitHub personal access token" }));
  },
  // ------------------------------------------------------------ look-alikes
  async look_node_repl() {
    const repl = require("node:repl");
    repl.start({ prompt: "? Continue › " });
    return forever();
  },
  async look_stream_inquirer_menu() {
    const text =
      "Next the CLI will show:\n? Pick a template (Use arrow keys)\n❯ react-ts\n  vue-ts\n  svelte\n\nI'll choose react-ts myself. Working";
    for (const ch of text) {
      process.stdout.write(ch);
      await sleep(8);
    }
    for (;;) {
      process.stdout.write(".");
      await sleep(1000);
    }
  },
  async look_spinner_question() {
    const frames = "⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏";
    for (let i = 0; ; i++) {
      process.stdout.write(`\r${frames[i % frames.length]} Resolving "Do you want to continue?" in the lockfile…`);
      await sleep(100);
    }
  },
  async look_clack_spinner() {
    const { spinner, intro } = await import("@clack/prompts");
    intro("create-acme-app");
    const s = spinner();
    s.start("Installing dependencies (Proceed? y)");
    return forever();
  },
  async look_test_output() {
    console.log(" ✓ prompts > select › renders ❯ on the active row (3 ms)");
    console.log(" ✓ prompts > confirm › shows (Y/n) (1 ms)");
    console.log(" ✓ prompts > password › masks input (2 ms)");
    process.stdout.write(" ⠙ prompts > checkbox › toggles ◉ / ◯ ");
    return forever();
  },
  async look_dashboard() {
    for (let n = 0; ; n++) {
      process.stdout.write("\x1b[H\x1b[2J");
      console.log(`jobs  tick ${n}`);
      console.log("❯ ● build     running");
      console.log("  ○ deploy    queued   Approve? (y/N) in the web UI");
      console.log("  ● lint      running");
      await sleep(700);
    }
  },
  async look_npm_log_yn() {
    console.log("npm warn deprecated inflight@1.0.6: Need to install the following packages: ok to proceed? (y)");
    console.log("npm notice Run `npm install -g npm@11` to update! Continue? [Y/n] (skipped: CI=true)");
    return forever();
  },
  async look_sleep_question_mark() {
    process.stdout.write("Fetching the release list\n? ");
    return forever();
  },
  async look_answered_prompts_then_work() {
    console.log("✔ Project name … acme-web");
    console.log("✔ Use TypeScript? … Yes");
    console.log("✔ Pick a style › Tailwind");
    for (let n = 0; ; n++) {
      console.log(`scaffolding file ${n}`);
      await sleep(800);
    }
  },
  async look_progress_bar() {
    for (let n = 0; ; n++) {
      const p = n % 101;
      process.stdout.write(`\r[${"#".repeat(p / 5)}${" ".repeat(20 - Math.floor(p / 5))}] ${p}%  Password hashing (y/n skip disabled)`);
      await sleep(150);
    }
  },
};

const run = S[scenario];
if (!run) {
  console.error(`held8.mjs: unknown scenario ${scenario}`);
  process.exit(2);
}
done(await run());
process.exit(0);
