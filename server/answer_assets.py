# ruff: noqa: E501 - stylesheet and script text, kept as written for the browser
"""The answer page's HTML shell, stylesheet and script (pure strings).

The page loads only these same-origin files (the CSP is ``script-src 'self'``,
no inline code); every piece of prompt text is inserted with ``textContent``,
never as HTML. The script signs in (password or passkey), shows the prompt as
it is now with its options as buttons, and, when the supervisor asks for a
person's approval, gets the passkey to sign the supervisor's challenge; the
first time, it registers the passkey with the code printed on the computer
(HMAC computed here with WebCrypto, so the relay never sees the code).
"""

from __future__ import annotations

from html import escape

CSS = """
body{font-family:system-ui,-apple-system,sans-serif;margin:0;padding:1rem;background:#f6f6f4;color:#1d1d1f}
main{max-width:30rem;margin:0 auto;background:#fff;border-radius:14px;padding:1.3rem;box-shadow:0 1px 4px rgba(0,0,0,.08)}
h1{font-size:1.3rem;margin:0 0 .6rem}
.meta{color:#555;font-size:.95rem}
pre{white-space:pre-wrap;word-break:break-word;background:#f0f0ee;padding:.7rem;border-radius:8px;font-size:1rem}
input{width:100%;box-sizing:border-box;font-size:1.1rem;padding:.75rem;border:1px solid #bbb;border-radius:10px;margin:.3rem 0}
button{display:block;width:100%;font-size:1.1rem;padding:.9rem;margin-top:.6rem;border:0;border-radius:12px;background:#1a5fd0;color:#fff}
button.secondary{background:#e4e9f5;color:#1a3a7a}
.error{background:#fde8e8;color:#8a1c1c;padding:.7rem;border-radius:8px}
.ok{background:#e6f4ea;color:#1e5631;padding:.7rem;border-radius:8px}
[hidden]{display:none}
"""


def shell(csrf: str, token: str) -> str:
    return (
        '<!doctype html><html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        '<meta name="referrer" content="no-referrer">'
        f'<meta name="tether-csrf" content="{escape(csrf)}">'
        f'<meta name="tether-link" content="{escape(token)}">'
        "<title>Tether: answer a prompt</title>"
        '<link rel="stylesheet" href="/answer-assets/answer.css"></head><body><main>'
        '<h1 id="title">Answer a prompt</h1>'
        '<p id="status" role="status"></p>'
        '<section id="signin" hidden><p>Sign in again to answer (this link works once).</p>'
        '<input id="password" type="password" autocomplete="current-password" '
        'placeholder="Relay owner password">'
        '<button id="signin-password">Sign in with password</button>'
        '<button id="signin-passkey" class="secondary" hidden>Sign in with passkey</button>'
        "</section>"
        '<section id="prompt" hidden><p class="meta" id="where"></p><pre id="question"></pre>'
        '<div id="options"></div><div id="text-answer" hidden><input id="text" '
        'autocomplete="off"><button id="send-text">Send</button></div></section>'
        '<section id="enrol" hidden><p>This prompt needs your passkey, and none is registered '
        'on <strong id="enrol-host"></strong> yet. On that computer run '
        "<code>python -m supervisor approver-code</code> and type the code it prints:</p>"
        '<input id="code" autocomplete="off" autocapitalize="characters" '
        'placeholder="XXXX-XXXX-XXXX-XXXX-XXXX"><button id="register">Register a passkey'
        "</button></section>"
        '<section id="approve" hidden><p>Approve with your passkey:</p><pre id="approve-text">'
        '</pre><button id="approve-button">Approve with passkey</button></section>'
        '<button id="cancel" class="secondary" hidden>Deny: press Esc</button>'
        '<script src="/answer-assets/answer.js"></script></main></body></html>'
    )


JS = r"""
"use strict";
const meta = (n) => document.querySelector(`meta[name="${n}"]`).content;
const CSRF = meta("tether-csrf"), LINK = meta("tether-link");
const base = `/answer/${LINK}`;
const $ = (id) => document.getElementById(id);
let state = null, pending = null;

function show(id, on) { $(id).hidden = !on; }
function status(text, kind) { const s = $("status"); s.textContent = text || ""; s.className = kind || ""; }

async function post(path, body) {
  const r = await fetch(base + path, {method: "POST", credentials: "same-origin",
    headers: {"Content-Type": "application/json", "X-Tether-CSRF": CSRF},
    body: JSON.stringify(body || {})});
  let data = {};
  try { data = await r.json(); } catch (e) { data = {status: "error", message: `HTTP ${r.status}`}; }
  return data;
}

function b64url(buf) {
  let s = ""; for (const b of new Uint8Array(buf)) s += String.fromCharCode(b);
  return btoa(s).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

async function hmac(code, text) {
  const norm = code.toUpperCase().replace(/[^A-Z0-9]/g, "");
  const key = await crypto.subtle.importKey("raw", new TextEncoder().encode(norm),
    {name: "HMAC", hash: "SHA-256"}, false, ["sign"]);
  return b64url(await crypto.subtle.sign("HMAC", key, new TextEncoder().encode(text)));
}

function render(data) {
  state = data;
  if (data.status === "signin") {
    show("signin", true); show("prompt", false);
    show("signin-passkey", !!data.passkeys);
    status(data.message || "", data.message ? "error" : "");
    return;
  }
  show("signin", false);
  if (data.status === "prompt") {
    show("prompt", true);
    $("where").textContent = `${data.host} · ${data.session}`;
    $("question").textContent = data.question;
    const box = $("options"); box.replaceChildren();
    for (const o of data.options) {
      const b = document.createElement("button");
      b.textContent = `${o.number}. ${o.label}`;
      b.dataset.answer = String(o.number);
      b.addEventListener("click", () => respond(String(o.number)));
      box.appendChild(b);
    }
    const secret = data.kind === "secret";
    show("text-answer", data.options.length === 0 && !secret);
    if (secret) { status("It asks for a secret: type it at the computer, never through the relay.", "error"); return; }
    status(data.preselect ? `You tapped option ${data.preselect} in the notification: confirm below.` : "");
    return;
  }
  show("prompt", false); show("enrol", false); show("approve", false); show("cancel", false);
  status(data.message, data.status === "answered" ? "ok" : "error");
  if (data.now) { show("prompt", true); $("where").textContent = "Now on screen:";
    $("question").textContent = data.now; $("options").replaceChildren(); show("text-answer", false); }
}

async function respond(answer) {
  status("Sending…");
  const data = await post("/respond", {answer});
  if (data.status === "approval_needed") { pending = data; return approvalStep(); }
  render(data);
}

function approvalStep() {
  show("prompt", false); show("cancel", true);
  if (!pending.credential_ids.length) {
    $("enrol-host").textContent = pending.host; show("enrol", true);
    status("A person must approve this prompt.", "error"); return;
  }
  show("enrol", false); show("approve", true);
  $("approve-text").textContent = pending.message;
  status("");
}

async function approve() {
  status("Waiting for your passkey…");
  const options = PublicKeyCredential.parseRequestOptionsFromJSON({
    challenge: pending.challenge, rpId: pending.rp_id, userVerification: "required",
    allowCredentials: pending.credential_ids.map((id) => ({type: "public-key", id}))});
  let cred;
  try { cred = await navigator.credentials.get({publicKey: options}); }
  catch (e) { status(`The passkey did not sign: ${e.message}`, "error"); return; }
  render(await post("/approve", {assertion: JSON.stringify(cred.toJSON())}));
}

async function register() {
  const code = $("code").value;
  status("Creating your passkey…");
  const opts = await post("/register-options", {});
  if (opts.status !== "options") { render(opts); return; }
  let cred;
  try { cred = await navigator.credentials.create(
      {publicKey: PublicKeyCredential.parseCreationOptionsFromJSON(JSON.parse(opts.options))}); }
  catch (e) { status(`No passkey was created: ${e.message}`, "error"); return; }
  const registration = JSON.stringify(cred.toJSON());
  const mac = await hmac(code, `tether-approver-v1\n${pending.host}\n${registration}`);
  const done = await post("/register", {registration, mac, label: "phone passkey"});
  if (done.status !== "registered") { render(done); return; }
  status("Passkey registered on the computer. Preparing the approval…", "ok");
  const again = await post("/respond", {answer: pending.answer});
  if (again.status === "approval_needed") { pending = again; approvalStep(); } else render(again);
}

async function passkeySignin() {
  const opts = await post("/passkey-options", {});
  if (opts.status !== "options") { render(opts); return; }
  let cred;
  try { cred = await navigator.credentials.get(
      {publicKey: PublicKeyCredential.parseRequestOptionsFromJSON(JSON.parse(opts.options))}); }
  catch (e) { status(`The passkey did not sign in: ${e.message}`, "error"); return; }
  render(await post("/passkey", {assertion: JSON.stringify(cred.toJSON())}));
}

$("signin-password").addEventListener("click", async () =>
  render(await post("/signin", {password: $("password").value})));
$("signin-passkey").addEventListener("click", passkeySignin);
$("send-text").addEventListener("click", () => respond($("text").value));
$("register").addEventListener("click", register);
$("approve-button").addEventListener("click", approve);
$("cancel").addEventListener("click", async () => render(await post("/cancel", {})));
post("/state", {preselect: new URLSearchParams(location.search).get("option")}).then(render);
"""
