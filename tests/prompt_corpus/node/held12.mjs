// Twelfth held-out set, Node side: node held12.mjs <scenario>. Only the libraries issue 12
// names: @inquirer/prompts and inquirer (select, checkbox, confirm, input, password, number,
// expand, rawlist, search), enquirer (Select, MultiSelect, Confirm, Input, Password, Toggle,
// NumberPrompt, AutoComplete), prompts (select, multiselect, confirm, text, password, number,
// toggle) and @clack/prompts (select, multiselect, confirm, text, password), and look-alikes
// (a REPL, streamed text quoting prompts, spinners, test output, dashboards). Prints
// ANSWER=<json>. Written blind; never used to tune the detector.

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
  async iq_select_separator_disabled() {
    const { select, Separator } = await import("@inquirer/prompts");
    return select({
      message: "Which mill grinds the rye this week?",
      choices: [
        new Separator("— water mills —"),
        { name: "Ashcombe Mill", value: "ashcombe" },
        { name: "Brook Mill", value: "brook", disabled: "(wheel under repair)" },
        new Separator("— windmills —"),
        { name: "Cley Windmill", value: "cley" },
        { name: "Denver Windmill", value: "denver" },
      ],
    });
  },
  async iq_checkbox_tick_three() {
    const { checkbox } = await import("@inquirer/prompts");
    return checkbox({
      message: "Birds counted at the feeder this morning",
      choices: ["robin", "wren", "blue tit", "great tit", "nuthatch", "goldfinch"].map((b) => ({ name: b, value: b })),
    });
  },
  async iq_confirm_default_false_yes() {
    const { confirm } = await import("@inquirer/prompts");
    return confirm({ message: "Cancel tomorrow's ferry booking?", default: false });
  },
  async iq_input_default_replace() {
    const { input } = await import("@inquirer/prompts");
    return input({ message: "Name on the bench plaque", default: "In memory of Edith" });
  },
  async iq_password_mask() {
    const { password } = await import("@inquirer/prompts");
    return secret(await password({ message: "Locker combination", mask: "•" }));
  },
  async iq_number_keep() {
    const { number } = await import("@inquirer/prompts");
    return number({ message: "Loaves per tray", default: 12 });
  },
  async iq_expand_letter() {
    const { expand } = await import("@inquirer/prompts");
    return expand({
      message: "The choir list already has 'Rosalind'",
      choices: [
        { key: "r", name: "Replace the entry", value: "replace" },
        { key: "a", name: "Add as a second Rosalind", value: "add" },
        { key: "s", name: "Skip", value: "skip" },
      ],
    });
  },
  async iq_rawlist_five() {
    const { rawlist } = await import("@inquirer/prompts");
    return rawlist({
      message: "Canal lock to open first",
      choices: ["Lock 12", "Lock 13", "Lock 14", "Lock 15", "Lock 16"].map((l) => ({ name: l, value: l })),
    });
  },
  async iq_search_typed() {
    const { search } = await import("@inquirer/prompts");
    const all = ["Ambleside", "Buttermere", "Coniston", "Grasmere", "Keswick", "Windermere"];
    return search({
      message: "Lakeside village for the walk",
      source: async (term) => all.filter((p) => !term || p.toLowerCase().includes(term.toLowerCase())).map((p) => ({ name: p, value: p })),
    });
  },
  async iq_legacy_list() {
    const inquirer = (await import("inquirer")).default;
    const { v } = await inquirer.prompt([
      { type: "select", name: "v", message: "Cake for the fête raffle", choices: ["Victoria sponge", "Lemon drizzle", "Carrot", "Parkin"] },
    ]);
    return v;
  },
  // ------------------------------------------------------------ enquirer
  async enq_select_six() {
    const { Select } = require("enquirer");
    return new Select({
      name: "v",
      message: "Knot to teach at Tuesday's scout meeting",
      choices: ["reef knot", "bowline", "clove hitch", "sheet bend", "figure of eight", "round turn"],
    }).run();
  },
  async enq_multiselect_prechecked() {
    const { MultiSelect } = require("enquirer");
    return new MultiSelect({
      name: "v",
      message: "Rooms to heat on Sunday",
      initial: ["nave", "vestry"],
      choices: [{ name: "nave" }, { name: "vestry" }, { name: "hall" }, { name: "kitchen" }],
    }).run();
  },
  async enq_confirm_no() {
    const { Confirm } = require("enquirer");
    return new Confirm({ name: "v", message: "Lend the projector to the cricket club?" }).run();
  },
  async enq_input_keep() {
    const { Input } = require("enquirer");
    return new Input({ name: "v", message: "Quiz team name", initial: "The Quizzly Bears" }).run();
  },
  async enq_password() {
    const { Password } = require("enquirer");
    return secret(await new Password({ name: "v", message: "Shed padlock code" }).run());
  },
  async enq_toggle_yes() {
    const { Toggle } = require("enquirer");
    return new Toggle({ name: "v", message: "Print the programme in colour?", enabled: "Colour", disabled: "Mono" }).run();
  },
  async enq_number_replace() {
    const { NumberPrompt } = require("enquirer");
    return new NumberPrompt({ name: "v", message: "Raffle tickets per book", initial: 50 }).run();
  },
  async enq_autocomplete() {
    const { AutoComplete } = require("enquirer");
    return new AutoComplete({
      name: "v",
      message: "Apple variety for the pressing",
      limit: 6,
      choices: ["Bramley", "Cox", "Discovery", "Egremont Russet", "Howgate Wonder", "Katy", "Worcester"],
    }).run();
  },
  // ------------------------------------------------------------ prompts
  async pr_select_hint_six() {
    const prompts = require("prompts");
    const { v } = await prompts({
      type: "select",
      name: "v",
      message: "Bus for the school trip",
      hint: "- arrows, return",
      choices: ["Route 3", "Route 7", "Route 11", "Route 19", "Route 24", "Route X1"].map((t) => ({ title: t, value: t })),
    });
    return v;
  },
  async pr_multiselect_two() {
    const prompts = require("prompts");
    const { v } = await prompts({
      type: "multiselect",
      name: "v",
      message: "Stalls to pitch on the green",
      choices: ["cakes", "books", "plants", "tombola", "face paint"].map((t) => ({ title: t, value: t })),
    });
    return v;
  },
  async pr_confirm_default_yes() {
    const prompts = require("prompts");
    const { v } = await prompts({ type: "confirm", name: "v", message: "Toll the bell at noon?", initial: true });
    return v;
  },
  async pr_text_initial_keep() {
    const prompts = require("prompts");
    const { v } = await prompts({ type: "text", name: "v", message: "Meeting point", initial: "the war memorial" });
    return v;
  },
  async pr_password() {
    const prompts = require("prompts");
    const { v } = await prompts({ type: "password", name: "v", message: "Minibus booking code" });
    return secret(v);
  },
  async pr_number_replace() {
    const prompts = require("prompts");
    const { v } = await prompts({ type: "number", name: "v", message: "Chairs to put out", initial: 60 });
    return v;
  },
  async pr_toggle_off() {
    const prompts = require("prompts");
    const { v } = await prompts({ type: "toggle", name: "v", message: "Serve mulled wine?", initial: true, active: "yes", inactive: "no" });
    return v;
  },
  // ------------------------------------------------------------ @clack/prompts
  async cl_select_hint() {
    const { select, intro } = await import("@clack/prompts");
    intro("Allotment society");
    return select({
      message: "Which plot gets the new water butt?",
      options: [
        { value: "p4", label: "Plot 4", hint: "by the gate" },
        { value: "p9", label: "Plot 9" },
        { value: "p12", label: "Plot 12", hint: "shaded" },
        { value: "p15", label: "Plot 15" },
      ],
    });
  },
  async cl_multiselect() {
    const { multiselect } = await import("@clack/prompts");
    return multiselect({
      message: "Tools to lend out this weekend",
      options: [
        { value: "spade", label: "spade" },
        { value: "rake", label: "rake" },
        { value: "hoe", label: "hoe" },
        { value: "shears", label: "shears" },
      ],
      required: false,
    });
  },
  async cl_confirm_no() {
    const { confirm } = await import("@clack/prompts");
    return confirm({ message: "Lock the tool shed for winter?" });
  },
  async cl_text_placeholder() {
    const { text } = await import("@clack/prompts");
    return text({ message: "What should the scarecrow be called?", placeholder: "e.g. Worzel" });
  },
  async cl_password() {
    const { password } = await import("@clack/prompts");
    return secret(await password({ message: "Society bank PIN" }));
  },
  // ------------------------------------------------------------ look-alikes
  async look_node_repl() {
    const repl = await import("node:repl");
    repl.start({ prompt: "? select › " });
    return forever();
  },
  async look_stream_quotes_confirm() {
    const lines = [
      "Here is what the installer will show you:",
      "",
      "  ◆  Install dependencies?",
      "  │  ● Yes / ○ No",
      "  └",
      "",
      "Answer Yes. Meanwhile I'm checking the lockfile…",
    ];
    for (const l of lines) {
      console.log(l);
      await sleep(40);
    }
    for (let n = 0; ; n++) {
      console.log(`  checked ${n * 17} packages`);
      await sleep(800);
    }
  },
  async look_clack_spinner() {
    const { spinner, intro } = await import("@clack/prompts");
    intro("Continue? (y/N)");
    const s = spinner();
    s.start("Fetching the seed catalogue");
    return forever();
  },
  async look_test_output() {
    console.log(" ✓ asks 'Overwrite? (y/N)' before writing (12 ms)");
    console.log(" ✓ menu shows ❯ on the first row (8 ms)");
    console.log(" ○ skipped password prompt test");
    for (let n = 0; ; n++) {
      console.log(` ✓ case ${n} (${n % 9} ms)`);
      await sleep(700);
    }
  },
  async look_dashboard_markers() {
    for (let n = 0; ; n++) {
      process.stdout.write("\x1b[2J\x1b[H");
      console.log("Greenhouse dashboard");
      console.log(` ❯ Bay 1   ● ok    ${20 + (n % 3)}°C`);
      console.log(`   Bay 2   ○ idle  ${18 + (n % 2)}°C`);
      console.log(`   Bay 3   ● ok    ${21 + (n % 4)}°C`);
      console.log("Select a bay? (read-only view)");
      await sleep(600);
    }
  },
  async look_sleep_chevron() {
    process.stdout.write("Waiting for the rain gauge to report…\n❯ ");
    return forever();
  },
  async look_answered_then_install() {
    console.log("✔ Project name … village-fete");
    console.log("✔ Add a test runner? … No / Yes");
    for (let n = 1; ; n++) {
      console.log(`added ${n + 2} packages in ${n}s`);
      await sleep(700);
    }
  },
};

const run = S[scenario];
if (!run) {
  console.error(`held12.mjs: unknown scenario ${scenario}`);
  process.exit(2);
}
done(await run());
process.exit(0);
