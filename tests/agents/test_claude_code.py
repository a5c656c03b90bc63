"""The real Claude Code, driven through the supervisor against a fake Messages API on loopback.

Opt-in (``scripts/test --agents``, which installs the pinned CLI first): the binary
is large. No account and no network beyond 127.0.0.1: ``ANTHROPIC_BASE_URL`` points
at :class:`tests.agents.fake_anthropic.FakeAnthropic`.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.agents.fake_anthropic import FakeAnthropic, RunBash, Say
from tests.agents.rig import BIN, rig
from tests.support import eventually

pytestmark = pytest.mark.agents
CLAUDE = BIN / "claude"


async def test_claude_codes_first_run_and_bash_approval_are_detected_and_answered(
    tmp_path: Path,
) -> None:
    if not CLAUDE.exists():
        pytest.skip("Claude Code is not installed: run scripts/agent-deps")
    fake = await FakeAnthropic([RunBash("echo tether-ok > proof.txt"), Say("Done.")]).start()
    env = {
        "ANTHROPIC_BASE_URL": fake.url,
        "ANTHROPIC_AUTH_TOKEN": "fake-token-for-a-loopback-server",
        "DISABLE_AUTOUPDATER": "1",
        "DISABLE_TELEMETRY": "1",
        "DISABLE_ERROR_REPORTING": "1",
        "CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC": "1",
    }
    try:
        async with rig(tmp_path, CLAUDE, env) as r:
            await r.start([str(CLAUDE), "--permission-mode", "default"])

            theme = await r.prompt("the theme picker")
            assert theme["kind"] == "choice"
            assert "Dark mode" in [o["label"] for o in theme["options"]]
            assert (await r.answer(theme, "Dark mode"))["prompt_gone"]

            notes = await r.prompt("the security notes")
            assert notes["kind"] == "press_enter"
            assert (await r.answer(notes, ""))["prompt_gone"]

            trust = await r.prompt("the trust dialog")
            assert trust["kind"] == "choice"
            assert "Yes, I trust this folder" in [o["label"] for o in trust["options"]]
            assert (await r.answer(trust, "Yes, I trust this folder"))["prompt_gone"]

            await r.idle()  # its input box is not a prompt
            await r.call("send_message", session_id=r.session_id, text="Create the proof file")
            # Announced by the real HTTP hook, then confirmed (options, keys) by the screen.
            approval = await r.prompt("the Bash approval", source="screen_rule:claude.permission")
            assert approval["source"].startswith("hook:PermissionRequest"), approval["source"]
            assert approval["kind"] == "choice"
            assert approval["question"] == "Do you want to proceed?"
            assert [o["label"] for o in approval["options"]][0] == "Yes"
            assert (await r.answer(approval, "Yes"))["prompt_gone"]

            await eventually(fake.tool_results, timeout=60, what="the tool result")
            assert fake.tool_results()[0]["tool_use_id"] == "toolu_0001"
            assert (r.project / "proof.txt").read_text() == "tether-ok\n"
    finally:
        await fake.close()
