"""The real Gemini CLI, driven through the supervisor against a fake Gemini API on loopback.

Opt-in (``scripts/test --agents``). ``GOOGLE_GEMINI_BASE_URL`` points at
:class:`tests.agents.fake_gemini.FakeGemini`; ``GEMINI_API_KEY`` is a dummy.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.agents.fake_anthropic import Say
from tests.agents.fake_gemini import FakeGemini, RunShell
from tests.agents.rig import BIN, rig
from tests.support import eventually

pytestmark = pytest.mark.agents
GEMINI = BIN / "gemini"


async def test_gemini_clis_first_run_and_shell_approval_are_detected_and_answered(
    tmp_path: Path,
) -> None:
    if not GEMINI.exists():
        pytest.skip("Gemini CLI is not installed: run scripts/agent-deps")
    fake = await FakeGemini([RunShell("echo tether-ok > proof.txt"), Say("Done.")]).start()
    env = {"GEMINI_API_KEY": "fake-key-for-a-loopback-server", "GOOGLE_GEMINI_BASE_URL": fake.url}
    try:
        async with rig(tmp_path, GEMINI, env) as r:
            await r.start([str(GEMINI)])

            trust = await r.prompt("the trust dialog")
            assert trust["kind"] == "choice"
            assert trust["question"] == "Do you trust the files in this folder?"
            assert (await r.answer(trust, "Trust folder (project)"))["prompt_gone"]

            auth = await r.prompt("the sign-in method")  # after the CLI restarted itself
            logs = (await r.call("get_logs", session_id=r.session_id))["text"]
            why = ("restarting" in logs, logs.count("Do you trust the files"), logs[-600:])
            assert "Use Gemini API Key" in [o["label"] for o in auth["options"]], why
            assert (await r.answer(auth, "Use Gemini API Key"))["prompt_gone"]

            key = await r.prompt("the API key field")
            assert key["kind"] == "secret"  # never typed through the relay; Enter keeps the env key
            await r.call("send_keys", session_id=r.session_id, keys=["enter"])

            await r.idle()  # its input box is not a prompt
            await r.call("send_message", session_id=r.session_id, text="Create the proof file")
            approval = await r.prompt("the shell approval")
            assert approval["kind"] == "choice"
            assert approval["question"].startswith("Allow execution of")
            assert [o["label"] for o in approval["options"]][0] == "Allow once"
            assert (await r.answer(approval, "Allow once"))["prompt_gone"]

            await eventually(fake.function_responses, timeout=60, what="the function response")
            assert fake.function_responses()[0]["name"] == "run_shell_command"
            assert (r.project / "proof.txt").read_text() == "tether-ok\n"
    finally:
        await fake.close()
