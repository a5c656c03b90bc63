"""ChatGPT's ``search`` and ``fetch``: find sessions by text, then read one session's log.

ChatGPT's connectors (and deep research) look for two read-only tools with these
names: ``search(query)`` returns results with an ``id``, a ``title`` and a
``url`` to cite; ``fetch(id)`` returns that document's text. Here a document is
a session: search matches the query's words (all of them, any case) against
each session's name, command, folder, host and state, the prompt it waits on,
and the readable tail of its output; fetch returns a session's readable log.
Both carry terminal text, so both are marked untrusted.
"""

import asyncio
from typing import Annotated, Any, Literal

from fastmcp import FastMCP
from pydantic import BaseModel, Field

from shared import protocol as wire
from shared.backend import Backend, new_request_id
from shared.errors import HostOffline, TetherError
from shared.mcp.args import SessionIdArg
from shared.mcp.calls import (
    as_tool_error,
    call,
    each_online_host,
    host_of,
    offline_sessions,
    session_view,
    stored_logs,
)
from shared.mcp.conventions import READ_ONLY
from shared.mcp.results import UNTRUSTED_NOTE, SessionView, schema_without_default

MAX_RESULTS = 20
LOG_SCAN_SESSIONS = 20  # live sessions whose output tail a search reads
LOG_SCAN_BYTES = 32 * 1024
FETCH_BYTES = 64 * 1024


class SearchHit(BaseModel):
    id: str = Field(description="A session id: pass it to fetch.")
    title: str
    url: str
    kind: Literal["session", "prompt", "log"]
    snippet: str


class SearchResults(BaseModel):
    untrusted_output: Literal[True] = True
    note: str = Field(default=UNTRUSTED_NOTE, json_schema_extra=schema_without_default)
    results: list[SearchHit]
    problems: list[str]


class FetchedDocument(BaseModel):
    untrusted_output: Literal[True] = True
    note: str = Field(default=UNTRUSTED_NOTE, json_schema_extra=schema_without_default)
    id: str
    title: str
    text: str
    url: str
    metadata: dict[str, Any]


def _url(session_id: str) -> str:
    return f"tether://sessions/{session_id}/log"


def _title(s: SessionView) -> str:
    return f"{s.name} on {s.host or '?'} ({s.state.value})"


def _matches(words: list[str], text: str) -> bool:
    low = text.lower()
    return all(w in low for w in words)


def _line_with(words: list[str], text: str) -> str | None:
    for line in reversed(text.splitlines()):
        if any(w in line.lower() for w in words) and _matches(words, text):
            return line.strip()[:200]
    return None


async def _sessions(backend: Backend) -> tuple[list[SessionView], list[str]]:
    hosts, got, problems = await each_online_host(
        backend, None, wire.ListSessions, wire.SessionsListed, "sessions"
    )
    views = [session_view(i, name) for name, reply in got for i in reply.sessions]
    views += await offline_sessions(backend, [h for h in hosts if not h.online])
    return views, problems


async def _tail(backend: Backend, session_id: str, max_bytes: int) -> str:
    cmd = wire.ReadOutput(
        request_id=new_request_id(),
        session_id=session_id,
        mode=wire.ReadMode.TEXT,
        max_bytes=max_bytes,
    )
    try:
        return (await call(backend, cmd, wire.OutputRead, session_id=session_id)).text
    except HostOffline:
        kept = await stored_logs(backend, session_id, wire.ReadMode.SCREEN, None, max_bytes)
        if kept is None:
            raise
        return kept.text


def register_search_tools(mcp: FastMCP, backend: Backend) -> None:
    """Add ``search`` and ``fetch`` to ``mcp``, answered through ``backend``."""

    @mcp.tool(annotations=READ_ONLY)
    async def search(
        query: Annotated[
            str, Field(min_length=1, max_length=200, description="Words to look for.")
        ],
    ) -> SearchResults:
        """Search the user's terminal sessions (names, commands, folders, computers,
        pending prompts and recent output) for all the words of a query. Each result's
        id goes to fetch, which returns that session's log."""
        words = query.lower().split()
        with as_tool_error():
            views, problems = await _sessions(backend)
            _, got, more = await each_online_host(
                backend, None, wire.CheckPrompts, wire.PromptsChecked, "prompts"
            )
        problems += [p for p in more if p not in problems]
        hits: dict[str, SearchHit] = {}
        by_id = {v.session_id: v for v in views}
        for v in views:
            about = " ".join(
                [v.name, *v.command, v.cwd, v.host or "", v.state.value, v.state_reason]
            )
            if _matches(words, about):
                hits[v.session_id] = SearchHit(
                    id=v.session_id,
                    title=_title(v),
                    url=_url(v.session_id),
                    kind="session",
                    snippet=v.state_reason[:200],
                )
        for _, reply in got:
            for p in reply.prompts:
                text = " ".join([p.question, *p.context])
                view = by_id.get(p.session_id)
                if view is not None and p.session_id not in hits and _matches(words, text):
                    hits[p.session_id] = SearchHit(
                        id=p.session_id,
                        title=_title(view),
                        url=_url(p.session_id),
                        kind="prompt",
                        snippet=p.question[:200],
                    )
        live = [
            v for v in views if v.session_id not in hits and v.state is not wire.SessionState.EXITED
        ][:LOG_SCAN_SESSIONS]

        async def scan(v: SessionView) -> SearchHit | None:
            try:
                line = _line_with(words, await _tail(backend, v.session_id, LOG_SCAN_BYTES))
            except TetherError:
                return None
            if line is None:
                return None
            return SearchHit(
                id=v.session_id, title=_title(v), url=_url(v.session_id), kind="log", snippet=line
            )

        for hit in await asyncio.gather(*(scan(v) for v in live)):
            if hit is not None:
                hits[hit.id] = hit
        return SearchResults(results=list(hits.values())[:MAX_RESULTS], problems=problems)

    @mcp.tool(annotations=READ_ONLY)
    async def fetch(id: SessionIdArg) -> FetchedDocument:  # noqa: A002 - ChatGPT's name
        """Fetch one session's readable log (scrollback and screen, secrets redacted) by
        the id search returned, with its computer, folder, command and state."""
        with as_tool_error():
            text = await _tail(backend, id, FETCH_BYTES)
            where = await host_of(backend, id)
            views, _ = await _sessions(backend)
        view = next((v for v in views if v.session_id == id), None)
        meta: dict[str, Any] = {"host": where}
        if view is not None:
            meta.update(cwd=view.cwd, command=view.command, state=view.state.value)
        title = _title(view) if view is not None else id
        return FetchedDocument(id=id, title=title, text=text, url=_url(id), metadata=meta)
