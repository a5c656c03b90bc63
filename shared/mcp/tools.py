"""The MCP tool surface, defined once for every transport.

``register_tools(mcp, backend)`` adds Tether's tools to a FastMCP server. The
relay passes its hub (HTTP transport); the supervisor's local stdio mode passes
a backend that talks to its own sessions. Tools only build protocol commands,
call the :class:`Backend`, and shape replies into typed results.

Error contract: every ``shared.errors.TetherError`` raised below becomes a
``fastmcp.exceptions.ToolError`` in exactly one place (:func:`as_tool_error`,
in :mod:`shared.mcp.calls` with the other plumbing; result models are in
:mod:`shared.mcp.results`), with a message a person can act on. Bad
arguments never reach a tool body: the signatures carry pydantic constraints,
so FastMCP answers with a validation error naming the field.

Terminal output and prompt text come from programs on the user's computer and
may contain text crafted to steer a language model, so every result that
carries them says ``untrusted_output: true`` with a one-line note.
"""

from typing import Annotated

from fastmcp import Context, FastMCP
from mcp.types import ToolAnnotations
from pydantic import Field

from shared import protocol as wire
from shared.backend import Backend, DeliveryStatus, new_request_id
from shared.commands.resize_session import (
    MAX_COLS,
    MAX_ROWS,
    MIN_COLS,
    MIN_ROWS,
    ResizeSession,
    SessionResized,
)
from shared.commands.sessions import MAX_WATCH_TURNS
from shared.errors import CommandFailed, HostOffline, TetherError
from shared.mcp.args import (
    PROMPT_ID_PATTERN,
    AnswerArg,
    ArgvItem,
    HostArg,
    NameArg,
    PathArg,
    SessionIdArg,
    TextArg,
)
from shared.mcp.calls import (
    DEFAULT_SEND_WAIT,
    MAX_SEND_WAIT,
    as_tool_error,
    call,
    each_online_host,
    ended_sessions,
    host_of,
    host_view,
    offline_sessions,
    payload,
    prompt_view,
    relay_copy,
    session_view,
    stored_logs,
    wait_and_read,
    with_ended,
)
from shared.mcp.digest_tools import register_digest_tools
from shared.mcp.keys import ClientKeyArg, keyed
from shared.mcp.orchestration_tools import register_orchestration_tools
from shared.mcp.prompt_card import CARD_APP
from shared.mcp.resources import register_resources
from shared.mcp.results import (
    DeliveryChecked,
    KeysPressed,
    Logs,
    MessageSent,
    PromptList,
    PromptResponse,
    SessionCreated,
    SessionList,
    SessionStatus,
    SessionTerminated,
    TerminalResized,
)
from shared.protocol import (
    MAX_KEY_REPEAT,
    MAX_KEYS_PER_CALL,
    MAX_READ_BYTES,
    TEXT_CURSOR_PATTERN,
    ErrorCode,
    Key,
    ReadMode,
)

__all__ = ["register_tools"]

# ---------------------------------------------------------------- the tools

_READ = ToolAnnotations(
    read_only_hint=True, destructive_hint=False, idempotent_hint=True, open_world_hint=False
)


def _act(*, destructive: bool, idempotent: bool = False) -> ToolAnnotations:
    # openWorld: these reach a real program on the user's computer, whose effects go beyond Tether.
    return ToolAnnotations(
        read_only_hint=False,
        destructive_hint=destructive,
        idempotent_hint=idempotent,
        open_world_hint=True,
    )


def register_tools(mcp: FastMCP, backend: Backend) -> None:
    """Add Tether's tools to ``mcp``, each answered through ``backend``."""

    @mcp.tool(annotations=_READ)
    async def list_sessions(
        host: Annotated[
            HostArg | None, Field(description="Only this computer. Omit for all of them.")
        ] = None,
        include_ended: Annotated[
            bool, Field(description="Also list ended sessions, each with a one-line summary.")
        ] = False,
    ) -> SessionList:
        """List the user's computers (online or not, last seen) and their terminal
        sessions. Start here."""
        with as_tool_error():
            hosts, got, problems = await each_online_host(
                backend, host, wire.ListSessions, wire.SessionsListed, "sessions"
            )
            sessions = [session_view(info, name) for name, reply in got for info in reply.sessions]
            sessions += await ended_sessions(backend, got)
            sessions += await offline_sessions(backend, [h for h in hosts if not h.online])
            sessions = await with_ended(backend, host, sessions, include_ended, problems)
        return SessionList(
            hosts=[host_view(h) for h in hosts], sessions=sessions, problems=problems
        )

    @mcp.tool(annotations=_act(destructive=False))
    async def create_session(
        command: Annotated[
            list[ArgvItem] | None,
            Field(
                max_length=256,
                description="The program and its arguments, one list item each, e.g. "
                "['claude'] or ['aider', '--model', 'sonnet']. Omit for the computer's default "
                "agent. Not a shell line: no pipes or &&.",
            ),
        ] = None,
        cwd: Annotated[
            PathArg | None,
            Field(description="Working directory on that computer. Omit for its default."),
        ] = None,
        name: Annotated[
            NameArg | None, Field(description="A short label to recognise the session by.")
        ] = None,
        host: Annotated[
            HostArg | None,
            Field(description="Which computer; required when more than one is online."),
        ] = None,
        watch_mode: Annotated[
            bool,
            Field(
                description="Continue the agent by itself each time it finishes a turn, with "
                "the computer's policy's text, up to max_turns; never answers a prompt."
            ),
        ] = False,
        max_turns: Annotated[
            int | None,
            Field(ge=1, le=MAX_WATCH_TURNS, description="Watch mode's turns (default: policy's)."),
        ] = None,
        client_key: ClientKeyArg = None,
    ) -> SessionCreated:
        """Start a new terminal session (a coding agent such as Claude Code, Codex or
        aider, or any command-line program) on one of the user's computers. The
        computer's owner decides by local policy which commands and folders are allowed."""

        async def run(rid: str) -> SessionCreated:
            cmd = wire.StartSession(
                request_id=rid,
                command=command,
                cwd=cwd,
                name=name,
                watch_mode=watch_mode,
                max_turns=max_turns,
            )
            reply = await call(backend, cmd, wire.SessionStarted, host=host)
            where = host or await host_of(backend, reply.session.session_id)
            return SessionCreated(
                session=session_view(reply.session, where),
                next_step="Call get_logs to see its screen, or check_prompts if it asks something.",
            )

        args: dict[str, object] = {"command": command, "cwd": cwd, "name": name, "host": host}
        if watch_mode or max_turns is not None:  # a key made before watch mode keeps its hash
            args |= {"watch_mode": watch_mode, "max_turns": max_turns}
        with as_tool_error():
            return await keyed(backend, "create_session", client_key, args, SessionCreated, run)

    @mcp.tool(annotations=_act(destructive=False), app=CARD_APP)
    async def send_message(
        session_id: SessionIdArg,
        text: TextArg,
        ctx: Context,
        enter: Annotated[
            bool, Field(description="Press Enter after the text (to submit it).")
        ] = True,
        wait_seconds: Annotated[
            int,
            Field(
                ge=0,
                le=MAX_SEND_WAIT,
                description="Wait up to this long for the session to finish (idle), ask "
                "something, or exit, and return what it showed. 0 returns at once.",
            ),
        ] = DEFAULT_SEND_WAIT,
        max_bytes: Annotated[
            int, Field(ge=1, le=MAX_READ_BYTES, description="Most output bytes to return.")
        ] = 16 * 1024,
        client_key: ClientKeyArg = None,
    ) -> MessageSent:
        """Type a message into a session and press Enter, then wait until it is done,
        asks something or exits, and return its new output and state. For special keys
        use send_keys; to answer a prompt, respond_to_prompt."""

        async def run(rid: str) -> MessageSent:
            cmd = wire.SendInput(request_id=rid, session_id=session_id, text=text, enter=enter)
            reply = await call(backend, cmd, wire.InputSent, session_id=session_id)
            where = await host_of(backend, session_id)
            sent = MessageSent(
                session_id=session_id,
                host=where,
                request_id=rid,
                bytes_written=reply.bytes_written,
                pressed_enter=enter,
                next_cursor=reply.cursor,
                landed_offset=reply.offset,
                next_step="Call get_logs (or get_session_status) to see how the program responds.",
            )
            if wait_seconds == 0 or reply.cursor is None:
                return sent
            try:
                return await wait_and_read(
                    backend, ctx, sent, reply.cursor, wait_seconds, max_bytes
                )
            except TetherError as exc:
                # The text WAS typed: say so, with the user's request id, never an error
                # naming the internal wait (a repeat would type it twice).
                return sent.model_copy(
                    update={
                        "next_step": f"The message was typed (request {rid}), but waiting "
                        f"for the answer failed: {exc} Do not send it again; call get_logs "
                        "with cursor=next_cursor to read what the program showed."
                    }
                )

        args = {"session_id": session_id, "text": text, "enter": enter}
        with as_tool_error():
            return await keyed(backend, "send_message", client_key, args, MessageSent, run)

    @mcp.tool(annotations=_READ)
    async def get_logs(
        session_id: SessionIdArg,
        mode: Annotated[
            ReadMode,
            Field(
                description="'text' (default): what a person reads, the scrollback and the "
                "screen, redraws collapsed; with cursor, only what is new since then. "
                "'screen': just the terminal screen now. 'raw': the output stream from byte "
                "offset since, escape codes included."
            ),
        ] = ReadMode.TEXT,
        cursor: Annotated[
            str | None,
            Field(
                pattern=TEXT_CURSOR_PATTERN,
                description="text mode: next_cursor of the previous call, to get only newer "
                "lines (and the screen if it changed).",
            ),
        ] = None,
        since: Annotated[
            int | None,
            Field(
                ge=0,
                description="raw mode: byte offset to start from (next_since of the "
                "previous call).",
            ),
        ] = None,
        max_bytes: Annotated[
            int,
            Field(
                ge=1,
                le=MAX_READ_BYTES,
                description="Most bytes to return; text mode keeps the newest lines and "
                "counts the rest in skipped_lines.",
            ),
        ] = 64 * 1024,
    ) -> Logs:
        """Read what a session shows: the readable text (all, or new since a cursor),
        the screen now, or the raw output since a byte offset."""
        cmd = wire.ReadOutput(
            request_id=new_request_id(),
            session_id=session_id,
            mode=mode,
            since=since,
            max_bytes=max_bytes,
            cursor=cursor if mode is ReadMode.TEXT else None,
        )
        with as_tool_error():
            try:
                reply = await call(backend, cmd, wire.OutputRead, session_id=session_id)
            except (HostOffline, CommandFailed) as exc:
                gone = isinstance(exc, CommandFailed)  # a supervisor restarted since
                if gone and exc.code is not ErrorCode.SESSION_UNKNOWN:
                    raise
                # The relay keeps the last screen and the raw bytes, not a text view.
                kept = ReadMode.SCREEN if mode is ReadMode.TEXT else mode
                stored = await stored_logs(backend, session_id, kept, since, max_bytes)
                if stored is None:
                    raise
                return relay_copy(session_id, kept, stored, ended=gone)
            where = await host_of(backend, session_id)
        return Logs(host=where, next_since=reply.end, **payload(reply))

    @mcp.tool(annotations=_READ, app=CARD_APP)
    async def get_session_status(session_id: SessionIdArg) -> SessionStatus:
        """Is a session working, idle, waiting for the user, or exited? Also lists any
        prompt on its screen waiting for an answer."""
        cmd = wire.GetStatus(request_id=new_request_id(), session_id=session_id)
        with as_tool_error():
            reply = await call(backend, cmd, wire.StatusRead, session_id=session_id)
            where = await host_of(backend, session_id)
        return SessionStatus(
            session=session_view(reply.session, where),
            prompts=[prompt_view(p, where) for p in reply.prompts],
            last_message=reply.last_message,
        )

    @mcp.tool(annotations=_act(destructive=True, idempotent=True))
    async def terminate_session(
        session_id: SessionIdArg,
        force: Annotated[
            bool, Field(description="Kill at once instead of asking the program to exit.")
        ] = False,
        client_key: ClientKeyArg = None,
    ) -> SessionTerminated:
        """Stop a session's program (unsaved work in it may be lost). Ask the user first."""

        async def run(rid: str) -> SessionTerminated:
            cmd = wire.StopSession(request_id=rid, session_id=session_id, force=force)
            where = await host_of(backend, session_id)
            reply = await call(backend, cmd, wire.SessionStopped, session_id=session_id)
            return SessionTerminated(session=session_view(reply.session, where))

        args = {"session_id": session_id, "force": force}
        with as_tool_error():
            return await keyed(
                backend, "terminate_session", client_key, args, SessionTerminated, run
            )

    @mcp.tool(annotations=_READ, app=CARD_APP)
    async def check_prompts(
        session_id: Annotated[
            SessionIdArg | None,
            Field(description="Only this session. Omit to check every session everywhere."),
        ] = None,
    ) -> PromptList:
        """Find sessions waiting for the user (permission menus, yes/no questions,
        'press Enter' pauses); show each to the user before respond_to_prompt."""
        with as_tool_error():
            if session_id is not None:
                cmd = wire.CheckPrompts(request_id=new_request_id(), session_id=session_id)
                reply = await call(backend, cmd, wire.PromptsChecked, session_id=session_id)
                where = await host_of(backend, session_id)
                return PromptList(
                    prompts=[prompt_view(p, where) for p in reply.prompts], problems=[]
                )
            _, got, problems = await each_online_host(
                backend, None, wire.CheckPrompts, wire.PromptsChecked, "prompts"
            )
        prompts = [prompt_view(p, name) for name, reply in got for p in reply.prompts]
        return PromptList(prompts=prompts, problems=problems)

    @mcp.tool(annotations=_act(destructive=True))
    async def respond_to_prompt(
        prompt_id: Annotated[
            str,
            Field(
                pattern=PROMPT_ID_PATTERN,
                description="The prompt_id from check_prompts or get_session_status.",
            ),
        ],
        answer: AnswerArg,
        client_key: ClientKeyArg = None,
    ) -> PromptResponse:
        """Answer a prompt a session is waiting on (e.g. approve a command, pick option 2),
        with the answer the user chose. Refused if that prompt is no longer on screen."""
        session_id = prompt_id.rsplit(":", 1)[0]

        async def run(rid: str) -> PromptResponse:
            cmd = wire.AnswerPrompt(request_id=rid, prompt_id=prompt_id, answer=answer)
            reply = await call(backend, cmd, wire.PromptAnswered, session_id=session_id)
            where = await host_of(backend, session_id)
            next_step = "Call get_logs to see what the program does next."
            return PromptResponse(host=where, next_step=next_step, **payload(reply))

        args = {"prompt_id": prompt_id, "answer": answer}
        with as_tool_error():
            return await keyed(backend, "respond_to_prompt", client_key, args, PromptResponse, run)

    @mcp.tool(annotations=_act(destructive=True))
    async def send_keys(
        session_id: SessionIdArg,
        keys: Annotated[
            list[Key],
            Field(
                min_length=1,
                max_length=MAX_KEYS_PER_CALL,
                description="Named keys pressed in order, e.g. ['down', 'enter'] or ['ctrl_c'].",
            ),
        ],
        repeat: Annotated[
            int,
            Field(ge=1, le=MAX_KEY_REPEAT, description="Press the whole sequence this many times."),
        ] = 1,
        client_key: ClientKeyArg = None,
    ) -> KeysPressed:
        """Press special keys in a session: arrows to move in a menu, enter, esc to
        cancel, ctrl_c to interrupt, tab, backspace. For text use send_message."""

        async def run(rid: str) -> KeysPressed:
            cmd = wire.SendKeys(request_id=rid, session_id=session_id, keys=keys, repeat=repeat)
            reply = await call(backend, cmd, wire.KeysSent, session_id=session_id)
            where = await host_of(backend, session_id)
            return KeysPressed(host=where, keys=keys, repeat=repeat, **payload(reply))

        args = {"session_id": session_id, "keys": keys, "repeat": repeat}
        with as_tool_error():
            return await keyed(backend, "send_keys", client_key, args, KeysPressed, run)

    @mcp.tool(annotations=_act(destructive=False, idempotent=True))
    async def resize_session(
        session_id: SessionIdArg,
        cols: Annotated[
            int,
            Field(ge=MIN_COLS, le=MAX_COLS, description="Columns: characters per line."),
        ],
        rows: Annotated[int, Field(ge=MIN_ROWS, le=MAX_ROWS, description="Lines on screen.")],
    ) -> TerminalResized:
        """Set a session's terminal size (the program redraws for it), e.g. narrower so a
        full-screen program reads well on a phone. get_logs shows the new screen."""
        cmd = ResizeSession(
            request_id=new_request_id(), session_id=session_id, cols=cols, rows=rows
        )
        with as_tool_error():
            reply = await call(backend, cmd, SessionResized, session_id=session_id)
            where = await host_of(backend, session_id)
        return TerminalResized(session=session_view(reply.session, where), cols=cols, rows=rows)

    register_orchestration_tools(mcp, backend)
    register_digest_tools(mcp, backend)
    register_resources(mcp, backend)
    check = getattr(backend, "check_delivery", None)
    if check is None:
        return  # an in-process backend never loses a reply: nothing to look up

    @mcp.tool(annotations=_READ)
    async def check_delivery(
        request_id: Annotated[
            str,
            Field(
                pattern=wire.REQUEST_ID_PATTERN,
                description="The request id from a 'delivery unknown' error.",
            ),
        ],
    ) -> DeliveryChecked:
        """Did a command whose result was lost (its computer's link dropped mid-call) run:
        'done' with its reply, 'running', 'not_run' (its computer proves it never received
        it: safe to send again), or 'unknown' (follow next_step). Use this instead of
        repeating a command that may already have run."""
        with as_tool_error():
            status: DeliveryStatus = await check(request_id)
        return DeliveryChecked(**status.model_dump())
