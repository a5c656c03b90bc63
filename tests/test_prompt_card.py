"""The approval card (MCP Apps): its resource and metadata, and real taps in headless Chromium.

The browser tests run a real supervisor agent with the mock agent in a real
PTY, the tools of ``shared.mcp.tools`` on a FastMCP server reached by a real
fastmcp client, and a stand-in host page (``tests/card_host.py``) that speaks
the host side of the MCP Apps bridge to the card in a sandboxed frame.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import tempfile
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
from fastmcp import Client, FastMCP

from shared.mcp.prompt_card import CARD_URI, card_html, register_prompt_card
from shared.mcp.tools import register_tools
from supervisor.command_runner import CommandRunner
from supervisor.local_mcp import LocalBackend
from supervisor.session_manager import SessionManager
from tests.browser_support import browser_missing, phone_browser, screenshot_dir, tidy_frame
from tests.card_host import CardHost, card_host
from tests.support import eventually, scaled

RELAY = "https://relay.example"
browser = pytest.mark.skipif(browser_missing() is not None, reason=str(browser_missing()))


WORK: dict[str, Path] = {}


@pytest.fixture
async def mcp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[Client[Any]]:
    # A short folder path, so the mock agent's menus do not wrap it (the docs' screenshots).
    short = Path(tempfile.mkdtemp(prefix="t"))
    work = (short / "api").resolve()
    work.mkdir()
    WORK["now"] = work
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("TETHER_HOME", str(home))
    (home / "policy.toml").write_text(
        f'roots = ["{work.resolve()}"]\ncommands = ["tether:mock-agent"]\nmax_sessions = 4\n'
        'default_command = ["tether:mock-agent", "--work-seconds", "0"]\n'
    )
    manager = SessionManager(environ=dict(os.environ))
    server = FastMCP("tether-test")
    register_tools(server, LocalBackend(CommandRunner(manager), "laptop"))
    register_prompt_card(server, RELAY)
    try:
        async with Client(server, timeout=scaled(30)) as client:
            yield client
    finally:
        await asyncio.wait_for(manager.close_all(), scaled(30))
        shutil.rmtree(short, ignore_errors=True)


async def _prompt_after(
    client: Client[Any], sid: str, text: str, old: str | None = None
) -> dict[str, Any]:
    await client.call_tool("send_message", {"session_id": sid, "text": text, "wait_seconds": 0})

    async def pending() -> dict[str, Any] | None:
        prompts = await _sc(client, "check_prompts", {"session_id": sid})
        fresh = [p for p in prompts["prompts"] if p["prompt_id"] != old]
        return fresh[0] if fresh else None

    return await eventually(pending, 20, f"a prompt after {text!r}")


async def _session(client: Client[Any]) -> str:
    created = await _sc(client, "create_session", {"name": "api-server"})
    sid: str = created["session"]["session_id"]

    async def ready() -> bool:
        logs = await _sc(client, "get_logs", {"session_id": sid, "mode": "screen"})
        return "Welcome to Mock Claude" in logs["text"]

    await eventually(ready, 20, "the mock agent's banner")
    return sid


async def _sc(client: Client[Any], tool: str, args: dict[str, Any]) -> dict[str, Any]:
    """The tool's structured result (a failed call raises)."""
    return dict((await client.call_tool(tool, args)).structured_content or {})


# ---------------------------------------------------------------- without a browser


async def test_the_prompt_tools_link_the_card_and_other_tools_do_not(mcp: Client[Any]) -> None:
    tools = {t.name: t for t in await mcp.list_tools()}
    linked = {n for n, t in tools.items() if (t.meta or {}).get("ui", {}).get("resourceUri")}
    assert linked == {"check_prompts", "get_session_status", "send_message"}
    assert tools["check_prompts"].meta["ui"]["resourceUri"] == CARD_URI  # type: ignore[index]


async def test_the_card_is_an_mcp_app_resource_with_a_csp_that_allows_no_origin(
    mcp: Client[Any],
) -> None:
    listed = {str(r.uri): r for r in await mcp.list_resources()}
    card = listed[CARD_URI]
    assert card.mime_type == "text/html;profile=mcp-app"
    csp = (card.meta or {})["ui"]["csp"]
    assert csp == {"connectDomains": [], "resourceDomains": []}
    html = (await mcp.read_resource(CARD_URI))[0].text  # type: ignore[union-attr]
    assert "default-src 'none'; script-src 'sha256-" in html
    assert '"approve_base": "https://relay.example"' in html
    assert "http://" not in html.split("<script>")[0] and "<script src" not in html


def test_the_relay_address_cannot_close_the_cards_script_element() -> None:
    html = card_html("https://evil.example/</script><script>alert(1)//")
    assert "</script><script>alert(1)" not in html
    assert "\\u003c/script>" in html


async def test_tool_results_are_the_same_structured_data_with_the_card_linked(
    mcp: Client[Any],
) -> None:
    sid = await _session(mcp)
    result = await _sc(mcp, "get_session_status", {"session_id": sid})
    assert set(result) == {
        "session",
        "prompts",
        "last_message",
        "untrusted_output",
        "note",
    }


# ---------------------------------------------------------------- in a real browser


async def _open_card(context: Any, host: CardHost) -> Any:
    page = await context.new_page()
    await page.goto(host.url)
    return page, page.frame_locator("iframe#card")


@pytest.mark.browser
@browser
async def test_one_tap_on_the_card_answers_a_real_mock_agent_prompt(
    mcp: Client[Any], tmp_path: Path
) -> None:
    shots = screenshot_dir(tmp_path)
    sid = await _session(mcp)
    prompt = await _prompt_after(mcp, sid, "run tests")
    async with card_host(mcp) as host, phone_browser() as context:
        await host.show("check_prompts", {"session_id": sid})
        page, card = await _open_card(context, host)
        section = card.locator(f'section[data-prompt-id="{prompt["prompt_id"]}"]')
        await section.wait_for(timeout=scaled(20) * 1000)
        assert "laptop" in await section.locator(".where").inner_text()
        assert "npm test" in await section.locator("pre.context").inner_text()
        assert await card.locator("pre.screen").inner_text(timeout=scaled(20) * 1000)
        await card.locator("pre.screen:has-text('Do you want to proceed?')").wait_for(
            timeout=scaled(20) * 1000
        )
        await tidy_frame(page.frames[1], WORK["now"])
        await page.screenshot(path=str(shots / "card-prompt.png"))
        await section.locator('button[data-answer="1"]').tap()
        await card.locator(".status.ok").wait_for(timeout=scaled(20) * 1000)
        assert "Answered" in await card.locator(".status.ok").inner_text()
        await tidy_frame(page.frames[1], WORK["now"])
        await page.screenshot(path=str(shots / "card-answered.png"))
        calls = [(c["name"], c["arguments"]) for c in await page.evaluate("window.toolCalls")]
        assert ("respond_to_prompt", {"prompt_id": prompt["prompt_id"], "answer": "1"}) in calls

    async def chose() -> bool:
        logs = await _sc(mcp, "get_logs", {"session_id": sid, "mode": "screen"})
        return "Chose: Yes" in logs["text"]

    await eventually(chose, 20, "the mock agent acting on the tapped answer")


@pytest.mark.browser
@browser
async def test_a_tap_on_a_prompt_that_changed_is_refused_and_the_new_prompt_shown(
    mcp: Client[Any],
    tmp_path: Path,
) -> None:
    shots = screenshot_dir(tmp_path)
    sid = await _session(mcp)
    first = await _prompt_after(mcp, sid, "run tests")
    async with card_host(mcp) as host, phone_browser() as context:
        await host.show("check_prompts", {"session_id": sid})
        page, card = await _open_card(context, host)
        await card.locator(f'section[data-prompt-id="{first["prompt_id"]}"]').wait_for(
            timeout=scaled(20) * 1000
        )
        # Meanwhile the prompt is answered elsewhere and the agent asks something new.
        await mcp.call_tool("respond_to_prompt", {"prompt_id": first["prompt_id"], "answer": "3"})
        second = await _prompt_after(mcp, sid, "run tests", old=first["prompt_id"])
        await card.locator(
            f'section[data-prompt-id="{first["prompt_id"]}"] button[data-answer="1"]'
        ).tap()
        refused = card.locator(".status.refused")
        await refused.wait_for(timeout=scaled(20) * 1000)
        assert "Refused" in await refused.inner_text()
        fresh = card.locator(f'section[data-prompt-id="{second["prompt_id"]}"]')
        await fresh.wait_for(timeout=scaled(20) * 1000)
        assert "changed" in await fresh.locator(".status.changed").inner_text()
        await fresh.scroll_into_view_if_needed()
        await tidy_frame(page.frames[1], WORK["now"])
        await page.screenshot(path=str(shots / "card-refused.png"))

    screen = await _sc(mcp, "get_logs", {"session_id": sid, "mode": "screen"})
    assert "Do you want to proceed?" in screen["text"]  # still waiting


@pytest.mark.browser
@browser
async def test_a_dangerous_prompt_offers_approval_on_the_phone_instead_of_a_button(
    mcp: Client[Any],
    tmp_path: Path,
) -> None:
    shots = screenshot_dir(tmp_path)
    sid = await _session(mcp)
    prompt = await _prompt_after(mcp, sid, "run rm -rf build")
    assert prompt["kind"] == "confirm_dangerous", prompt
    async with card_host(mcp) as host, phone_browser() as context:
        await host.show("get_session_status", {"session_id": sid})
        page, card = await _open_card(context, host)
        section = card.locator(f'section[data-prompt-id="{prompt["prompt_id"]}"]')
        await section.wait_for(timeout=scaled(20) * 1000)
        phone = section.locator("button.phone").first
        assert "approve on your phone" in await phone.inner_text()
        assert await section.locator("button.option:not(.phone)").count() >= 1  # "No" stays
        await tidy_frame(page.frames[1], WORK["now"])
        await page.screenshot(path=str(shots / "card-dangerous.png"))
        await phone.tap()
        await page.wait_for_function("window.openedLinks.length > 0", timeout=scaled(20) * 1000)
        links = await page.evaluate("window.openedLinks")
        assert links == [f"{RELAY}/approve/{prompt['prompt_id']}"]
        calls = await page.evaluate("window.toolCalls")
        assert not any(c["name"] == "respond_to_prompt" for c in calls)


@pytest.mark.browser
@browser
async def test_send_message_shows_the_card_only_when_it_ends_at_a_prompt(mcp: Client[Any]) -> None:
    sid = await _session(mcp)
    async with card_host(mcp) as host, phone_browser() as context:
        sent = await host.show("send_message", {"session_id": sid, "text": "run tests"})
        assert sent["structuredContent"]["state"] == "waiting_for_input"
        page, card = await _open_card(context, host)
        await card.locator("section.prompt h1", has_text="Do you want to proceed?").wait_for(
            timeout=scaled(20) * 1000
        )
        await page.close()
        await mcp.call_tool("send_keys", {"session_id": sid, "keys": ["esc"]})
        quiet = await host.show(
            "send_message", {"session_id": sid, "text": "hello", "wait_seconds": 2}
        )
        assert quiet["structuredContent"]["prompts"] == []
        page, card = await _open_card(context, host)
        await card.locator("main#card:empty").wait_for(state="attached", timeout=scaled(20) * 1000)
