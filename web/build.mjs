// Builds the relay's front-end files from the pinned npm packages (run by scripts/build-web).
// Outputs are checked in, so the relay runs without npm; CI rebuilds and fails on a diff.
import { build } from "esbuild";
import { createHash } from "node:crypto";
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const repo = join(here, "..");
const staticDir = join(repo, "server", "static");
const cardOut = join(repo, "shared", "mcp", "prompt_card.html");
const mods = join(here, "node_modules");
mkdirSync(staticDir, { recursive: true });

const common = { bundle: true, minify: true, legalComments: "eof", target: ["es2020"], logLevel: "warning" };

// zod (under ext-apps) re-exports every locale it has; the card speaks English only, so
// its locale index resolves to English alone (saves ~300 KB of the card).
const englishOnly = {
  name: "zod-english-only",
  setup(b) {
    b.onResolve({ filter: /locales\/index\.js$/ }, (args) =>
      args.importer.includes(`${join("node_modules", "zod")}`)
        ? { path: join(mods, "zod", "v4", "locales", "en.js"), namespace: "zod-en" }
        : undefined);
    b.onLoad({ filter: /.*/, namespace: "zod-en" }, (args) => ({
      contents: `export { default as en } from ${JSON.stringify(args.path)};`,
      resolveDir: here,
    }));
  },
};

async function bundleText(entry) {
  const out = await build({ ...common, entryPoints: [entry], write: false, format: "iife", plugins: [englishOnly] });
  return out.outputFiles[0].text;
}

// The card: one self-contained HTML file (MCP Apps resources are a single document).
// Its CSP allows only its own inline script (by hash) and style: no origin at all.
const cardJs = (await bundleText(join(here, "src", "card.js"))).replaceAll("</script", "<\\/script");
const cardCss = readFileSync(join(here, "src", "card.css"), "utf8");
const scriptHash = createHash("sha256").update(cardJs).digest("base64");
const csp = `default-src 'none'; script-src 'sha256-${scriptHash}'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'`;
const card = readFileSync(join(here, "src", "card.html"), "utf8")
  .replace("__CSP__", csp)
  .replace("__CSS__", () => cardCss)
  .replace("__JS__", () => cardJs);
writeFileSync(cardOut, card);

// The dashboard: its script and styles (xterm's CSS first, ours after).
await build({ ...common, entryPoints: [join(here, "src", "dashboard.js")], outfile: join(staticDir, "dashboard.js"), format: "iife" });
const xtermCss = readFileSync(join(mods, "@xterm", "xterm", "css", "xterm.css"), "utf8");
const dashCss = readFileSync(join(here, "src", "dashboard.css"), "utf8");
writeFileSync(join(staticDir, "dashboard.css"), xtermCss + "\n" + dashCss);

// The recording player page.
await build({ ...common, entryPoints: [join(here, "src", "player.js")], outfile: join(staticDir, "player.js"), format: "iife" });
copyFileSync(join(mods, "asciinema-player", "dist", "bundle", "asciinema-player.css"), join(staticDir, "player.css"));

for (const f of ["sw.js", "manifest.webmanifest", "icon.svg", "icon-192.png", "icon-512.png"]) copyFileSync(join(here, "src", f), join(staticDir, f));

// Licences of everything bundled, shipped next to the bundles.
const licences = [
  ["@xterm/xterm", "LICENSE"], ["@xterm/addon-fit", "LICENSE"], ["asciinema-player", "LICENSE"],
  ["solid-js", "LICENSE"], ["@modelcontextprotocol/ext-apps", "LICENSE"],
];
let notice = "Third-party code bundled into Tether's front-end files (built by scripts/build-web).\n";
for (const [pkg, file] of licences) {
  const meta = JSON.parse(readFileSync(join(mods, pkg, "package.json"), "utf8"));
  let text;
  try { text = readFileSync(join(mods, pkg, file), "utf8"); } catch { text = `${meta.license} (see the package)`; }
  notice += `\n==== ${pkg} ${meta.version} (${meta.license}) ====\n${text.trim()}\n`;
}
writeFileSync(join(staticDir, "THIRD-PARTY-LICENSES.txt"), notice);
console.log("built", cardOut, "and", staticDir);
