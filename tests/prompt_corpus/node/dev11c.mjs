// Eleventh development set (c), Node side: node dev11c.mjs <scenario>. An @inquirer checkbox
// whose groups are separated by en-dash titles, with a disabled row; paged selects answered
// with a row already in view that the page scrolls under the arrows (clack's maxItems,
// walked down and walked up). Prints ANSWER=<json>.

const [scenario] = process.argv.slice(2);

function done(value) {
  process.stdout.write(`\nANSWER=${JSON.stringify(value)}\n`);
}

const SCENARIOS = {
  async iq_checkbox_dash_groups() {
    const q = await import("@inquirer/prompts");
    return q.checkbox({
      message: "Mirror these registries",
      choices: [
        new q.Separator("– public –"),
        { name: "docker.io", value: "docker" },
        { name: "ghcr.io", value: "ghcr", checked: true },
        { name: "quay.io", value: "quay", disabled: "(blocked)" },
        new q.Separator("– private –"),
        { name: "harbor.lan", value: "harbor" },
        { name: "nexus.lan", value: "nexus" },
      ],
    });
  },
  async cl_select_scrolls_in_view() {
    const p = await import("@clack/prompts");
    const racks = ["r01", "r02", "r03", "r04", "r05", "r06", "r07", "r08", "r09", "r10"];
    return p.select({ message: "Rack for the new host", maxItems: 6, options: racks.map((r) => ({ value: r, label: r })) });
  },
  async cl_select_scrolls_up_in_view() {
    const p = await import("@clack/prompts");
    const weeks = ["W01", "W02", "W03", "W04", "W05", "W06", "W07", "W08", "W09", "W10", "W11", "W12"];
    return p.select({ message: "Sprint to move the ticket into", maxItems: 7, initialValue: "W09", options: weeks.map((w) => ({ value: w, label: `sprint ${w}` })) });
  },
};

done(await SCENARIOS[scenario]());
