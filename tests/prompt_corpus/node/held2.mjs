// Second held-out set, Node side: node held2.mjs <scenario>. Real prompt libraries used in
// ways the first corpus never does; prints ANSWER=<json>. Never used to tune the detector.

import { execFileSync } from "node:child_process";

const scenario = process.argv[2];

function done(value) {
  process.stdout.write(`\nANSWER=${JSON.stringify(value)}\n`);
}

function narrow() {
  execFileSync("stty", ["cols", "60"], { stdio: "inherit" });
  process.stdout.columns = 60;
}

function noise(lines = 150) {
  const colours = ["\x1b[32m", "\x1b[33m", "\x1b[36m", "\x1b[35m", "\x1b[2m"];
  for (let n = 0; n < lines; n++) {
    process.stdout.write(`${colours[n % 5]}added ${n} packages, audited ${n * 3} in ${n % 9}s\x1b[0m\n`);
  }
}

const S = {
  async inquirer_paged() {
    const q = await import("@inquirer/prompts");
    const names = ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel"];
    return q.select({ message: "Which workspace?", choices: names.map((n) => ({ name: n, value: n })), pageSize: 4 });
  },
  async inquirer_confirm_noise() {
    const q = await import("@inquirer/prompts");
    noise();
    return q.confirm({ message: "Run the post-install scripts?", default: false });
  },
  async inquirer_input_unicode() {
    const q = await import("@inquirer/prompts");
    return q.input({ message: "Nom du projet", default: "météo-app" });
  },
  async inquirer_expand() {
    const q = await import("@inquirer/prompts");
    return q.expand({
      message: "Conflict on src/index.ts",
      choices: [
        { key: "y", name: "Overwrite", value: "overwrite" },
        { key: "n", name: "Skip this file", value: "skip" },
        { key: "a", name: "Overwrite this and all others", value: "all" },
      ],
    });
  },
  async inquirer_checkbox_narrow() {
    const q = await import("@inquirer/prompts");
    narrow();
    const names = ["eslint", "prettier", "vitest", "playwright", "husky", "commitlint"];
    return q.checkbox({ message: "Add which dev tools?", choices: names.map((n) => ({ name: n, value: n })) });
  },
  async enquirer_two() {
    const { default: E } = await import("enquirer");
    return new E.Select({ name: "v", message: "Install with", choices: ["npm", "pnpm"] }).run();
  },
  async enquirer_multiselect_six() {
    const { default: E } = await import("enquirer");
    const choices = ["auth", "billing", "search", "uploads", "emails", "webhooks"];
    return new E.MultiSelect({ name: "v", message: "Modules to scaffold", choices }).run();
  },
  async enquirer_input_narrow() {
    const { default: E } = await import("enquirer");
    narrow();
    return new E.Input({ name: "v", message: "Docker image tag for the nightly build", initial: "nightly" }).run();
  },
  async prompts_select_hint() {
    const { default: prompts } = await import("prompts");
    const titles = ["Vanilla", "React", "Vue", "Svelte", "Solid", "Qwik"];
    const a = await prompts({
      type: "select",
      name: "v",
      message: "Select a framework",
      choices: titles.map((t) => ({ title: t, value: t, description: `${t} starter template` })),
      hint: "- Use arrow-keys. Return to submit.",
    });
    return a.v;
  },
  async prompts_confirm_spanish() {
    const { default: prompts } = await import("prompts");
    const a = await prompts({ type: "confirm", name: "v", message: "¿Continuar con la instalación?", initial: false });
    return a.v;
  },
  async prompts_number() {
    const { default: prompts } = await import("prompts");
    const a = await prompts({ type: "number", name: "v", message: "How many replicas?", initial: 3 });
    return a.v;
  },
  async clack_select_hints() {
    const c = await import("@clack/prompts");
    c.intro("create-service");
    c.log.step("Project name: billing-api");
    const v = await c.select({
      message: "Pick a runtime",
      options: [
        { value: "node", label: "Node.js", hint: "recommended" },
        { value: "deno", label: "Deno" },
        { value: "bun", label: "Bun", hint: "experimental" },
        { value: "workerd", label: "workerd" },
        { value: "none", label: "None of these" },
      ],
    });
    return c.isCancel(v) ? null : v;
  },
  async clack_confirm_labels() {
    const c = await import("@clack/prompts");
    const v = await c.confirm({ message: "README.md already exists.", active: "Overwrite", inactive: "Keep", initialValue: false });
    return c.isCancel(v) ? null : v;
  },
  async clack_text_placeholder() {
    const c = await import("@clack/prompts");
    const v = await c.text({ message: "Service name", placeholder: "my-service" });
    return c.isCancel(v) ? null : v;
  },
};

done(await S[scenario]());
