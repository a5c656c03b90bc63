// Twelfth development set (a), Node side: node dev12a.mjs <scenario>. @topcli/prompts' secure
// question under another name (it echoes while typing and masks only once answered) and its
// confirm starting on No. Prints ANSWER=<json>.

const scenario = process.argv[2];

function done(value) {
  process.stdout.write(`\nANSWER=${JSON.stringify(value)}\n`);
}

const S = {
  async tp_secure_client_key() {
    const { question } = await import("@topcli/prompts");
    const v = await question("Client key for the webhook relay", { secure: true });
    return `len${v.length}`;
  },
  async tp_confirm_starts_no() {
    const { confirm } = await import("@topcli/prompts");
    return confirm("Rotate the signing certificates now ?", { initial: false });
  },
};

const run = S[scenario];
if (!run) {
  console.error(`dev12a.mjs: unknown scenario ${scenario}`);
  process.exit(2);
}
done(await run());
