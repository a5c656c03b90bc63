// Twelfth development set (b), Node side: node dev12b.mjs <scenario>. terminal-kit's menus
// in new layouts: a column menu whose highlight starts mid-list, a one-row menu answered
// with an item left of the highlight, and a grid whose items wrap onto a second row.
// Prints ANSWER=<json>.

import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const scenario = process.argv[2];
const tk = () => require("terminal-kit").terminal;

function done(value) {
  process.stdout.write(`\nANSWER=${JSON.stringify(value)}\n`);
}

const S = {
  async tk_column_menu_mid_start() {
    const term = tk();
    term.green("Log level for the worker pool:\n");
    const items = ["trace", "debug", "info", "warn", "error"];
    const r = await term.singleColumnMenu(items, { selectedIndex: 2 }).promise;
    return r.selectedText;
  },
  async tk_line_menu_left_of_highlight() {
    const term = tk();
    term("3 files differ from the remote copy.\nKeep which version?\n");
    const items = ["Mine", "Theirs", "Both", "Ask per file"];
    const r = await term.singleLineMenu(items, { selectedIndex: 2 }).promise;
    return r.selectedText;
  },
  async tk_grid_two_rows() {
    const term = tk();
    term("Colour scheme for the status bar:\n");
    const items = [
      "Solarized Dark", "Solarized Light", "Gruvbox Dark", "Gruvbox Light",
      "Nord", "Dracula", "Monokai Pro", "Tokyo Night", "One Dark", "Catppuccin",
    ];
    const r = await term.gridMenu(items, { width: 70 }).promise;
    return r.selectedText;
  },
};

const run = S[scenario];
if (!run) {
  console.error(`dev12b.mjs: unknown scenario ${scenario}`);
  process.exit(2);
}
done(await run());
process.exit(0);
