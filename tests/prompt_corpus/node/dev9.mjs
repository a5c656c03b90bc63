// Ninth development set, Node side: node dev9.mjs <scenario>. inquirer's classic checkbox
// with a separator written as "-- name --" between its options, and a masked field
// asking for a one-time code. Prints ANSWER=<json>.

const [scenario] = process.argv.slice(2);

function done(value) {
  process.stdout.write(`\nANSWER=${JSON.stringify(value)}\n`);
}

const SCENARIOS = {
  async iq_password_one_time_code() {
    const q = await import("@inquirer/prompts");
    return `len${(await q.password({ message: "2FA code from your phone", mask: "•" })).length}`;
  },
  async inq_checkbox_dash_group() {
    const { default: inquirer } = await import("inquirer");
    const a = await inquirer.prompt([
      {
        type: "checkbox",
        name: "v",
        message: "Linters to run",
        choices: ["ruff", "mypy", new inquirer.Separator("-- slow --"), "pylint", "bandit"],
      },
    ]);
    return a.v;
  },
};

done(await SCENARIOS[scenario]());
