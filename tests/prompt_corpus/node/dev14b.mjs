// Fourteenth development set (b), Node side: node dev14b.mjs <scenario>. A dashboard in raw
// mode redrawn by setInterval with a "[q] quit" row (no prompt), and a select asked while a
// keep-alive timer ticks in the same program (a prompt). Prints ANSWER=<json>.

const [scenario] = process.argv.slice(2);

function done(value) {
  process.stdout.write(`\nANSWER=${JSON.stringify(value)}\n`);
}

const SCENARIOS = {
  async look_interval_dashboard() {
    process.stdin.setRawMode(true);
    process.stdin.resume();
    let tick = 0;
    const draw = () => {
      tick += 1;
      const rows = ["Deploy targets - choose where to roll out next?", ""];
      ["canary", "eu-prod", "us-prod"].forEach((name, i) => {
        rows.push(`${i === tick % 3 ? "›" : " "} ${name.padEnd(8)} ${(tick * 5 + i) % 100}% healthy`);
      });
      rows.push("", "[q] quit");
      process.stdout.write("\x1b[H\x1b[2J" + rows.join("\r\n"));
    };
    draw();
    const timer = setInterval(draw, 1000);
    return new Promise((resolve) => {
      process.stdin.on("data", (key) => {
        if (key.toString() === "q") {
          clearInterval(timer);
          process.stdin.setRawMode(false);
          process.stdin.pause();
          resolve(null);
        }
      });
    });
  },

  async clack_select_keepalive() {
    const { select } = await import("@clack/prompts");
    let beats = 0;
    const keepalive = setInterval(() => { beats += 1; }, 250); // a session kept alive, silently
    const picked = await select({
      message: "Which region hosts the new bucket?",
      options: [
        { value: "fra", label: "Frankfurt" },
        { value: "gru", label: "São Paulo" },
        { value: "syd", label: "Sydney" },
      ],
    });
    clearInterval(keepalive);
    return picked;
  },
};

done(await SCENARIOS[scenario]());
