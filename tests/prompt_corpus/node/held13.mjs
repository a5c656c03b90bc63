// Thirteenth held-out set, Node side: node held13.mjs <scenario>. Only the libraries issue 12
// names: @inquirer/prompts and inquirer (select, checkbox, confirm, input, password, number,
// rawlist, expand, search), enquirer (Select, MultiSelect, Confirm, Input, Password, Toggle,
// NumberPrompt, AutoComplete), prompts (select, multiselect, confirm, text, invisible, number,
// toggle, autocomplete) and @clack/prompts (select, multiselect, confirm, text, password), and
// look-alikes (the Node REPL with its banner, streamed text quoting prompts, spinners, test
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
  async iq_select_descriptions() {
    const { select } = await import("@inquirer/prompts");
    return select({
      message: "Which glass gets blown into the lamp shades?",
      choices: [
        { name: "Opaline", value: "opaline", description: "milky, soft light" },
        { name: "Cased ruby", value: "ruby", description: "two layers" },
        { name: "Seedy clear", value: "seedy", description: "bubbles on purpose" },
        { name: "Crackle", value: "crackle", description: "quenched in water" },
      ],
    });
  },
  async iq_checkbox_prechecked() {
    const { checkbox } = await import("@inquirer/prompts");
    return checkbox({
      message: "Huts stocked with avalanche probes",
      choices: [
        { name: "Bergli", value: "Bergli", checked: true },
        { name: "Mutthorn", value: "Mutthorn" },
        { name: "Konkordia", value: "Konkordia", checked: true },
        { name: "Finsteraarhorn", value: "Finsteraarhorn" },
        { name: "Hollandia", value: "Hollandia" },
      ],
    });
  },
  async iq_confirm_default_true_no() {
    const { confirm } = await import("@inquirer/prompts");
    return confirm({ message: "Oil the tower clock's going train today?" });
  },
  async iq_input_default_keep() {
    const { input } = await import("@inquirer/prompts");
    return input({ message: "Stage manager for the matinée", default: "Ottilie" });
  },
  async iq_password_hidden() {
    const { password } = await import("@inquirer/prompts");
    return secret(await password({ message: "Booking system password" }));
  },
  async iq_number_replace() {
    const { number } = await import("@inquirer/prompts");
    return number({ message: "Spare wicks for the storm lanterns", default: 30 });
  },
  async iq_rawlist_by_label() {
    const { rawlist } = await import("@inquirer/prompts");
    return rawlist({
      message: "Puppet string gauge",
      choices: ["fine", "medium", "heavy", "braided"].map((v) => ({ name: v, value: v })),
    });
  },
  async iq_expand_key() {
    const { expand } = await import("@inquirer/prompts");
    return expand({
      message: "A clock with the same serial is already catalogued",
      choices: [
        { key: "o", name: "Overwrite the entry", value: "overwrite" },
        { key: "s", name: "Skip this clock", value: "skip" },
        { key: "d", name: "Add as a duplicate", value: "duplicate" },
      ],
    });
  },
  async iq_search_hut() {
    const { search } = await import("@inquirer/prompts");
    const all = ["Britannia", "Cabane de Moiry", "Gleckstein", "Monte Rosa", "Schreckhorn", "Tracuit"];
    return search({
      message: "Hut for the traverse's second night",
      source: async (term) =>
        all.filter((p) => !term || p.toLowerCase().includes(term.toLowerCase())).map((p) => ({ name: p, value: p })),
    });
  },
  async iq_legacy_checkbox() {
    const inquirer = (await import("inquirer")).default;
    const { v } = await inquirer.prompt([
      {
        type: "checkbox",
        name: "v",
        message: "Colours for the millefiori canes",
        choices: ["red", "white", "blue", "yellow", "green"],
      },
    ]);
    return v;
  },
  // ------------------------------------------------------------ enquirer
  async enq_select_custom_pointer() {
    const { Select } = require("enquirer");
    return new Select({
      name: "v",
      message: "Which marionette needs new joints first?",
      pointer: "☞",
      choices: ["Pinocchio", "Gepetto", "Blue Fairy", "Jiminy", "Stromboli"],
    }).run();
  },
  async enq_multiselect_long() {
    const { MultiSelect } = require("enquirer");
    return new MultiSelect({
      name: "v",
      message: "Gear checked at the hut door",
      choices: ["helmet", "harness", "crampons", "ice axe", "transceiver", "shovel", "probe", "rope"].map(
        (name) => ({ name }),
      ),
    }).run();
  },
  async enq_confirm_yes() {
    const { Confirm } = require("enquirer");
    return new Confirm({ name: "v", message: "Seal the furnace door for the night?" }).run();
  },
  async enq_input_replace() {
    const { Input } = require("enquirer");
    return new Input({ name: "v", message: "Title card for the interval", initial: "Intermission" }).run();
  },
  async enq_password() {
    const { Password } = require("enquirer");
    return secret(await new Password({ name: "v", message: "Auction account password" }).run());
  },
  async enq_toggle_no() {
    const { Toggle } = require("enquirer");
    return new Toggle({
      name: "v",
      message: "Chime at night?",
      enabled: "Chime",
      disabled: "Silent",
      initial: true,
    }).run();
  },
  async enq_number_keep() {
    const { NumberPrompt } = require("enquirer");
    return new NumberPrompt({ name: "v", message: "Bunks held for mountain guides", initial: 8 }).run();
  },
  async enq_autocomplete() {
    const { AutoComplete } = require("enquirer");
    return new AutoComplete({
      name: "v",
      message: "Clock maker's mark to search",
      limit: 6,
      choices: ["Breguet", "Harrison", "Knibb", "Mudge", "Tompion", "Vulliamy"],
    }).run();
  },
  // ------------------------------------------------------------ prompts
  async pr_select_initial_third() {
    const prompts = require("prompts");
    const { v } = await prompts({
      type: "select",
      name: "v",
      message: "Curtain colour for the puppet booth",
      initial: 2,
      choices: ["crimson", "navy", "gold", "forest green", "black"].map((t) => ({ title: t, value: t })),
    });
    return v;
  },
  async pr_multiselect_preselected() {
    const prompts = require("prompts");
    const { v } = await prompts({
      type: "multiselect",
      name: "v",
      message: "Meals served at the refuge tomorrow",
      choices: [
        { title: "breakfast", value: "breakfast", selected: true },
        { title: "packed lunch", value: "packed lunch" },
        { title: "soup at noon", value: "soup at noon" },
        { title: "dinner", value: "dinner", selected: true },
      ],
    });
    return v;
  },
  async pr_confirm_no() {
    const prompts = require("prompts");
    const { v } = await prompts({ type: "confirm", name: "v", message: "Close the studio on Monday?", initial: false });
    return v;
  },
  async pr_text_plain() {
    const prompts = require("prompts");
    const { v } = await prompts({ type: "text", name: "v", message: "Name for the new glass colour" });
    return v;
  },
  async pr_invisible() {
    const prompts = require("prompts");
    const { v } = await prompts({ type: "invisible", name: "v", message: "Lift operator code" });
    return secret(v);
  },
  async pr_number_keep() {
    const prompts = require("prompts");
    const { v } = await prompts({ type: "number", name: "v", message: "Hours of the going train", initial: 30 });
    return v;
  },
  async pr_toggle_on() {
    const prompts = require("prompts");
    const { v } = await prompts({ type: "toggle", name: "v", message: "Light the footlights?", initial: false, active: "on", inactive: "off" });
    return v;
  },
  async pr_autocomplete() {
    const prompts = require("prompts");
    const { v } = await prompts({
      type: "autocomplete",
      name: "v",
      message: "Pass for the crossing",
      choices: ["Furka", "Grimsel", "Nufenen", "Susten", "Gotthard"].map((t) => ({ title: t, value: t })),
    });
    return v;
  },
  // ------------------------------------------------------------ @clack/prompts
  async cl_select_initial() {
    const { select, intro } = await import("@clack/prompts");
    intro("Glassworks");
    return select({
      message: "Which pipe goes to the apprentice?",
      initialValue: "p3",
      options: [
        { value: "p1", label: "Pipe 1", hint: "long" },
        { value: "p2", label: "Pipe 2" },
        { value: "p3", label: "Pipe 3", hint: "new mouthpiece" },
        { value: "p4", label: "Pipe 4" },
        { value: "p5", label: "Pipe 5" },
      ],
    });
  },
  async cl_multiselect_initial() {
    const { multiselect } = await import("@clack/prompts");
    return multiselect({
      message: "Clocks wound on Sunday",
      initialValues: ["hall"],
      options: [
        { value: "hall", label: "hall" },
        { value: "study", label: "study" },
        { value: "kitchen", label: "kitchen" },
        { value: "landing", label: "landing" },
      ],
      required: false,
    });
  },
  async cl_confirm_custom_labels() {
    const { confirm } = await import("@clack/prompts");
    return confirm({ message: "Shall the guides leave before dawn?", active: "Leave", inactive: "Wait" });
  },
  async cl_text_initial_keep() {
    const { text } = await import("@clack/prompts");
    return text({ message: "Name of the touring show", initialValue: "Strings Attached" });
  },
  async cl_password_mask() {
    const { password } = await import("@clack/prompts");
    return secret(await password({ message: "Guild vault password", mask: "*" }));
  },
  // ------------------------------------------------------------ look-alikes
  async look_node_repl_banner() {
    const repl = await import("node:repl");
    console.log(`Welcome to Node.js ${process.version}.`);
    console.log('Type ".help" for more information.');
    repl.start({ prompt: "> " });
    return forever();
  },
  async look_stream_quotes_select() {
    const lines = [
      "When the script starts it will show:",
      "",
      "  ? Which hut gets the spare stove? (Use arrow keys)",
      "  ❯ Cabane Rossier",
      "    Refuge du Goûter",
      "",
      "Pick the second one. I'm reading the stock list meanwhile…",
    ];
    for (const l of lines) {
      console.log(l);
      await sleep(40);
    }
    for (let n = 0; ; n++) {
      console.log(`  counted ${n * 3} stoves`);
      await sleep(800);
    }
  },
  async look_clack_tasks_log() {
    const { intro, log } = await import("@clack/prompts");
    intro("Keep the refuge open? (y/N)");
    for (let n = 1; ; n++) {
      log.step(`Checked bunk room ${n}`);
      await sleep(700);
    }
  },
  async look_test_output_quotes() {
    console.log(" PASS  test/confirm.test.js");
    console.log("   ✓ shows 'Seal the door? (Y/n)' (4 ms)");
    console.log("   ✓ select marks ❯ Pipe 1 (3 ms)");
    for (let n = 0; ; n++) {
      console.log(`   ✓ winds clock ${n} (${n % 7} ms)`);
      await sleep(700);
    }
  },
  async look_dashboard_radio() {
    for (let n = 0; ; n++) {
      process.stdout.write("\x1b[2J\x1b[H");
      console.log("Furnace monitor");
      console.log(` (•) Furnace 1   ${1100 + (n % 9)} °C`);
      console.log(` ( ) Furnace 2   ${1080 + (n % 5)} °C`);
      console.log(` ( ) Glory hole  ${990 + (n % 7)} °C`);
      console.log("refresh every 0.6 s · q in the main console quits");
      await sleep(600);
    }
  },
  async look_spinner_question_text() {
    const frames = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴"];
    for (let n = 0; ; n++) {
      process.stdout.write(`\r${frames[n % frames.length]} Overwrite the winding log? checking ${n}`);
      await sleep(150);
    }
  },
  async look_answered_then_build() {
    console.log("✔ Show name … Strings Attached");
    console.log("✔ Add an interval? … yes");
    for (let n = 1; ; n++) {
      console.log(`rendered scene ${n}`);
      await sleep(700);
    }
  },
};

const run = S[scenario];
if (!run) {
  console.error(`held13.mjs: unknown scenario ${scenario}`);
  process.exit(2);
}
done(await run());
process.exit(0);
