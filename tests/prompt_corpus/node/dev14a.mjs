// Fourteenth development set (a), Node side: node dev14a.mjs <scenario>. @inquirer/prompts'
// checkbox themed with a blank unticked icon and no help line, drawn like a single select
// until a row is ticked; answered with two labels and with one. Prints ANSWER=<json>.

const [scenario] = process.argv.slice(2);

function done(value) {
  process.stdout.write(`\nANSWER=${JSON.stringify(value)}\n`);
}

const BLANK = { icon: { unchecked: " ", checked: "*" }, helpMode: "never" };

const SCENARIOS = {
  async inq_checkbox_blank_two() {
    const { checkbox } = await import("@inquirer/prompts");
    return checkbox({
      message: "Pick the fixtures to load",
      choices: ["users", "orders", "invoices", "audit log", "feature flags"],
      theme: BLANK,
    });
  },
  async inq_checkbox_blank_one() {
    const { checkbox } = await import("@inquirer/prompts");
    return checkbox({
      message: "Environments that get the hotfix",
      choices: [
        { name: "staging", value: "staging" },
        { name: "canary", value: "canary" },
        { name: "production", value: "production" },
      ],
      theme: BLANK,
    });
  },
  async inq_checkbox_paged() {
    const { checkbox } = await import("@inquirer/prompts");
    const names = ["ant", "bee", "cat", "dog", "eel", "fox", "gnu", "hen", "ibis"];
    return checkbox({
      message: "Animals in the next enclosure",
      choices: names.map((n) => ({ value: n, checked: n === "gnu" })),
      pageSize: 4,
    });
  },
  async enq_multiselect_limit() {
    const { default: enquirer } = await import("enquirer");
    const { tiers } = await enquirer.prompt({
      type: "multiselect",
      name: "tiers",
      message: "Storage tiers to replicate",
      choices: ["hot", "warm", "cool", "cold", "archive", "glacier", "tape"],
      initial: ["cool"],
      limit: 3,
    });
    return tiers;
  },
  async pr_multiselect_per_page() {
    const { default: prompts } = await import("prompts");
    const ports = ["22", "80", "443", "5432", "6379", "8080", "9090", "27017"];
    const { open } = await prompts({
      type: "multiselect",
      name: "open",
      message: "Ports to open on the bastion",
      choices: ports.map((p) => ({ title: p, value: p, selected: p === "22" })),
      optionsPerPage: 4,
    });
    return open;
  },
};

done(await SCENARIOS[scenario]());
