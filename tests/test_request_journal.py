"""The write-ahead request journal: what a restarted supervisor knows of earlier requests, and
how the relay turns "never received" into "did not run" only when that is proven."""

from __future__ import annotations

import asyncio
import os
import sys
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from server.hub import Hub
from server.lookups import CLOCK_MARGIN, proves_absence
from shared.errors import DeliveryUnknown
from shared.protocol import (
    ErrorCode,
    LookupRequest,
    LookupState,
    RequestFailed,
    RequestLookedUp,
    SendInput,
    SessionStarted,
    StartSession,
)
from supervisor.command_runner import CommandRunner, _fingerprint
from supervisor.request_journal import RequestJournal
from supervisor.session_manager import SessionManager
from tests.hub_support import SID, attach, info
from tests.support import eventually, scaled

PY = sys.executable
MARKER_PROGRAM = (
    "import os, sys; open('marker', 'a').write(os.environ['TETHER_SESSION_ID'] + '\\n'); "
    "sys.stdin.readline()"
)


@pytest.fixture
async def setup(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[Path]:
    root = tmp_path / "work"
    root.mkdir()
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("TETHER_HOME", str(home))
    (home / "policy.toml").write_text(
        f'roots = ["{root.resolve()}"]\ncommands = ["{PY}"]\nmax_sessions = 4\n'
    )
    yield tmp_path


def runner(tmp: Path, journal: RequestJournal) -> CommandRunner:
    return CommandRunner(SessionManager(environ=dict(os.environ)), reaper=None, journal=journal)


def start(rid: str, tmp: Path) -> StartSession:
    return StartSession(request_id=rid, command=[PY, "-c", MARKER_PROGRAM], cwd=str(tmp / "work"))


def marker(tmp: Path) -> list[str]:
    path = tmp / "work" / "marker"
    return path.read_text().split() if path.exists() else []


async def test_a_restarted_supervisor_answers_a_repeat_with_the_first_reply_and_acts_once(
    setup: Path,
) -> None:
    db = setup / "home" / "state.sqlite3"
    first = runner(setup, RequestJournal(db, "relay a"))
    try:
        reply = await first.handle(start("ck-once", setup))
        assert isinstance(reply, SessionStarted), reply
        stored = first.journal.find("ck-once") if first.journal else None
        assert stored is not None and stored.reply is not None
        # The reply means "spawned"; the program writes its marker once Python is up.
        await eventually(lambda: marker(setup), what="the started program's marker")
    finally:
        await asyncio.wait_for(first.manager.close_all(), scaled(30))
    # A new process: nothing in memory, the same state file.
    second = runner(setup, RequestJournal(db, "relay a"))
    again = await second.handle(start("ck-once", setup))
    assert again == reply and second.runs == 0
    assert marker(setup) == [reply.session.session_id]
    other = StartSession(request_id="ck-once", command=[PY, "-c", "pass"], cwd=str(setup / "work"))
    reused = await second.handle(other)
    assert isinstance(reused, RequestFailed) and "already used" in reused.error.message
    looked = second.lookup("ck-once")
    assert looked.state is LookupState.DONE and looked.reply == reply


async def test_a_request_an_interrupted_run_received_is_never_run_again(setup: Path) -> None:
    db = setup / "home" / "state.sqlite3"
    command = start("ck-midway", setup)
    # What a supervisor SIGKILLed between recording a command and its outcome leaves.
    assert RequestJournal(db, "relay a").admit("ck-midway", _fingerprint(command), "x") is None
    after = runner(setup, RequestJournal(db, "relay a"))
    reply = await after.handle(command)
    assert isinstance(reply, RequestFailed) and "may have acted" in reply.error.message
    assert "get_logs" in reply.error.hint and after.runs == 0 and marker(setup) == []
    assert after.lookup("ck-midway").state is LookupState.INTERRUPTED


async def test_an_id_never_received_is_proven_absent_since_the_journals_horizon(
    setup: Path,
) -> None:
    db = setup / "home" / "state.sqlite3"
    journal = RequestJournal(db, "relay a", clock=lambda: 1000.0)
    looked = runner(setup, journal).lookup("never-sent")
    assert looked.state is LookupState.NEVER_RECEIVED and looked.complete_since == 1000.0
    # Another relay's scope in the same file answers only for itself.
    assert RequestJournal(db, "relay b").find("never-sent") is None
    journal.admit("seen-by-a", "f", "send_input")
    assert RequestJournal(db, "relay b").find("seen-by-a") is None


async def test_a_command_the_journal_cannot_record_is_refused_before_it_acts(
    setup: Path,
) -> None:
    journal = RequestJournal(setup / "home" / "state.sqlite3", "relay a")
    broken = runner(setup, journal)
    journal.close()  # as a full disk or a vanished state directory would
    reply = await broken.handle(start("ck-nodisk", setup))
    assert isinstance(reply, RequestFailed) and reply.error.code is ErrorCode.INTERNAL
    assert "nothing was done" in reply.error.hint and marker(setup) == []
    assert broken.runs == 0


def test_pruning_moves_the_horizon_so_a_pruned_id_is_never_called_absent(tmp_path: Path) -> None:
    now = [0.0]
    journal = RequestJournal(tmp_path / "s.sqlite3", "r", clock=lambda: now[0], keep_seconds=10)
    journal.admit("old", "f", "send_input")
    now[0] = 100.0
    journal._prune()
    assert journal.find("old") is None and journal.complete_since == 90.0


def looked_up(complete_since: float, answered_at: float) -> RequestLookedUp:
    return RequestLookedUp(
        request_id="r",
        state=LookupState.NEVER_RECEIVED,
        complete_since=complete_since,
        answered_at=answered_at,
    )


def test_never_received_proves_did_not_run_only_for_a_send_after_the_horizon() -> None:
    answer = looked_up(complete_since=1000.0, answered_at=5000.0)
    assert proves_absence(answer, sent_at=4000.0, asked_at=5000.0, heard_at=5000.0)
    assert not proves_absence(answer, sent_at=1000.0, asked_at=5000.0, heard_at=5000.0)
    assert not proves_absence(answer, sent_at=None, asked_at=5000.0, heard_at=5000.0)
    edge = 1000.0 + CLOCK_MARGIN
    assert proves_absence(answer, sent_at=edge, asked_at=5000.0, heard_at=5000.0)


def test_a_supervisor_clock_an_hour_ahead_is_placed_on_the_relays_clock() -> None:
    # The supervisor's clock reads 3600 s ahead: its horizon 1000 is the relay's -2600.
    ahead = looked_up(complete_since=1000.0, answered_at=8600.0)
    assert proves_absence(ahead, sent_at=-2000.0, asked_at=5000.0, heard_at=5000.0)
    assert not proves_absence(ahead, sent_at=-3000.0, asked_at=5000.0, heard_at=5000.0)
    # A slow look-up widens the bound by half its round trip.
    assert not proves_absence(ahead, sent_at=-2000.0, asked_at=4000.0, heard_at=6000.0)


async def test_check_delivery_says_not_run_when_the_journal_proves_it_never_arrived() -> None:
    hub = Hub(offline_grace=0.05)
    studio, link = attach(hub, "studio", info())
    call = asyncio.create_task(
        hub.call(SendInput(request_id="lost", session_id=SID, text="x"), session_id=SID)
    )
    await link.next_command()
    hub.detach(studio)
    with pytest.raises(DeliveryUnknown):
        await asyncio.wait_for(call, scaled(5))
    again, new_link = attach(hub, "studio", info())

    async def answer(state: LookupState, since: float) -> str:
        check = asyncio.create_task(hub.check_delivery("lost"))
        assert await new_link.next_command() == LookupRequest(request_id="lost")
        now = asyncio.get_running_loop().time()  # any clock: only differences count
        hub.deliver(
            again,
            RequestLookedUp(
                request_id="lost", state=state, complete_since=now + since, answered_at=now
            ),
        )
        status = await asyncio.wait_for(check, scaled(5))
        return f"{status.state}: {status.message} {status.next_step}"

    proven = await answer(LookupState.NEVER_RECEIVED, -3600.0)
    assert proven.startswith("not_run: It did not run") and "safe to send it again" in proven
    # A journal younger than the send (say, the computer's records were reset) proves nothing.
    unproven = await answer(LookupState.NEVER_RECEIVED, 0.0)
    assert unproven.startswith("unknown") and "safe" not in unproven
    interrupted = await answer(LookupState.INTERRUPTED, 0.0)
    assert interrupted.startswith("unknown") and "may have acted" in interrupted
