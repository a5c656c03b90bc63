"""The real Codex CLI, driven through the supervisor against a fake Responses API on loopback.

Opt-in (``scripts/test --agents``). Codex ignores base-URL environment variables: a
per-test ``CODEX_HOME/config.toml`` declares a custom provider pointing at
:class:`tests.agents.fake_openai.FakeOpenAI`, with a dummy key in the environment.
``--no-daemon`` keeps it from leaving a background server behind.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from tests.agents.fake_anthropic import Say
from tests.agents.fake_openai import FakeOpenAI, RunShell
from tests.agents.rig import BIN, rig
from tests.support import eventually

pytestmark = pytest.mark.agents
CODEX = BIN / "codex"


def _config(base_url: str) -> str:
    return f"""\
model = "fake-model"
model_provider = "fake"
check_for_update_on_startup = false

[model_providers.fake]
name = "Fake OpenAI"
base_url = "{base_url}"
wire_api = "responses"
env_key = "FAKE_OPENAI_API_KEY"
request_max_retries = 0
stream_max_retries = 0
"""


async def test_codexs_trust_dialog_and_shell_approval_are_detected_and_answered(
    tmp_path: Path,
) -> None:
    if not CODEX.exists():
        pytest.skip("Codex is not installed: run scripts/agent-deps")
    fake = await FakeOpenAI(
        responses_script=[RunShell("echo tether-ok > proof.txt"), Say("Done.")]
    ).start()
    codex_home = tmp_path / "codex-home"
    codex_home.mkdir()
    (codex_home / "config.toml").write_text(_config(fake.url))
    env = {"CODEX_HOME": str(codex_home), "FAKE_OPENAI_API_KEY": "fake-key-for-a-loopback-server"}
    try:
        async with rig(tmp_path, CODEX, env) as r:
            # Codex asks for trust only in a git repository.
            subprocess.run(["git", "init", "-q", str(r.project)], check=True)
            await r.start([str(CODEX), "--no-daemon", "--ask-for-approval", "on-request"])

            trust = await r.prompt("the trust dialog")
            assert trust["kind"] == "choice"
            assert trust["question"].startswith("Trust this folder?"), trust
            assert trust["source"] == "screen_rule:codex.trust"
            labels = [o["label"] for o in trust["options"]]
            assert labels == ["Trust and continue", "Back to Agent Command Center"]
            assert (await r.answer(trust, "Trust and continue"))["prompt_gone"]

            await r.idle()  # its composer is not a prompt
            await r.call("send_message", session_id=r.session_id, text="Create the proof file")
            approval = await r.prompt("the shell approval")
            assert approval["kind"] == "choice"
            assert approval["question"] == "Would you like to run the following command?"
            labels = [o["label"] for o in approval["options"]]
            assert labels[0] == "Yes, proceed (y)" and labels[-1].startswith("No"), labels
            assert approval["source"] == "screen_rule:codex.exec_approval"
            assert (await r.answer(approval, labels[0]))["prompt_gone"]

            outputs = await eventually(
                fake.function_call_outputs, timeout=60, what="the command's output"
            )
            assert [o["call_id"] for o in outputs] == fake.call_ids
            assert (r.project / "proof.txt").read_text() == "tether-ok\n"
    finally:
        await fake.close()
