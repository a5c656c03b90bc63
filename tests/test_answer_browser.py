"""The answer page in a real browser: headless Chromium with a virtual passkey (CDP WebAuthn).

The owner follows a notification's link for a dangerous prompt, signs in with
the password, registers a passkey on first use with the code the supervisor
printed, and approves; the program receives the answer. The next dangerous
prompt is approved after a passkey sign-in, without the password.
"""

from __future__ import annotations

import importlib.util
import os
import time
from pathlib import Path
from typing import Any

import pytest

from tests.notify_support import LINK, HttpSink, Setup, notify_setup
from tests.oauth_support import PASSWORD
from tests.support import scaled

CHROMIUM = "/usr/bin/chromium"
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def _browser_missing() -> str | None:
    if not os.path.exists(CHROMIUM):
        return (
            f"the answer-page browser test needs chromium at {CHROMIUM} (apt-get install chromium)"
        )
    if importlib.util.find_spec("playwright") is None:
        return "the answer-page browser test needs playwright-python (pip install playwright)"
    return None


pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(_browser_missing() is not None, reason=str(_browser_missing())),
]


async def _dangerous(s: Setup, sid: str, sink: HttpSink, what: str) -> str:
    prompt = await s.prompt(sid, f"run rm -rf ~/{what}")
    assert prompt["kind"] == "confirm_dangerous"
    while True:
        message = await sink.next(10)
        if what in message["message"]:
            found = LINK.search(message["message"])
            assert found, message
            return found.group(0)


async def _wait_status(page: Any, text: str) -> str:
    await page.wait_for_function(
        "t => document.getElementById('status').textContent.includes(t)",
        arg=text,
        timeout=scaled(20) * 1000,
    )
    status: str = await page.inner_text("#status")
    return status


async def test_the_owner_registers_a_passkey_and_approves_a_dangerous_prompt_from_the_page(
    tmp_path: Path,
) -> None:
    from playwright.async_api import async_playwright

    async with HttpSink() as sink, notify_setup(tmp_path, sink.url) as s:
        sid = await s.session()
        link = await _dangerous(s, sid, sink, "first")
        async with async_playwright() as pw:
            browser = await pw.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
            try:
                context = await browser.new_context(viewport={"width": 390, "height": 844})
                page = await context.new_page()
                cdp = await context.new_cdp_session(page)
                await cdp.send("WebAuthn.enable")
                await cdp.send(
                    "WebAuthn.addVirtualAuthenticator",
                    {
                        "options": {
                            "protocol": "ctap2",
                            "transport": "internal",
                            "hasResidentKey": True,
                            "hasUserVerification": True,
                            "isUserVerified": True,
                            "automaticPresenceSimulation": True,
                        }
                    },
                )
                await page.goto(link, timeout=scaled(20) * 1000)
                await page.wait_for_selector("#signin:not([hidden])")
                await page.fill("#password", PASSWORD)
                await page.click("#signin-password")
                await page.wait_for_selector("#prompt:not([hidden])")
                assert "Do you want to proceed?" in await page.inner_text("#question")
                await page.click("#options button >> nth=0")  # 1. Yes
                await page.wait_for_selector("#enrol:not([hidden])")
                assert await page.inner_text("#enrol-host") == "laptop"
                # The owner runs `python -m supervisor approver-code` on the laptop.
                code = s.laptop.manager.stepup.approvers.issue_code(time.time())
                await page.fill("#code", code)
                await page.click("#register")
                await page.wait_for_selector("#approve:not([hidden])", timeout=scaled(20) * 1000)
                assert "answer: 1" in await page.inner_text("#approve-text")
                await page.click("#approve-button")
                status = await _wait_status(page, "Answered")
                assert "sent" in status
                await s.screen_shows(sid, "Chose: Yes")
                assert len(s.laptop.manager.stepup.approvers.load()) == 1

                # The next dangerous prompt: passkey sign-in, no password, no code.
                link = await _dangerous(s, sid, sink, "second")
                # (Same tab: a virtual authenticator belongs to the tab it was added to.)
                await page.goto(link, timeout=scaled(20) * 1000)
                await page.wait_for_selector("#signin-passkey:not([hidden])")
                await page.click("#signin-passkey")
                await page.wait_for_selector("#prompt:not([hidden])", timeout=scaled(20) * 1000)
                await page.click("#options button >> nth=1")  # 2. Yes, and don't ask again
                await page.wait_for_selector("#approve:not([hidden])", timeout=scaled(20) * 1000)
                await page.click("#approve-button")
                await _wait_status(page, "Answered")
            finally:
                await browser.close()
        audit = [e.action for e in s.relay.audit.latest(100) if e.kind == "notification"]
        assert "approver_registered" in audit and audit.count("approve") == 2
