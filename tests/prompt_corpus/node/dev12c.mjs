// Twelfth development set (c), Node side: node dev12c.mjs <scenario>. @topcli/prompts'
// multiselect (its legend toggles with <Left/Right>, no Space) with labelled choices, one
// ticked, answered by ticking two more and unticking the ticked one. Prints ANSWER=<json>.

const [scenario] = process.argv.slice(2);

function done(value) {
  process.stdout.write(`\nANSWER=${JSON.stringify(value)}\n`);
}

const SCENARIOS = {
  async tp_multiselect_labels() {
    const { multiselect } = await import("@topcli/prompts");
    const dbs = [
      { value: "pg", label: "PostgreSQL 16" },
      { value: "my", label: "MySQL 8.4" },
      { value: "ch", label: "ClickHouse" },
      { value: "sq", label: "SQLite" },
    ];
    return multiselect("Databases to provision for the staging stack", {
      choices: dbs,
      preSelectedChoices: ["my"],
    });
  },
};

done(await SCENARIOS[scenario]());
