// Eighteenth development set (b), Node side: node dev18b.mjs <scenario>. Paged lists that
// draw no mark for their hidden rows: @inquirer's select and checkbox with a small pageSize
// and loop off, enquirer's select with a limit; answered with a label on a later page.
// Prints ANSWER=<json>.

const [scenario] = process.argv.slice(2);

function done(value) {
  process.stdout.write(`\nANSWER=${JSON.stringify(value)}\n`);
}

const QUEUES = ["ingest", "resize", "transcode", "notify", "archive", "reindex", "purge", "export"];
const BRANCHES = ["main", "release-3.1", "release-3.0", "hotfix-auth", "feature-sso", "feature-tags", "spike-wasm"];

const SCENARIOS = {
  async inq_select_page_no_loop() {
    const q = await import("@inquirer/prompts");
    return q.select({
      message: "Queue to drain first",
      pageSize: 4,
      loop: false,
      choices: QUEUES.map((n) => ({ value: n, name: n })),
    });
  },
  async enq_select_limit_branches() {
    const { default: E } = await import("enquirer");
    return new E.Select({ name: "v", message: "Branch to deploy", limit: 3, choices: BRANCHES }).run();
  },
  async inq_checkbox_page_no_loop() {
    const q = await import("@inquirer/prompts");
    return q.checkbox({
      message: "Queues to pause",
      pageSize: 3,
      loop: false,
      choices: QUEUES.map((n) => ({ value: n, name: n })),
    });
  },
};

done(await SCENARIOS[scenario]());
