// Tenth development set, Node side: node dev10.mjs <scenario>. Paged lists answered by a
// label out of view: @inquirer's select with pageSize, enquirer's select with limit,
// clack's select with maxItems, and a list that does not wrap whose label sits above the
// default. Prints ANSWER=<json>.

const [scenario] = process.argv.slice(2);

function done(value) {
  process.stdout.write(`\nANSWER=${JSON.stringify(value)}\n`);
}

const PLANETS = ["Mercury", "Venus", "Earth", "Mars", "Jupiter", "Saturn", "Uranus", "Neptune", "Pluto"];
const FRUIT = ["apricot", "banana", "cherry", "damson", "elderberry", "fig", "guava", "huckleberry", "jackfruit", "kiwi"];

const SCENARIOS = {
  async iq_select_paged_planets() {
    const q = await import("@inquirer/prompts");
    return q.select({ message: "Probe destination", pageSize: 4, choices: PLANETS.map((n) => ({ value: n, name: n })) });
  },
  async enq_select_limit_fruit() {
    const { default: E } = await import("enquirer");
    return new E.Select({ name: "v", message: "Jam flavour", limit: 4, choices: FRUIT }).run();
  },
  async cl_select_max_items_zones() {
    const p = await import("@clack/prompts");
    const zones = ["zone-a", "zone-b", "zone-c", "zone-d", "zone-e", "zone-f", "zone-g", "zone-h"];
    return p.select({ message: "Availability zone", maxItems: 4, options: zones.map((z) => ({ value: z, label: z })) });
  },
  async iq_select_paged_no_loop() {
    const q = await import("@inquirer/prompts");
    const ships = ["sloop", "brig", "frigate", "galleon", "junk", "clipper"];
    return q.select({ message: "Ship class", pageSize: 3, loop: false, default: "galleon", choices: ships.map((n) => ({ value: n, name: n })) });
  },
};

done(await SCENARIOS[scenario]());
