"""The real aider, driven through the supervisor against a fake Chat Completions API on loopback.

Opt-in (``scripts/test --agents``, which installs the pinned aider into its own cached
venv, ``tests/agents/.aider-venv``: its dependencies are heavy and stay out of Tether's).
``--openai-api-base`` points at :class:`tests.agents.fake_openai.FakeOpenAI`.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from tests.agents.fake_anthropic import Say
from tests.agents.fake_openai import FakeOpenAI
from tests.agents.rig import rig
from tests.support import eventually

pytestmark = pytest.mark.agents
AIDER = Path(__file__).parent / ".aider-venv" / "bin" / "aider"

MENTION = Say("To do that I need to see notes.txt first.")
EDIT_AND_RUN = Say(
    "Here is the new file.\n\n"
    "hello.py\n```python\n<<<<<<< SEARCH\n=======\nprint('hello')\n>>>>>>> REPLACE\n```\n\n"
    "Then write the proof:\n\n```bash\necho tether-ok > proof.txt\n```\n"
)


@pytest.mark.parametrize("line_input", ["--fancy-input", "--no-fancy-input"])
async def test_aiders_questions_are_detected_answered_and_not_reported_again(
    tmp_path: Path, line_input: str
) -> None:
    """Both of aider's line inputs: prompt_toolkit's (raw mode, the default; the letter is
    echoed before Enter) and plain ``input()`` (the terminal's canonical mode)."""
    if not AIDER.exists():
        pytest.skip("aider is not installed: run scripts/agent-deps")
    fake = await FakeOpenAI(chat_script=[MENTION, EDIT_AND_RUN, Say("Done.")]).start()
    env = {"OPENAI_API_KEY": "fake-key-for-a-loopback-server"}
    try:
        async with rig(tmp_path, AIDER, env) as r:
            # aider offers files to the chat only from a git repository's tracked files.
            (r.project / "notes.txt").write_text("Write a hello script.\n")
            for git in (["init", "-q"], ["add", "notes.txt"]):
                subprocess.run(["git", "-C", str(r.project), *git], check=True)
            argv = [str(AIDER), "--openai-api-base", fake.url, "--model", "openai/fake-model"]
            argv += ["--edit-format", "diff", "--no-check-update", "--no-show-release-notes"]
            argv += [
                "--no-analytics",
                "--no-show-model-warnings",
                "--no-auto-commits",
                line_input,
            ]
            await r.start(argv)

            gitignore = await r.prompt("the .gitignore question")
            assert gitignore["kind"] == "yes_no"
            assert [o["label"] for o in gitignore["options"]][:2] == ["Yes", "No"]
            assert (await r.answer(gitignore, "Yes"))["prompt_gone"]

            await r.idle()  # its input line is not a prompt
            await r.call("send_message", session_id=r.session_id, text="Write the hello script")

            add = await r.prompt("the add-file question")
            assert add["kind"] == "yes_no"
            assert "Add file to the chat?" in add["question"]
            assert [o["label"] for o in add["options"]] == ["Yes", "No", "Don't ask again"]
            assert (await r.answer(add, "Yes"))["prompt_gone"]

            create = await r.prompt("the create-file question")
            assert create["prompt_id"] != add["prompt_id"]
            assert "Create new file?" in create["question"]
            assert [o["label"] for o in create["options"]] == ["Yes", "No"]
            assert (await r.answer(create, "Yes"))["prompt_gone"]
            assert (r.project / "hello.py").read_text() == "print('hello')\n"

            run = await r.prompt("the shell-command question")
            assert "Run shell command?" in run["question"]
            assert [o["label"] for o in run["options"]][:2] == ["Yes", "No"]
            assert (await r.answer(run, "Yes"))["prompt_gone"]
            proof = r.project / "proof.txt"
            await eventually(proof.exists, timeout=60, what="the command's file")
            assert proof.read_text() == "tether-ok\n"

            # The answered questions stay in the scrollback; none is reported again.
            await r.idle()
            logs = (await r.call("get_logs", session_id=r.session_id))["text"]
            assert "Run shell command? (Y)es/(N)o/(D)on't ask again [Yes]: y" in logs
    finally:
        await fake.close()
