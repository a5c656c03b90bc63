// Ninth development set, Node side: node dev9.mjs <scenario>. inquirer's classic checkbox
// with a separator written as "-- name --" between its options, a masked field asking
// for a one-time code, and enquirer's multiselect with a dim hint after each label.
// Prints ANSWER=<json>.

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
  async enq_multiselect_region_hints() {
    const { default: E } = await import("enquirer");
    return new E.MultiSelect({
      name: "v",
      message: "Regions to replicate into",
      choices: [
        { name: "eu-west", hint: "Ireland", enabled: true },
        { name: "us", hint: "Oregon and Ohio" },
        { name: "ap-south", hint: "Mumbai" },
        { name: "sa-east", hint: "Sao Paulo" },
      ],
    }).run();
  },
};

done(await SCENARIOS[scenario]());
