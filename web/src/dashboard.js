// The owner's dashboard: hosts and sessions, a session's live screen (xterm.js), prompts as
// buttons, a text box and a key bar. Talks only to the relay it came from (CSP connect-src 'self').
import { Terminal } from "@xterm/xterm";

const csrf = document.querySelector('meta[name="tether-csrf"]').content;
const app = document.getElementById("app");
const API = "/dashboard/api";
const KEYS = [
  ["esc", "Esc"], ["ctrl_c", "Ctrl-C"], ["tab", "Tab"], ["shift_tab", "⇧Tab"],
  ["left", "←"], ["up", "↑"], ["down", "↓"], ["right", "→"], ["enter", "Enter ⏎"],
];
const DENY = /^(no\b|deny|reject|cancel|don't|do not|skip|abort)/i;
let view = null; // { stop() } of the page on screen

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
    else if (v !== undefined && v !== null && v !== false) node.setAttribute(k, v === true ? "" : v);
  }
  for (const child of children.flat()) if (child !== null && child !== undefined && child !== false) node.append(child);
  return node;
}

async function api(method, path, body) {
  const init = { method, headers: { Accept: "application/json" }, credentials: "same-origin" };
  if (body !== undefined) {
    init.headers["Content-Type"] = "application/json";
    init.headers["X-CSRF-Token"] = csrf;
    init.body = JSON.stringify(body);
  } else if (method !== "GET") {
    init.headers["X-CSRF-Token"] = csrf;
  }
  const response = await fetch(API + path, init);
  if (response.status === 401) {
    location.href = "/dashboard/login";
    throw new Error("Signed out.");
  }
  const data = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(data.error || `The relay answered ${response.status}.`);
  return data;
}

function ago(when) {
  if (!when) return "never";
  const s = Math.max(0, Date.now() / 1000 - when);
  if (s < 60) return "just now";
  if (s < 3600) return `${Math.floor(s / 60)} min ago`;
  if (s < 86400) return `${Math.floor(s / 3600)} h ago`;
  return new Date(when * 1000).toLocaleDateString();
}

const stateLabel = (s) => s.replaceAll("_", " ");
// The program's name, not its full path: "python -m supervisor.mock_agent", "claude".
const commandLine = (argv) => [String(argv[0] || "").split("/").pop(), ...argv.slice(1)].join(" ");

function toast(message, kind = "error") {
  const node = el("div", { class: `toast ${kind}`, role: "alert" }, message);
  document.body.append(node);
  setTimeout(() => node.remove(), 4000);
}

// ---------------------------------------------------------------- prompts as buttons

function promptBox(prompt, onDone, compact = false) {
  const dangerous = prompt.kind === "confirm_dangerous";
  const box = el("section", { class: "prompt" + (dangerous ? " dangerous" : ""), "data-prompt-id": prompt.prompt_id },
    el("p", { class: "question" }, prompt.question || "Waiting for you"));
  if (dangerous) box.append(el("p", { class: "warn" }, "Dangerous command: check it first."));
  if (!compact && prompt.context && prompt.context.length) box.append(el("pre", { class: "context" }, prompt.context.slice(-6).join("\n")));
  const options = el("div", { class: "options" });
  const send = async (answer, button) => {
    for (const b of options.querySelectorAll("button")) b.disabled = true;
    try {
      const done = await api("POST", `/prompts/${encodeURIComponent(prompt.prompt_id)}/answer`, { answer });
      box.replaceChildren(el("p", { class: "done" }, `Answered: ${done.sent || answer}`));
      onDone && onDone();
    } catch (err) {
      toast(err.message);
      for (const b of options.querySelectorAll("button")) b.disabled = false;
      onDone && onDone();
    }
  };
  if (prompt.kind === "secret") {
    options.append(el("p", { class: "muted" }, "It asks for a secret: type it on the computer itself."));
  } else if (prompt.kind === "text") {
    const input = el("input", { type: "text", "aria-label": "Answer", maxlength: "2000" });
    options.append(input, el("button", { class: "option", onclick: (e) => send(input.value, e.target) }, "Send answer"));
  } else {
    const list = prompt.options && prompt.options.length ? prompt.options : [{ number: 0, label: "Press Enter", key: "enter" }];
    for (const option of list) {
      const risky = dangerous && !DENY.test(option.label.trim());
      const answer = option.number ? String(option.number) : "enter";
      const button = el("button", { class: "option" + (risky ? " danger" : ""), "data-answer": answer },
        el("span", { class: "key" }, option.key), option.label);
      button.addEventListener("click", () => {
        // A dangerous approval takes a second, deliberate tap.
        if (risky && !button.classList.contains("armed")) {
          button.classList.add("armed");
          button.lastChild.textContent = `${option.label} — tap again to approve`;
          return;
        }
        send(answer, button);
      });
      options.append(button);
    }
  }
  box.append(options);
  return box;
}

// ---------------------------------------------------------------- the list

function listPage() {
  let timer = null;
  let stopped = false;
  const hosts = el("section", { class: "hosts", "aria-label": "Computers" });
  const sessions = el("section", { class: "sessions", "aria-label": "Sessions" });
  const start = el("section", { class: "start" });
  app.replaceChildren(
    el("header", { class: "bar" }, el("h1", { class: "title" }, "Tether"),
      pushButton(), el("button", { class: "ghost", onclick: signOut }, "Sign out")),
    el("main", { class: "list" }, hosts, sessions, start),
  );

  async function refresh() {
    try {
      const data = await api("GET", "/overview");
      if (stopped) return;
      drawHosts(data.hosts);
      drawSessions(data.sessions, data.problems);
      if (!start.dataset.drawn || start.dataset.hosts !== data.hosts.filter((h) => h.online).map((h) => h.name).join(",")) drawStart(data.hosts);
    } catch (err) {
      if (!stopped) sessions.replaceChildren(el("p", { class: "alert" }, err.message));
    }
    if (!stopped) timer = setTimeout(refresh, 3000);
  }

  function drawHosts(list) {
    hosts.replaceChildren(el("h2", {}, "Computers"),
      list.length ? el("ul", { class: "chips" }, list.map((h) =>
        el("li", { class: "chip " + (h.online ? "online" : "offline") },
          el("span", { class: "dot", "aria-hidden": "true" }), h.name,
          el("span", { class: "muted" }, h.online ? " online" : ` seen ${ago(h.last_seen)}`))))
        : el("p", { class: "muted" }, "No computer has connected yet. Pair one with python -m server pair-code."));
  }

  function drawSessions(list, problems) {
    const items = list.map((s) => {
      const card = el("li", { class: "session " + s.state, "data-session-id": s.session_id },
        el("a", { class: "open", href: `#/s/${s.session_id}` },
          el("span", { class: "name" }, s.name || s.session_id),
          el("span", { class: "badge " + s.state }, stateLabel(s.state)),
          el("span", { class: "meta" }, `${s.host}${s.host_online ? "" : " (offline)"} · ${commandLine(s.command)}`)));
      for (const p of s.prompts) card.append(promptBox(p, refresh));
      return card;
    });
    sessions.replaceChildren(el("h2", {}, "Sessions"),
      items.length ? el("ul", { class: "cards" }, items) : el("p", { class: "muted" }, "No sessions. Start one below."),
      problems.map((p) => el("p", { class: "alert" }, p)));
  }

  function drawStart(list) {
    const online = list.filter((h) => h.online);
    start.dataset.drawn = "1";
    start.dataset.hosts = online.map((h) => h.name).join(",");
    if (!online.length) { start.replaceChildren(); return; }
    const host = el("select", { id: "start-host", "aria-label": "Computer" }, online.map((h) => el("option", { value: h.name }, h.name)));
    const cwd = el("input", { id: "start-cwd", type: "text", placeholder: "Folder (default from policy)", "aria-label": "Folder" });
    const name = el("input", { id: "start-name", type: "text", placeholder: "Name (optional)", "aria-label": "Name" });
    const form = el("form", { class: "start-form" }, host, cwd, name, el("button", { class: "primary", type: "submit" }, "Start session"));
    form.addEventListener("submit", async (e) => {
      e.preventDefault();
      try {
        const made = await api("POST", "/sessions", { host: host.value, cwd: cwd.value || null, name: name.value || null });
        location.hash = `#/s/${made.session.session_id}`;
      } catch (err) { toast(err.message); }
    });
    start.replaceChildren(el("h2", {}, "New session"), form);
  }

  refresh();
  return { stop() { stopped = true; clearTimeout(timer); } };
}

// ---------------------------------------------------------------- Web Push

function b64urlBytes(text) {
  const raw = atob(text.replace(/-/g, "+").replace(/_/g, "/") + "=".repeat((4 - (text.length % 4)) % 4));
  return Uint8Array.from(raw, (c) => c.charCodeAt(0));
}

// "Notify this phone": subscribe this browser to the relay's Web Push (its VAPID key), or stop.
function pushButton() {
  if (!("serviceWorker" in navigator) || !("PushManager" in window)) return null;
  const button = el("button", { class: "ghost", type: "button" }, "Notify this phone");
  const current = async () => (await navigator.serviceWorker.ready).pushManager.getSubscription();
  const label = async () => {
    const sub = await current().catch(() => null);
    button.textContent = sub ? "Stop notifying" : "Notify this phone";
  };
  button.addEventListener("click", async () => {
    button.disabled = true;
    try {
      const existing = await current();
      if (existing) {
        await api("POST", "/push/unsubscribe", { endpoint: existing.endpoint });
        await existing.unsubscribe();
        toast("This phone will no longer be notified.", "ok");
      } else {
        if ((await Notification.requestPermission()) !== "granted") {
          throw new Error("Notifications are blocked for this page; allow them in the browser's settings.");
        }
        const { public_key } = await api("GET", "/push/key");
        const registration = await navigator.serviceWorker.ready;
        const sub = await registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: b64urlBytes(public_key) });
        await api("POST", "/push/subscribe", sub.toJSON());
        toast("This phone will be notified when a session needs you.", "ok");
      }
    } catch (err) {
      toast(err.message || String(err));
    } finally {
      button.disabled = false;
      label();
    }
  });
  label();
  return button;
}

async function signOut() {
  try { await fetch("/dashboard/logout", { method: "POST", headers: { "X-CSRF-Token": csrf }, credentials: "same-origin" }); } catch (err) { /* signed out either way */ }
  location.href = "/dashboard/login";
}

// ---------------------------------------------------------------- one session

function sessionPage(sid) {
  let stopped = false;
  let timer = null;
  const title = el("h1", { class: "title" }, "Session");
  const badge = el("span", { class: "badge" }, "…");
  const termBox = el("div", { class: "term", id: "term" });
  const prompts = el("section", { class: "prompts", "aria-label": "Prompts" });
  const input = el("input", { type: "text", id: "message", placeholder: "Message", autocomplete: "off", enterkeyhint: "send", "aria-label": "Message" });
  const form = el("form", { class: "send" }, input, el("button", { class: "primary", type: "submit" }, "Send"));
  const keys = el("div", { class: "keys", role: "toolbar", "aria-label": "Keys" },
    KEYS.map(([key, label]) => el("button", { type: "button", "data-key": key, onclick: () => press(key) }, label)));
  const menu = el("details", { class: "menu" }, el("summary", { "aria-label": "More" }, "⋯"),
    el("div", { class: "menu-items" },
      el("a", { href: `/dashboard/sessions/${sid}/recording` }, "Recording"),
      el("button", { type: "button", onclick: stopSession }, "Stop session")));
  app.replaceChildren(
    el("header", { class: "bar" }, el("a", { class: "back", href: "#/", "aria-label": "Back" }, "‹"), title, badge, menu),
    el("main", { class: "session-page" }, el("div", { class: "term-wrap" }, termBox)),
    el("footer", { class: "controls" }, prompts, keys, form),
  );
  // The controls (and a waiting prompt) sit fixed under the thumb; the screen scrolls above them.
  const footer = app.querySelector(".controls");
  const main = app.querySelector(".session-page");
  const fit = new ResizeObserver(() => { main.style.paddingBottom = `${footer.offsetHeight + 8}px`; });
  fit.observe(footer);

  const term = new Terminal({
    cols: 120, rows: 40, fontSize: 11, lineHeight: 1.1, scrollback: 5000, disableStdin: true,
    cursorBlink: false, allowProposedApi: false,
    fontFamily: 'ui-monospace, "SF Mono", Menlo, "DejaVu Sans Mono", monospace',
    theme: { background: "#0e1013", foreground: "#e6e6e6" },
  });
  term.open(termBox);
  let position = 0;
  const stream = new EventSource(`${API}/sessions/${sid}/stream?from=0`);
  stream.onmessage = (event) => {
    const { o, d } = JSON.parse(event.data);
    const bytes = Uint8Array.from(atob(d), (c) => c.charCodeAt(0));
    const skip = Math.max(0, position - o);
    if (skip >= bytes.length) return;
    term.write(bytes.subarray(skip));
    position = o + bytes.length;
    termBox.dataset.offset = String(position);
  };

  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    const text = input.value;
    try {
      await api("POST", `/sessions/${sid}/text`, { text, enter: true });
      input.value = "";
    } catch (err) { toast(err.message); }
  });

  async function press(key) {
    try { await api("POST", `/sessions/${sid}/keys`, { keys: [key] }); } catch (err) { toast(err.message); }
  }

  async function stopSession() {
    menu.open = false;
    if (!confirm("Stop this session? Unsaved work in it may be lost.")) return;
    try { await api("POST", `/sessions/${sid}/stop`); refresh(); } catch (err) { toast(err.message); }
  }

  let shown = "";
  async function refresh() {
    clearTimeout(timer);
    try {
      const data = await api("GET", `/sessions/${sid}`);
      if (stopped) return;
      const s = data.session;
      title.textContent = s.name || sid;
      badge.textContent = data.offline ? "offline" : stateLabel(s.state);
      badge.className = "badge " + (data.offline ? "offline" : s.state);
      const ids = s.prompts.map((p) => p.prompt_id).join(",");
      if (ids !== shown) {
        shown = ids;
        prompts.replaceChildren(...s.prompts.map((p) => promptBox(p, refresh, true)));
      }
    } catch (err) {
      if (!stopped) badge.textContent = "?";
    }
    if (!stopped) timer = setTimeout(refresh, 1500);
  }
  refresh();
  return { stop() { stopped = true; clearTimeout(timer); stream.close(); fit.disconnect(); term.dispose(); } };
}

// ---------------------------------------------------------------- routing

function route() {
  if (view) view.stop();
  const match = location.hash.match(/^#\/s\/([A-Za-z0-9_-]{8,64})$/);
  view = match ? sessionPage(match[1]) : listPage();
}

window.addEventListener("hashchange", route);
route();
if ("serviceWorker" in navigator) navigator.serviceWorker.register("/dashboard/sw.js", { scope: "/dashboard/" }).catch(() => {});
