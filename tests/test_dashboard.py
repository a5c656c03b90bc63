"""The owner's dashboard: sign-in and its guards over HTTP, then a real phone-sized browser.

A real relay on 127.0.0.1 and a real supervisor running the mock agent in a
PTY; the browser is Debian's headless Chromium at 390x844 with touch.
"""

from __future__ import annotations

import asyncio
import base64
import json
import shutil
import tempfile
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastmcp import Client

from server.oauth.ratelimit import RateLimiter
from tests.browser_support import browser_missing, phone_browser, screenshot_dir, tidy_frame
from tests.oauth_support import PASSWORD, dashboard_signed_in
from tests.relay_support import Relay, Supervisor, running_relay, running_supervisor, write_policy
from tests.support import eventually, scaled

browser = pytest.mark.skipif(browser_missing() is not None, reason=str(browser_missing()))


@dataclass
class Setup:
    relay: Relay
    laptop: Supervisor
    work: Path
    client: Client[Any]

    async def call(self, tool: str, **args: Any) -> dict[str, Any]:
        result = await self.client.call_tool(tool, args)
        return dict(result.structured_content or {})


@pytest.fixture
async def setup(tmp_path: Path) -> AsyncIterator[Setup]:
    # A short folder path, so the mock agent's menus do not wrap it (the docs' screenshots).
    short = Path(tempfile.mkdtemp(prefix="t"))
    work = (short / "api").resolve()
    work.mkdir()
    try:
        async with (
            running_relay(tmp_path / "relay") as relay,
            running_supervisor(
                relay, "laptop", write_policy(tmp_path / "laptop/policy.toml", work)
            ) as laptop,
            Client(relay.mcp, auth=relay.token, timeout=scaled(30)) as client,
        ):
            yield Setup(relay, laptop, work, client)
    finally:
        shutil.rmtree(short, ignore_errors=True)


async def _session(setup: Setup) -> str:
    created = await setup.call("create_session", host="laptop", cwd=str(setup.work), name="api")
    sid: str = created["session"]["session_id"]

    async def banner() -> bool:
        logs = await setup.call("get_logs", session_id=sid, mode="screen")
        return "Welcome to Mock Claude" in logs["text"]

    await eventually(banner, 20, "the mock agent's banner")  # type: ignore[arg-type]
    return sid


async def _relayed_banner(setup: Setup, sid: str) -> bytes:
    """The relay's copy once it holds the banner: the supervisor's screen showing it
    says nothing about which of its output frames the relay has stored yet."""

    def kept() -> bytes | None:
        stored = setup.relay.hub.store.all_output(sid)
        return stored if b"Welcome to Mock Claude" in stored else None

    return await eventually(kept, 20, "the banner in the relay's copy")


# ---------------------------------------------------------------- over HTTP


async def test_the_dashboard_sends_a_signed_out_visitor_to_the_sign_in_page(setup: Setup) -> None:
    async with httpx.AsyncClient(timeout=scaled(10)) as http:
        bare = await http.get(f"{setup.relay.base}/dashboard")
        assert bare.status_code == 308 and bare.headers["location"] == "/dashboard/"
        home = await http.get(f"{setup.relay.base}/dashboard/")
        assert home.status_code == 303 and home.headers["location"] == "/dashboard/login"
        api = await http.get(f"{setup.relay.base}/dashboard/api/overview")
        assert api.status_code == 401 and "Sign in again" in api.json()["error"]
        login = await http.get(f"{setup.relay.base}/dashboard/login")
    csp = login.headers["content-security-policy"]
    assert "frame-ancestors 'none'" in csp and "script-src 'self'" in csp
    assert "default-src 'none'" in csp and "http" not in csp
    assert login.headers["x-frame-options"] == "DENY"


async def test_a_wrong_password_is_refused_and_a_right_one_sets_a_strict_http_only_cookie(
    setup: Setup,
) -> None:
    base = setup.relay.base
    async with httpx.AsyncClient(timeout=scaled(10)) as http:
        page = await http.get(f"{base}/dashboard/login")
        csrf = page.text.split('name="csrf" value="')[1].split('"')[0]
        wrong = await http.post(f"{base}/dashboard/login", data={"csrf": csrf, "password": "nope"})
        assert wrong.status_code == 401 and "Wrong password" in wrong.text
        csrf = wrong.text.split('name="csrf" value="')[1].split('"')[0]
        right = await http.post(
            f"{base}/dashboard/login", data={"csrf": csrf, "password": PASSWORD}
        )
    cookie = [v for k, v in right.headers.multi_items() if k == "set-cookie" and "owner" in v][0]
    assert "HttpOnly" in cookie and "SameSite=strict" in cookie and "Path=/" in cookie
    actions = [(e.action, e.result) for e in setup.relay.audit.latest(10)]
    assert ("dashboard.login", "refused_password") in actions and (
        "dashboard.login",
        "ok",
    ) in actions


async def test_a_sign_in_without_the_forms_token_is_refused(setup: Setup) -> None:
    async with httpx.AsyncClient(timeout=scaled(10)) as http:
        r = await http.post(
            f"{setup.relay.base}/dashboard/login", data={"csrf": "forged", "password": PASSWORD}
        )
    assert r.status_code == 400 and "expired" in r.text
    assert "tether_owner" not in r.headers.get("set-cookie", "")


async def test_password_guessing_is_rate_limited(setup: Setup) -> None:
    setup.relay.app.state.oauth.settings.limits.login_per_ip = RateLimiter(1, 2, clock=lambda: 0.0)
    base = setup.relay.base
    async with httpx.AsyncClient(timeout=scaled(10)) as http:
        statuses = []
        for _ in range(3):
            page = await http.get(f"{base}/dashboard/login")
            csrf = page.text.split('name="csrf" value="')[1].split('"')[0]
            r = await http.post(f"{base}/dashboard/login", data={"csrf": csrf, "password": "x"})
            statuses.append(r.status_code)
    assert statuses == [401, 401, 429]
    assert "Wait" in r.text and int(r.headers["retry-after"]) > 0


async def test_actions_need_the_sessions_csrf_token_and_the_relays_own_origin(
    setup: Setup,
) -> None:
    sid = await _session(setup)
    base = setup.relay.base
    url = f"{base}/dashboard/api/sessions/{sid}/keys"
    async with httpx.AsyncClient(timeout=scaled(10)) as http:
        csrf = await dashboard_signed_in(http, base)
        missing = await http.post(url, json={"keys": ["tab"]})
        assert missing.status_code == 403 and "Reload" in missing.json()["error"]
        other = await http.post(
            url,
            json={"keys": ["tab"]},
            headers={"X-CSRF-Token": csrf, "Origin": "https://evil.example"},
        )
        assert other.status_code == 403
        bad = await http.post(url, json={"keys": ["launch"]}, headers={"X-CSRF-Token": csrf})
        assert bad.status_code == 400 and bad.json()["error"].startswith("keys.0:")
        ok = await http.post(
            url, json={"keys": ["tab"]}, headers={"X-CSRF-Token": csrf, "Origin": base}
        )
        assert ok.status_code == 200 and ok.json()["bytes_written"] == 1
        control = await http.post(
            f"{base}/dashboard/api/sessions/{sid}/text",
            json={"text": "a\x1bb"},
            headers={"X-CSRF-Token": csrf},
        )
        assert control.status_code == 400 and "key bar" in control.json()["error"]
    audited = [(e.actor, e.action, e.result) for e in setup.relay.audit.latest(20)]
    assert ("owner:dashboard", "dashboard.send_keys", "ok") in audited


async def test_the_overview_lists_sessions_waiting_for_the_owner_first_and_stop_ends_one(
    setup: Setup,
) -> None:
    quiet = await _session(setup)
    asking = await _session(setup)
    await setup.call("send_message", session_id=asking, text="run tests", wait_seconds=0)
    base = setup.relay.base
    async with httpx.AsyncClient(timeout=scaled(20)) as http:
        csrf = await dashboard_signed_in(http, base)

        async def waiting_first() -> list[str] | None:
            listed = (await http.get(f"{base}/dashboard/api/overview")).json()["sessions"]
            ids = [s["session_id"] for s in listed]
            return ids if listed[0]["prompts"] else None

        assert await eventually(waiting_first, 20, "the asking session first") == [asking, quiet]  # type: ignore[arg-type]
        stopped = await http.post(
            f"{base}/dashboard/api/sessions/{quiet}/stop", headers={"X-CSRF-Token": csrf}
        )
        assert stopped.status_code == 200 and stopped.json()["session"]["state"] == "exited"
        hosts = (await http.get(f"{base}/dashboard/api/overview")).json()["hosts"]
    assert [(h["name"], h["online"]) for h in hosts] == [("laptop", True)]


async def test_the_live_stream_catches_up_from_an_offset_then_follows_without_repeats(
    setup: Setup,
) -> None:
    sid = await _session(setup)
    base = setup.relay.base
    async with httpx.AsyncClient(timeout=scaled(20)) as http:
        csrf = await dashboard_signed_in(http, base)
        kept = await _relayed_banner(setup, sid)
        start = len(kept) // 2
        got = bytearray()
        offsets = []
        url = f"{base}/dashboard/api/sessions/{sid}/stream?from={start}"
        async with http.stream("GET", url) as stream:
            assert stream.headers["content-type"].startswith("text/event-stream")
            sent = False
            async with asyncio.timeout(scaled(20)):
                async for line in stream.aiter_lines():
                    if not line.startswith("data: "):
                        continue
                    event = json.loads(line[6:])
                    offsets.append(event["o"])
                    assert event["o"] == start + len(got)  # contiguous: no gap, no repeat
                    got += base64.b64decode(event["d"])
                    if not sent and len(got) >= len(kept) - start:
                        sent = True
                        await http.post(
                            f"{base}/dashboard/api/sessions/{sid}/text",
                            json={"text": "hello"},
                            headers={"X-CSRF-Token": csrf},
                        )
                    if b"hello" in got:
                        break
    assert bytes(got[: len(kept) - start]) == kept[start:]


async def test_a_recording_replays_the_relays_copy_with_the_times_it_arrived(
    setup: Setup,
) -> None:
    sid = await _session(setup)
    await _relayed_banner(setup, sid)
    await setup.call("send_message", session_id=sid, text="hello", wait_seconds=5)
    async with httpx.AsyncClient(timeout=scaled(10)) as http:
        await dashboard_signed_in(http, setup.relay.base)
        r = await http.get(
            f"{setup.relay.base}/dashboard/api/sessions/{sid}/recording.cast?download=1"
        )
    assert r.status_code == 200 and "attachment" in r.headers["content-disposition"]
    header, *events = [json.loads(line) for line in r.text.splitlines()]
    assert header["version"] == 2 and header["title"] == "api"
    times = [e[0] for e in events]
    assert times == sorted(times) and times[-1] > 0
    assert "Welcome to Mock Claude" in "".join(e[2] for e in events)


async def test_the_supervisor_keeps_its_own_asciicast_of_every_session(setup: Setup) -> None:
    sid = await _session(setup)
    cast = setup.laptop.manager.recorder.folder / f"{sid}.cast"
    await eventually(
        lambda: cast.exists() and "Welcome to Mock Claude" in cast.read_text(), 10, "a flush"
    )
    header, *events = [json.loads(line) for line in cast.read_text().splitlines()]
    assert header["version"] == 2 and (header["width"], header["height"]) == (120, 40)
    assert "Welcome to Mock Claude" in "".join(e[2] for e in events)
    assert oct(cast.stat().st_mode & 0o777) == "0o600"


# ---------------------------------------------------------------- in a real browser


async def tidy(page: Any, work: Path) -> None:
    """For the docs: show the test's temporary folder as ``~/api`` before a screenshot."""
    await tidy_frame(page.main_frame, work)


async def shows(page: Any, text: str) -> None:
    """Wait until the live screen (xterm.js rows) shows ``text``."""
    rows = page.locator("#term .xterm-rows", has_text=text)
    await rows.wait_for(timeout=scaled(20) * 1000)


@pytest.mark.browser
@browser
async def test_a_phone_signs_in_watches_a_session_answers_with_a_tap_and_plays_it_back(
    setup: Setup,
    tmp_path: Path,
) -> None:
    shots = screenshot_dir(tmp_path)
    ms = scaled(20) * 1000
    base = setup.relay.base
    async with phone_browser() as context:
        page = await context.new_page()
        await page.goto(f"{base}/dashboard", timeout=ms)
        assert page.url.endswith("/dashboard/login")
        await page.screenshot(path=str(shots / "dashboard-login.png"))
        await page.fill("#password", PASSWORD)
        await page.tap("button[type=submit]")
        await page.wait_for_selector(".chip.online", timeout=ms)
        assert "laptop" in await page.locator(".chip.online").inner_text()

        # Start a session from the phone (the supervisor's policy allows this folder).
        await page.fill("#start-cwd", str(setup.work))
        await page.fill("#start-name", "api-server")
        await page.tap(".start-form button[type=submit]")
        await page.wait_for_selector("#term .xterm-rows", timeout=ms)
        sid = page.url.rsplit("/", 1)[1]
        await shows(page, "Welcome to Mock Claude")

        # Text and Enter: the live screen shows the agent's answer as it comes.
        await page.fill("#message", "run tests")
        await page.tap("form.send button")
        prompt = page.locator(".prompts .prompt")
        await prompt.wait_for(timeout=ms)
        await shows(page, "Do you want to proceed?")
        assert "Do you want to proceed?" in await prompt.locator(".question").inner_text()
        await tidy(page, setup.work)
        await page.screenshot(path=str(shots / "dashboard-session.png"))

        # One tap answers it.
        await prompt.locator('button[data-answer="1"]').tap()
        await shows(page, "Chose: Yes")

        # Keys: a second menu, answered with the key bar (down, then Enter).
        await page.fill("#message", "run tests")
        await page.tap("form.send button")
        # Keys go to whatever is on screen: press them only once the second menu is drawn.
        await shows(page, "Do you want to proceed?")
        await prompt.wait_for(timeout=ms)
        await page.tap('.keys button[data-key="down"]')
        await page.tap('.keys button[data-key="enter"]')
        await shows(page, "Chose: Yes, and don't")

        # A dangerous approval takes a second, deliberate tap.
        await page.fill("#message", "run rm -rf build")
        await page.tap("form.send button")
        danger = page.locator(".prompts .prompt.dangerous button.danger").first
        await danger.wait_for(timeout=ms)
        await danger.tap()
        assert "tap again" in await danger.inner_text()
        await danger.tap()
        # The supervisor's step-up refuses a relayed approval of a dangerous prompt: it says so.
        await page.locator(".toast").wait_for(timeout=ms)
        assert await page.locator(".prompts .prompt.dangerous").count() == 1  # still waiting

        # Installable: the service worker controls /dashboard/.
        ready = page.evaluate("async () => (await navigator.serviceWorker.ready).scope")
        scope = await asyncio.wait_for(ready, scaled(20))
        assert scope == f"{base}/dashboard/"

        # The list: hosts and this session.
        await page.goto(f"{base}/dashboard/#/", timeout=ms)
        await page.fill("#start-cwd", "")
        await page.wait_for_selector(f'li[data-session-id="{sid}"] .prompt', timeout=ms)
        await tidy(page, setup.work)
        await page.screenshot(path=str(shots / "dashboard-list.png"))

        # The recording plays back in asciinema-player.
        await page.goto(f"{base}/dashboard/sessions/{sid}/recording", timeout=ms)
        await page.locator(".ap-term").wait_for(timeout=ms)
        await page.evaluate("() => window.tetherPlayer.play()")
        await page.locator(".ap-term", has_text="Welcome to Mock Claude").wait_for(timeout=ms)
        await page.evaluate("() => window.tetherPlayer.pause()")
        await tidy(page, setup.work)
        await page.screenshot(path=str(shots / "dashboard-recording.png"))


@pytest.mark.browser
@browser
async def test_the_live_screen_shows_new_output_soon_after_the_relay_stores_it(
    setup: Setup,
) -> None:
    """Measures the relay-stored -> browser-rendered delay (printed; the benchmark bar is 1 s)."""
    sid = await _session(setup)
    stored: dict[bytes, float] = {}

    def note(session_id: str, offset: int, data: bytes) -> None:
        if session_id == sid and b"marker-" in data:
            stored.setdefault(data, time.monotonic())

    setup.relay.hub.copies.on_stored.append(note)
    async with phone_browser() as context:
        page = await context.new_page()
        await page.goto(f"{setup.relay.base}/dashboard/login")
        await page.fill("#password", PASSWORD)
        await page.tap("button[type=submit]")
        await page.wait_for_selector(".chip.online", timeout=scaled(20) * 1000)
        await page.goto(f"{setup.relay.base}/dashboard/#/s/{sid}")
        await shows(page, "Welcome to Mock Claude")
        delays = []
        for n in range(3):
            word = f"marker-{n}"
            await setup.call("send_message", session_id=sid, text=word, enter=False, wait_seconds=0)
            await shows(page, word)
            shown = time.monotonic()
            at = [t for data, t in stored.items() if word.encode() in data]
            assert at, f"the relay stored {word!r} before the browser showed it"
            delays.append(shown - at[0])
    print(f"stored -> shown: {[round(d * 1000) for d in delays]} ms")
