// Eighth development set, Node side: node dev8.mjs <scenario>. enquirer's Invisible field
// (draws nothing for typed keys) beside a plain Input, and more families the fourth
// held-out run left weak, in new wordings. Prints ANSWER=<json>.

const [scenario] = process.argv.slice(2);

function done(value) {
  process.stdout.write(`\nANSWER=${JSON.stringify(value)}\n`);
}

const SCENARIOS = {
  async enq_invisible_unlock() {
    const { default: E } = await import("enquirer");
    return `len${(await new E.Invisible({ message: "Unlock value for the staging vault" }).run()).length}`;
  },
  async enq_input_echoes() {
    const { default: E } = await import("enquirer");
    return new E.Input({ message: "Branch prefix" }).run();
  },
  async clack_autocomplete_pm() {
    const p = await import("@clack/prompts");
    const names = ["npm", "pnpm", "yarn", "bun"];
    return p.autocomplete({ message: "Package manager", options: names.map((n) => ({ value: n, label: n })) });
  },
  async enq_autocomplete_region() {
    const { default: E } = await import("enquirer");
    return new E.AutoComplete({
      name: "v",
      message: "Deploy region",
      limit: 6,
      choices: ["us-east-1", "us-west-2", "eu-central-1", "ap-south-1"],
    }).run();
  },
  async clack_group_services() {
    const p = await import("@clack/prompts");
    return p.groupMultiselect({
      message: "Services to restart",
      options: {
        Web: [{ value: "nginx" }, { value: "varnish" }],
        Data: [{ value: "postgres" }, { value: "redis" }, { value: "kafka" }],
      },
    });
  },
  async iq_checkbox_paged_ports() {
    const q = await import("@inquirer/prompts");
    const ports = ["22", "80", "443", "5432", "6379", "8080", "9090", "9200", "11211"];
    return q.checkbox({
      message: "Ports to open",
      choices: ports.map((p) => ({ value: p, name: `port ${p}` })),
      pageSize: 4,
    });
  },
};

done(await SCENARIOS[scenario]());
