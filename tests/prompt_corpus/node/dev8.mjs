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
};

done(await SCENARIOS[scenario]());
