// The approval card (MCP Apps, SEP-1865): rendered by ChatGPT or Claude inside the chat,
// in a sandboxed frame. It never talks to the network: every call goes through the host
// bridge (App.callServerTool), so the card's CSP allows no origin at all.
import { App } from "@modelcontextprotocol/ext-apps";

const root = document.getElementById("card");
const config = JSON.parse(document.getElementById("tether-config").textContent);
const app = new App({ name: "Tether approval card", version: "1" }, {}, { autoResize: true });
const DENY = /^(no\b|deny|reject|cancel|don't|do not|skip|abort)/i;

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === "onclick") node.addEventListener("click", v);
    else if (v !== undefined && v !== null && v !== false) node.setAttribute(k, v === true ? "" : v);
  }
  for (const child of children.flat()) {
    if (child !== null && child !== undefined) node.append(child);
  }
  return node;
}

// A dangerous prompt's approving options are the ones that are not a refusal.
function isApproving(option) {
  return !DENY.test(option.label.trim());
}

function approvalLink(prompt) {
  // Prompt ids are [A-Za-z0-9_-]+:[A-Za-z0-9_-]+; anything else gets no link.
  if (!config.approve_base || !/^[A-Za-z0-9_-]+:[A-Za-z0-9_-]+$/.test(prompt.prompt_id)) return null;
  return `${config.approve_base}/approve/${prompt.prompt_id}`;
}

function textOf(result) {
  return (result.content || []).filter((c) => c.type === "text").map((c) => c.text).join("\n");
}

async function call(name, args) {
  const result = await app.callServerTool({ name, arguments: args });
  if (result.isError) throw new Error(textOf(result) || `${name} failed`);
  return result.structuredContent || {};
}

function status(message, kind) {
  return el("p", { class: `status ${kind}`, role: "status" }, message);
}

function renderPrompt(prompt, note) {
  const dangerous = prompt.kind === "confirm_dangerous";
  const box = el("section", { class: "prompt" + (dangerous ? " dangerous" : ""), "data-prompt-id": prompt.prompt_id });
  const where = [prompt.host, `session ${prompt.session_id}`].filter(Boolean).join(" · ");
  box.append(el("div", { class: "where" }, where));
  if (note) box.append(note);
  box.append(el("h1", {}, prompt.question || "The session is waiting for you."));
  if (dangerous) box.append(el("p", { class: "warn" }, "Dangerous: check the command before approving."));
  if (prompt.context && prompt.context.length) {
    box.append(el("pre", { class: "context" }, prompt.context.join("\n")));
  }
  const answers = el("div", { class: "options" });
  const result = el("div", { class: "result" });
  if (prompt.kind === "secret") {
    answers.append(el("p", { class: "muted" }, "A secret is asked for: type it on the computer itself."));
  } else if (prompt.kind === "text") {
    const input = el("input", { type: "text", "aria-label": "Your answer", maxlength: "2000" });
    answers.append(input, el("button", { class: "option", onclick: () => answer(prompt, input.value, box, result) }, "Send"));
  } else {
    for (const option of prompt.options || []) {
      if (dangerous && isApproving(option)) {
        const link = approvalLink(prompt);
        answers.append(
          link
            ? el("button", { class: "option danger phone", "data-answer": String(option.number), onclick: () => app.openLink({ url: link }) }, `${option.label}: approve on your phone`)
            : el("p", { class: "option danger phone" }, `${option.label}: approve on the computer itself`),
        );
        continue;
      }
      answers.append(
        el("button", { class: "option", "data-answer": String(option.number), onclick: () => answer(prompt, String(option.number), box, result) },
          el("span", { class: "key" }, option.key), " ", option.label),
      );
    }
    if (!(prompt.options || []).length) {
      answers.append(el("button", { class: "option", onclick: () => answer(prompt, "enter", box, result) }, "Press Enter"));
    }
  }
  box.append(answers, result, el("pre", { class: "screen", "aria-label": "Screen" }, ""));
  showScreen(prompt.session_id, box.querySelector(".screen"));
  return box;
}

async function showScreen(sessionId, pre) {
  try {
    const logs = await call("get_logs", { session_id: sessionId, mode: "screen" });
    pre.textContent = (logs.text || "").replace(/\s+$/, "");
    pre.scrollTop = pre.scrollHeight; // the prompt is at the bottom of the screen
  } catch (err) {
    pre.textContent = "";
  }
}

async function answer(prompt, value, box, result) {
  for (const b of box.querySelectorAll("button")) b.disabled = true;
  result.replaceChildren(status("Sending…", "pending"));
  try {
    const done = await call("respond_to_prompt", { prompt_id: prompt.prompt_id, answer: value });
    result.replaceChildren(status(`Answered: ${done.sent || value}.`, "ok"));
    box.classList.add("answered");
    showScreen(prompt.session_id, box.querySelector(".screen"));
  } catch (err) {
    const changed = /prompt_(stale|unknown)/.test(err.message);
    result.replaceChildren(status(changed ? "Refused: the prompt changed before your tap, so nothing was sent." : `Refused: ${err.message}`, "refused"));
    box.classList.add("answered");
    if (changed) await showCurrent(prompt.session_id, "The prompt changed. It is waiting on this now:");
  }
}

async function showCurrent(sessionId, heading) {
  let prompts = [];
  try {
    prompts = (await call("check_prompts", { session_id: sessionId })).prompts || [];
  } catch (err) {
    root.append(status(err.message, "refused"));
    return;
  }
  if (!prompts.length) {
    root.append(status("No prompt is waiting in this session now.", "muted"));
    return;
  }
  for (const p of prompts) root.append(renderPrompt(p, status(heading, "changed")));
}

function render(structured) {
  const prompts = structured.prompts || [];
  root.replaceChildren();
  if (!prompts.length) {
    // send_message that did not end at a prompt: nothing to approve, so no card at all.
    if ("bytes_written" in structured) return;
    const state = structured.session ? structured.session.state : structured.state;
    root.append(status(state ? `No prompt waiting (the session is ${state.replaceAll("_", " ")}).` : "No prompt waiting.", "muted"));
    return;
  }
  for (const p of prompts) root.append(renderPrompt(p, null));
}

app.ontoolresult = (params) => {
  if (params.structuredContent) render(params.structuredContent);
};
app.onhostcontextchanged = (ctx) => {
  if (ctx.theme) document.documentElement.dataset.theme = ctx.theme;
};
app.connect().then(() => {
  const ctx = app.getHostContext();
  if (ctx && ctx.theme) document.documentElement.dataset.theme = ctx.theme;
});
