"""What the dashboard asks of the hub: the same commands the MCP tools send, as plain data.

Every request body is validated here with pydantic (the dashboard is a public
page; its input is untrusted), then becomes one ``shared.protocol`` command sent
through :meth:`server.hub.Hub.call`, exactly as ``list_sessions``,
``create_session``, ``send_message``, ``send_keys``, ``respond_to_prompt`` and
``terminate_session`` do. The supervisor's policy decides what may start; the
relay decides nothing on its own. Errors stay ``shared.errors.TetherError``;
the routes turn them into JSON with :func:`error_text`.
"""

from __future__ import annotations

import asyncio
import re
import secrets
from typing import Annotated, Any, TypeVar

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from server.hub import Hub
from shared import protocol as wire
from shared.errors import CommandFailed, HostOffline, TetherError
from shared.protocol import (
    HOST_NAME_PATTERN,
    MAX_KEYS_PER_CALL,
    MAX_TEXT_CHARS,
    SESSION_ID_PATTERN,
    Key,
    SessionState,
)
from shared.text_checks import PROMPT_ID_PATTERN, printable

CALL_TIMEOUT = 15.0
_HINT = "use the key bar for Esc, Ctrl-C, Tab and arrows"


def _printable(allow: str) -> AfterValidator:
    return printable(allow, _HINT)


class _Body(BaseModel):
    model_config = ConfigDict(extra="forbid")


class TextBody(_Body):
    text: Annotated[str, Field(max_length=MAX_TEXT_CHARS), _printable("\n\t")]
    enter: bool = True


class KeysBody(_Body):
    keys: list[Key] = Field(min_length=1, max_length=MAX_KEYS_PER_CALL)


class AnswerBody(_Body):
    answer: Annotated[str, Field(max_length=MAX_TEXT_CHARS), _printable("")]


class StartBody(_Body):
    host: Annotated[str, Field(pattern=HOST_NAME_PATTERN)]
    cwd: Annotated[str | None, Field(max_length=4096), _printable("")] = None
    name: Annotated[str | None, Field(max_length=200), _printable("")] = None


def valid_session_id(value: str) -> bool:
    return re.fullmatch(SESSION_ID_PATTERN, value) is not None


def valid_prompt_id(value: str) -> bool:
    return re.fullmatch(PROMPT_ID_PATTERN, value) is not None


R = TypeVar("R", bound=wire.Reply)


def _expect(reply: wire.Reply, kind: type[R]) -> R:
    if not isinstance(reply, kind):
        raise TetherError(f"The computer answered {reply.type!r} instead of {kind.__name__}.")
    return reply


def error_text(exc: TetherError) -> str:
    """The message the dashboard shows: what happened and what to do."""
    if isinstance(exc, CommandFailed):
        return f"The computer refused ({exc.code.value}): {exc}"
    return str(exc)


def _rid() -> str:
    return secrets.token_urlsafe(18)


def _prompt(p: wire.Prompt, host: str) -> dict[str, Any]:
    return {**p.model_dump(mode="json"), "host": host}


def _session(info: wire.SessionInfo, host: str, online: bool) -> dict[str, Any]:
    return {**info.model_dump(mode="json"), "host": host, "host_online": online, "prompts": []}


async def overview(hub: Hub) -> dict[str, Any]:
    """Hosts (online, last seen) and sessions, those waiting on a prompt first."""
    hosts = await hub.hosts()
    sessions: list[dict[str, Any]] = []
    problems: list[str] = []

    async def one(name: str) -> None:
        try:
            listed = await hub.call(
                wire.ListSessions(request_id=_rid()), host=name, timeout=CALL_TIMEOUT
            )
            checked = await hub.call(
                wire.CheckPrompts(request_id=_rid()), host=name, timeout=CALL_TIMEOUT
            )
        except TetherError as exc:
            problems.append(f"{name}: {error_text(exc)}")
            return
        by_id: dict[str, dict[str, Any]] = {}
        if isinstance(listed, wire.SessionsListed):
            for info in listed.sessions:
                by_id[info.session_id] = _session(info, name, True)
        if isinstance(checked, wire.PromptsChecked):
            for p in checked.prompts:
                if p.session_id in by_id:
                    by_id[p.session_id]["prompts"].append(_prompt(p, name))
        sessions.extend(by_id.values())

    await asyncio.gather(*(one(h.name) for h in hosts if h.online))
    for h in hosts:
        if not h.online:
            for info in await hub.stored_sessions(h.name):
                sessions.append(_session(info, h.name, False))
    order = {
        SessionState.WAITING_FOR_INPUT.value: 0,
        SessionState.WORKING.value: 1,
        SessionState.STARTING.value: 1,
        SessionState.IDLE.value: 2,
        SessionState.EXITED.value: 3,
    }
    sessions.sort(
        key=lambda s: (0 if s["prompts"] else 1, order.get(s["state"], 2), -s["state_since"])
    )
    return {
        "hosts": [{"name": h.name, "online": h.online, "last_seen": h.last_seen} for h in hosts],
        "sessions": sessions,
        "problems": sorted(problems),
    }


async def session_status(hub: Hub, session_id: str) -> dict[str, Any]:
    """One session and its prompts; from the relay's copy when its computer is offline."""
    try:
        reply = await hub.call(
            wire.GetStatus(request_id=_rid(), session_id=session_id),
            session_id=session_id,
            timeout=CALL_TIMEOUT,
        )
    except HostOffline:
        kept = hub.store.session(session_id)
        if kept is None or kept.info is None:
            raise
        return {"session": _session(kept.info, kept.host, False), "offline": True}
    host = hub.host_of(session_id) or ""
    status = _expect(reply, wire.StatusRead)
    out = _session(status.session, host, True)
    out["prompts"] = [_prompt(p, host) for p in status.prompts]
    return {"session": out, "offline": False}


async def start(hub: Hub, body: StartBody) -> dict[str, Any]:
    cmd = wire.StartSession(request_id=_rid(), cwd=body.cwd, name=body.name)
    reply = _expect(await hub.call(cmd, host=body.host, timeout=CALL_TIMEOUT), wire.SessionStarted)
    return {"session": _session(reply.session, body.host, True)}


async def stop(hub: Hub, session_id: str) -> dict[str, Any]:
    cmd = wire.StopSession(request_id=_rid(), session_id=session_id)
    reply = _expect(
        await hub.call(cmd, session_id=session_id, timeout=CALL_TIMEOUT), wire.SessionStopped
    )
    return {"session": _session(reply.session, hub.host_of(session_id) or "", True)}


async def send_text(hub: Hub, session_id: str, body: TextBody) -> dict[str, Any]:
    # SendInput writes the text, then Enter as a separate write (as send_message does).
    cmd = wire.SendInput(request_id=_rid(), session_id=session_id, text=body.text, enter=body.enter)
    reply = _expect(
        await hub.call(cmd, session_id=session_id, timeout=CALL_TIMEOUT), wire.InputSent
    )
    return {"bytes_written": reply.bytes_written}


async def press(hub: Hub, session_id: str, body: KeysBody) -> dict[str, Any]:
    cmd = wire.SendKeys(request_id=_rid(), session_id=session_id, keys=body.keys)
    reply = _expect(await hub.call(cmd, session_id=session_id, timeout=CALL_TIMEOUT), wire.KeysSent)
    return {"bytes_written": reply.bytes_written}


async def answer(hub: Hub, prompt_id: str, body: AnswerBody) -> dict[str, Any]:
    session_id = prompt_id.rsplit(":", 1)[0]
    cmd = wire.AnswerPrompt(request_id=_rid(), prompt_id=prompt_id, answer=body.answer)
    reply = _expect(
        await hub.call(cmd, session_id=session_id, timeout=CALL_TIMEOUT), wire.PromptAnswered
    )
    return reply.model_dump(mode="json", exclude={"type", "request_id"})
