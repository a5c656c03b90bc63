// Real Node prompt libraries asking one question each: node corpus.mjs <library> <kind> <json>.
// Prints ANSWER=<json> with what was chosen, so the corpus runner can check the answer landed.

const [lib, kind, raw] = process.argv.slice(2);
const s = JSON.parse(raw);
const opts = s.options || [];

function done(value) {
  process.stdout.write(`\nANSWER=${JSON.stringify(value)}\n`);
}

async function inquirer() {
  const q = await import("@inquirer/prompts");
  const choices = opts.map((o) => ({ name: o, value: o }));
  switch (kind) {
    case "confirm": return q.confirm({ message: s.question, default: s.default ?? true });
    case "text": return q.input({ message: s.question, default: s.default ?? undefined });
    case "password": return q.password({ message: s.question, mask: "*" });
    case "select": return q.select({ message: s.question, choices });
    case "numbered": return q.rawlist({ message: s.question, choices });
    case "checkbox": return q.checkbox({ message: s.question, choices });
  }
  throw new Error(`@inquirer/prompts has no scenario kind ${kind}`);
}

async function enquirer() {
  const { default: E } = await import("enquirer");
  switch (kind) {
    case "confirm": return new E.Confirm({ name: "v", message: s.question, initial: s.default ?? true }).run();
    case "text": return new E.Input({ name: "v", message: s.question, initial: s.default ?? undefined }).run();
    case "password": return new E.Password({ name: "v", message: s.question }).run();
    case "select": return new E.Select({ name: "v", message: s.question, choices: opts }).run();
    case "checkbox": return new E.MultiSelect({ name: "v", message: s.question, choices: opts }).run();
    case "toggle": return new E.Toggle({ name: "v", message: s.question, enabled: "Yes", disabled: "No" }).run();
  }
  throw new Error(`enquirer has no scenario kind ${kind}`);
}

async function promptsLib() {
  const { default: prompts } = await import("prompts");
  const choices = opts.map((o) => ({ title: o, value: o }));
  const base = { name: "v", message: s.question };
  let q;
  switch (kind) {
    case "confirm": q = { ...base, type: "confirm", initial: s.default ?? true }; break;
    case "text": q = { ...base, type: "text", initial: s.default ?? undefined }; break;
    case "password": q = { ...base, type: "password" }; break;
    case "select": q = { ...base, type: "select", choices }; break;
    case "checkbox": q = { ...base, type: "multiselect", choices }; break;
    case "toggle": q = { ...base, type: "toggle", initial: s.default ?? false, active: "yes", inactive: "no" }; break;
    default: throw new Error(`prompts has no scenario kind ${kind}`);
  }
  const answer = await prompts(q, { onCancel: () => process.exit(130) });
  return answer.v;
}

async function clack() {
  const c = await import("@clack/prompts");
  const options = opts.map((o) => ({ value: o, label: o }));
  if (s.banner) c.intro(s.banner);
  let v;
  switch (kind) {
    case "confirm": v = await c.confirm({ message: s.question, initialValue: s.default ?? true }); break;
    case "text": v = await c.text({ message: s.question, placeholder: s.placeholder, defaultValue: s.default ?? undefined }); break;
    case "password": v = await c.password({ message: s.question }); break;
    case "select": v = await c.select({ message: s.question, options }); break;
    case "checkbox": v = await c.multiselect({ message: s.question, options, required: false }); break;
    case "spinner": {  // a look-alike: a long task, nothing asked
      c.intro("create-demo");
      c.log.info("Do you want to continue? Answer (y/n) in the next step.");
      const sp = c.spinner();
      sp.start("Installing dependencies");
      await new Promise((r) => setTimeout(r, 60000));
      return null;
    }
    case "notes": {  // a look-alike: finished output with markers, then a long pause
      c.intro("create-demo");
      c.note("● api\n○ web\n◯ docs", "Which packages were built?");
      c.outro("Done. Run `npm start` (y/n questions come later).");
      await new Promise((r) => setTimeout(r, 60000));
      return null;
    }
    default: throw new Error(`@clack/prompts has no scenario kind ${kind}`);
  }
  if (c.isCancel(v)) process.exit(130);
  return v;
}

const LIBS = { inquirer, enquirer, prompts: promptsLib, clack };
if (s.lead) process.stdout.write(`${s.lead}\n`);
done(await LIBS[lib]());
