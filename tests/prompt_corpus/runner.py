"""Run corpus cases end to end through the supervisor and score them.

Every case is a real program in a real PTY session of a real :class:`Agent`,
driven only through the MCP tools a phone's assistant uses (in-process FastMCP
client on the local server): ``create_session``, then ``check_prompts`` until a
prompt shows (or, for a look-alike, for the whole watch window), then
``respond_to_prompt`` with the case's answer, then ``get_logs`` until the
program prints ``ANSWER=...``. Nothing here knows how detection works.

Scores per split (dev / held_out / held_out_2 / held_out_3):

* recall: positives reported as a prompt at all;
* kind right: of those, the expected kind (for a secret that only the answer's echo
  probe revealed, the kind read after ``respond_to_prompt`` refused it);
* false positives: look-alikes reported at any moment of the watch window;
* options right: the expected option labels, in order, for cases that list them;
* answered: the answer was delivered and the program printed the expected value
  (secrets: ``respond_to_prompt`` refused them, as it must).
"""

from __future__ import annotations

import asyncio
import json
import os
import re
import sys
import tempfile
import time
from collections.abc import AsyncIterator, Iterable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from fastmcp import Client

from supervisor.command_runner import CommandRunner
from supervisor.local_mcp import build_local_server
from supervisor.session_manager import SessionManager
from tests.prompt_corpus.cases import Case

DETECT_TIMEOUT = 10.0  # seconds a positive may take to be reported (node starts slowly)
WATCH = 3.0  # seconds a look-alike is watched after its first output
ANSWER_TIMEOUT = 8.0
POLL = 0.1
# held_out_2 and held_out_3: each written after the last tuning of its time
SPLITS = (
    "dev",
    "held_out",
    "held_out_2",
    "held_out_3",
    "held_out_4",
    "held_out_5",
    "held_out_6",
    "held_out_7",
    "held_out_8",
    "held_out_9",
    "held_out_10",
    "held_out_11",
    "held_out_12",
    "held_out_13",
)
_ANSWER_LINE = re.compile(r"ANSWER=(.*)")
_NUMBER_PREFIX = re.compile(r"^\(?\d+[.)]?\s+")


@dataclass
class Result:
    case: Case
    detected: bool = False
    kind: str | None = None
    options: list[str] = field(default_factory=list)
    source: str = ""
    confidence: float = 0.0
    question: str = ""
    answered: bool = False
    answer_note: str = ""
    screen: str = ""
    error: str = ""
    seconds: float = 0.0

    @property
    def kind_right(self) -> bool:
        return self.detected and self.kind == self.case.kind

    @property
    def options_right(self) -> bool:
        expected = self.case.options
        if expected is None:
            return True
        if not self.detected or len(self.options) != len(expected):
            return False
        if self.case.kind == "yes_no":  # a toggle shows "No / Yes": order is the program's
            return sorted(o.casefold() for o in self.options) == sorted(
                w.casefold() for w in expected
            )
        return all(
            _label_matches(got, want) for got, want in zip(self.options, expected, strict=True)
        )


def _label_matches(got: str, want: str) -> bool:
    got_f, want_f = got.casefold().strip(), want.casefold()
    return got_f == want_f or _NUMBER_PREFIX.sub("", got_f) == want_f


def answer_value(text: str) -> Any:
    """The value a program printed after ``ANSWER=``. A JSON string, list or object is
    read alone: a program that printed over an earlier row (a banner under its question)
    leaves that row's tail after it on the screen."""
    text = text.strip()
    try:
        if text[:1] in '"[{':
            return json.JSONDecoder().raw_decode(text)[0]
        return json.loads(text)
    except ValueError:
        return text


@asynccontextmanager
async def corpus_client(work: Path) -> AsyncIterator[Client[Any]]:
    """A local MCP client on a fresh agent whose policy allows the corpus programs."""
    home = work / "home"
    home.mkdir(parents=True, exist_ok=True)
    commands = [sys.executable, "node", "bash", "sh", "cat"]
    policy = home / "policy.toml"
    policy.write_text(
        f"roots = [{json.dumps(str(work))}]\ncommands = {json.dumps(commands)}\nmax_sessions = 16\n"
    )
    policy.chmod(0o600)
    env = {k: v for k, v in os.environ.items() if not k.startswith("TETHER_")}
    env["TETHER_HOME"] = str(home)
    env["TERM"] = "xterm-256color"
    manager = SessionManager(policy_file=policy, environ=env)
    agent = CommandRunner(manager, reaper=None)
    try:
        async with Client(build_local_server(agent, "corpus"), timeout=60) as client:
            yield client
    finally:
        await asyncio.wait_for(manager.close_all(), 30)


async def _call(client: Client[Any], tool: str, args: dict[str, Any]) -> dict[str, Any]:
    result = await client.call_tool(tool, args, raise_on_error=False)
    if result.is_error:
        text = result.content[0].text if result.content else "error"  # type: ignore[union-attr]
        raise ToolFailed(text)
    data = result.structured_content
    assert isinstance(data, dict)
    return data


class ToolFailed(Exception):
    pass


async def _prompts(client: Client[Any], session_id: str) -> list[dict[str, Any]]:
    data = await _call(client, "check_prompts", {"session_id": session_id})
    return list(data["prompts"])


async def _logs(client: Client[Any], session_id: str) -> str:
    data = await _call(client, "get_logs", {"session_id": session_id})
    return str(data.get("text", ""))


async def run_case(client: Client[Any], case: Case, work: Path) -> Result:
    result = Result(case)
    started = time.monotonic()
    try:
        created = await _call(
            client, "create_session", {"command": list(case.argv), "cwd": str(work)}
        )
        session_id = created["session"]["session_id"]
        try:
            if case.positive:
                await _run_positive(client, case, session_id, result)
            else:
                await _run_lookalike(client, session_id, result)
        finally:
            try:
                await _call(client, "terminate_session", {"session_id": session_id, "force": True})
            except ToolFailed:
                pass
    except ToolFailed as exc:
        result.error = str(exc)
    result.seconds = time.monotonic() - started
    return result


def _record(result: Result, prompt: dict[str, Any]) -> None:
    result.detected = True
    result.kind = prompt["kind"]
    result.options = [o["label"] for o in prompt.get("options", [])]
    result.source = prompt.get("source", "")
    result.confidence = float(prompt.get("confidence", 0.0))
    result.question = prompt.get("question", "")


async def _first_prompt(
    client: Client[Any], session_id: str, timeout: float
) -> dict[str, Any] | None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        prompts = await _prompts(client, session_id)
        if prompts:
            return prompts[0]
        await asyncio.sleep(POLL)  # noqa: sleep-ok - poll interval of a bounded wait
    return None


async def _run_positive(client: Client[Any], case: Case, session_id: str, result: Result) -> None:
    prompt = await _first_prompt(client, session_id, DETECT_TIMEOUT)
    if prompt is None:
        result.screen = await _logs(client, session_id)
        return
    # Take the prompt once its screen has settled: the one a person would answer.
    await asyncio.sleep(0.3)  # noqa: sleep-ok - let a redraw finish before reading
    prompt = (await _prompts(client, session_id) or [prompt])[0]
    _record(result, prompt)
    if case.kind == "secret":
        try:
            await _call(
                client, "respond_to_prompt", {"prompt_id": prompt["prompt_id"], "answer": "hunter2"}
            )
            result.answer_note = "a secret was typed through the relay"
        except ToolFailed as exc:
            result.answered = "password" in str(exc).lower() or "secret" in str(exc).lower()
            result.answer_note = "refused" if result.answered else str(exc)[:200]
            # A field found secret only by typing into it (it drew nothing) is reported
            # secret from then on: the kind is what the next read says.
            after = await _prompts(client, session_id)
            if result.answered and after and after[0]["prompt_id"] == prompt["prompt_id"]:
                result.kind = after[0]["kind"]
        return
    if case.answer is None:
        return
    try:
        reply = await _call(
            client, "respond_to_prompt", {"prompt_id": prompt["prompt_id"], "answer": case.answer}
        )
    except ToolFailed as exc:
        result.answer_note = f"refused: {exc}"[:300]
        result.screen = await _logs(client, session_id)
        return
    result.answer_note = f"sent {reply.get('sent')!r}, gone={reply.get('prompt_gone')}"
    deadline = time.monotonic() + ANSWER_TIMEOUT
    text = ""
    while time.monotonic() < deadline:
        text = await _logs(client, session_id)
        found = _ANSWER_LINE.findall(text)
        if found:
            got = answer_value(found[-1])
            result.answered = got == case.expect
            if not result.answered:
                result.answer_note += f"; program got {got!r}, wanted {case.expect!r}"
            return
        await asyncio.sleep(POLL)  # noqa: sleep-ok - poll interval of a bounded wait
    result.answer_note += "; the program never printed ANSWER="
    result.screen = text


async def _run_lookalike(client: Client[Any], session_id: str, result: Result) -> None:
    deadline = None
    hard = time.monotonic() + DETECT_TIMEOUT + WATCH
    while time.monotonic() < hard:
        prompts = await _prompts(client, session_id)
        if prompts:
            _record(result, prompts[0])
            result.screen = await _logs(client, session_id)
            return
        if deadline is None:
            if (await _logs(client, session_id)).strip():
                deadline = time.monotonic() + WATCH
        elif time.monotonic() >= deadline:
            return
        await asyncio.sleep(POLL)  # noqa: sleep-ok - poll interval of a bounded wait


async def run_cases(cases: Iterable[Case], jobs: int = 3) -> list[Result]:
    """Run ``cases`` (``jobs`` at a time) and return their results in the given order."""
    cases = list(cases)
    with tempfile.TemporaryDirectory(prefix="tether-corpus-") as tmp:
        work = Path(tmp).resolve()
        async with corpus_client(work) as client:
            gate = asyncio.Semaphore(jobs)

            async def one(case: Case) -> Result:
                async with gate:
                    return await run_case(client, case, work)

            return list(await asyncio.gather(*(one(c) for c in cases)))


# ---------------------------------------------------------------- scores


@dataclass
class Score:
    positives: int = 0
    detected: int = 0
    kind_right: int = 0
    lookalikes: int = 0
    false_positives: int = 0
    with_options: int = 0
    options_right: int = 0
    with_answer: int = 0
    answered: int = 0

    @staticmethod
    def of(results: Iterable[Result]) -> Score:
        s = Score()
        for r in results:
            if not r.case.positive:
                s.lookalikes += 1
                s.false_positives += r.detected
                continue
            s.positives += 1
            s.detected += r.detected
            s.kind_right += r.kind_right
            if r.case.options is not None:
                s.with_options += 1
                s.options_right += r.options_right
            if r.case.answer is not None or r.case.kind == "secret":
                s.with_answer += 1
                s.answered += r.answered
        return s

    def lines(self, name: str) -> list[str]:
        def ratio(a: int, b: int) -> str:
            return f"{a}/{b} = {a / b:.3f}" if b else "n/a"

        return [
            f"{name}: {self.positives} prompts, {self.lookalikes} look-alikes",
            f"  recall               {ratio(self.detected, self.positives)}",
            f"  kind right           {ratio(self.kind_right, self.positives)}",
            f"  false positives      {self.false_positives}/{self.lookalikes}",
            f"  options right        {ratio(self.options_right, self.with_options)}",
            f"  answers accepted     {ratio(self.answered, self.with_answer)}",
        ]


def report(results: list[Result], *, verbose: bool = False) -> str:
    out: list[str] = []
    for half in SPLITS:
        chosen = [r for r in results if r.case.half == half]
        if chosen:
            out += Score.of(chosen).lines(half)
    families: dict[str, list[Result]] = {}
    for r in results:
        families.setdefault(r.case.family, []).append(r)
    out.append("per family (recall, kind, options, answers; false positives for look-alikes):")
    for family, rs in sorted(families.items()):
        s = Score.of(rs)
        if s.positives:
            out.append(
                f"  {family:18} {s.detected}/{s.positives}  {s.kind_right}/{s.positives}  "
                f"{s.options_right}/{s.with_options}  {s.answered}/{s.with_answer}"
            )
        else:
            out.append(f"  {family:18} false positives {s.false_positives}/{s.lookalikes}")
    failures = [r for r in results if _failed(r)]
    if failures:
        out.append(f"{len(failures)} case(s) not fully right:")
        for r in failures:
            out.append(f"  [{r.case.half}] {r.case.id}: {_why(r)}")
            if verbose and r.screen:
                out += ["      | " + line for line in r.screen.rstrip().splitlines()[-14:]]
    return "\n".join(out)


def _failed(r: Result) -> bool:
    if not r.case.positive:
        return r.detected
    needs_answer = r.case.answer is not None or r.case.kind == "secret"
    return not (r.kind_right and r.options_right and (r.answered or not needs_answer))


def _why(r: Result) -> str:
    if r.error:
        return f"error: {r.error[:200]}"
    if not r.case.positive:
        return f"look-alike reported as {r.kind} ({r.source}): {r.question[:60]!r}"
    if not r.detected:
        return "not detected"
    parts = []
    if not r.kind_right:
        parts.append(f"kind {r.kind} (want {r.case.kind})")
    if not r.options_right:
        parts.append(f"options {r.options} (want {list(r.case.options or [])})")
    if not r.answered and (r.case.answer is not None or r.case.kind == "secret"):
        parts.append(f"answer: {r.answer_note}")
    return f"{'; '.join(parts)} [{r.source} {r.confidence:.2f}] q={r.question[:50]!r}"
