// Eighteenth development set (a), Node side: node dev18a.mjs <scenario>. @inquirer/prompts'
// select with its cursor icon themed, inputs whose default is the answer, and masked or
// hidden fields asked in neutral words (@inquirer/prompts, enquirer, prompts). Prints
// ANSWER=<json>.
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const [scenario] = process.argv.slice(2);

function done(value) {
  process.stdout.write(`\nANSWER=${JSON.stringify(value)}\n`);
}

function secret(text) {
  return `len${text.length}`;
}

const SCENARIOS = {
  async iq_select_theme_cursor_arrow() {
    const { select } = await import("@inquirer/prompts");
    return select({
      message: "Glaze for the test tiles",
      choices: ["celadon", "tenmoku", "shino", "ash"].map((v) => ({ value: v })),
      theme: { icon: { cursor: "→" } },
    });
  },
  async iq_select_theme_cursor_default() {
    const { select } = await import("@inquirer/prompts");
    return select({
      message: "Sail plan for the afternoon race",
      choices: ["full main", "one reef", "two reefs", "storm jib"].map((v) => ({ value: v })),
      default: "one reef",
      theme: { icon: { cursor: "▶" } },
    });
  },
  async iq_select_theme_cursor_pair() {
    const { select } = await import("@inquirer/prompts");
    return select({
      message: "Tide table to print",
      choices: ["Dover", "Harwich", "Lowestoft", "Whitby"].map((v) => ({ value: v })),
      theme: { icon: { cursor: "=>" } },
    });
  },
  async iq_input_default_keep() {
    const { input } = await import("@inquirer/prompts");
    return input({ message: "Choir section to seat first", default: "altos" });
  },
  async iq_password_mask_neutral() {
    const { password } = await import("@inquirer/prompts");
    return secret(await password({ message: "Words that open the vault", mask: "*" }));
  },
  async enq_password_neutral() {
    const { Password } = require("enquirer");
    return secret(await new Password({ name: "v", message: "Lockbox combination" }).run());
  },
  async pr_password_neutral() {
    const prompts = require("prompts");
    const { v } = await prompts({ type: "password", name: "v", message: "Gate code for the yard" });
    return secret(v);
  },
  async pr_invisible_neutral() {
    const prompts = require("prompts");
    const { v } = await prompts({ type: "invisible", name: "v", message: "Cipher for the logbook" });
    return secret(v);
  },
};

done(await SCENARIOS[scenario]());
