// Seventh development set, Node side: node dev7.mjs <scenario>. clack's select paged
// with "..." for the rows out of view. Prints ANSWER=<json>.

const [scenario] = process.argv.slice(2);

function done(value) {
  process.stdout.write(`\nANSWER=${JSON.stringify(value)}\n`);
}

const SCENARIOS = {
  async cl_select_paged() {
    const p = await import("@clack/prompts");
    const names = ["Brie", "Cheddar", "Edam", "Feta", "Gouda", "Halloumi", "Manchego", "Stilton"];
    return p.select({ message: "Cheese for the board", maxItems: 4, options: names.map((n) => ({ value: n, label: n })) });
  },
};

done(await SCENARIOS[scenario]());
