"""What became of a request: the answers ``check_delivery`` gives, in words a person can act on.

Pure: builds :class:`shared.backend.DeliveryStatus` values from what the hub or the
supervisor's ledger knows. The rule they all follow: never suggest repeating a
command unless it is known not to have run ("not_run": the supervisor's
write-ahead journal has no record and the relay sent it after the journal's
horizon). Which calls are remembered and how a ledger is asked is ``server.lookups``;
choosing whom to ask is ``Hub.check_delivery``.
"""

from __future__ import annotations

from shared.backend import DeliveryStatus, format_utc
from shared.protocol import LookupState, Reply


def status_of(
    request_id: str, state: LookupState, host: str | None, reply: Reply | None
) -> DeliveryStatus:
    """The answer for a request whose fate is known (done, running, or never received)."""
    if state is LookupState.DONE:
        failed = reply is not None and reply.type == "request_failed"
        return DeliveryStatus(
            request_id=request_id,
            state="done",
            host=host,
            message="The command ran once"
            + (" and was refused or failed (see reply)." if failed else " (see reply)."),
            next_step="Do not send it again; act on the reply.",
            reply=None if reply is None else reply.model_dump(mode="json"),
        )
    if state is LookupState.RUNNING:
        return DeliveryStatus(
            request_id=request_id,
            state="running",
            host=host,
            message="The command is running now.",
            next_step="Call check_delivery again in a few seconds; do not send it again.",
        )
    if state is LookupState.INTERRUPTED:
        return DeliveryStatus(
            request_id=request_id,
            state="unknown",
            host=host,
            message=f"'{host}' received the command, but its supervisor stopped before "
            "recording the outcome: it may have acted. It will not run again.",
            next_step="Read the session's output (get_logs) to see whether it took effect; "
            "send a new command only if it did not.",
        )
    # No record is not proof it never ran: an older supervisor keeps no journal, and
    # its in-memory ledger forgets at a restart or after about 10 minutes.
    return DeliveryStatus(
        request_id=request_id,
        state="unknown",
        host=host,
        message=f"'{host}' has no record of this request: it never arrived there, or it "
        "ran before the supervisor restarted or more than about 10 minutes ago.",
        next_step=_UNPROVEN,
    )


def never_received_status(request_id: str, host: str, proven: bool) -> DeliveryStatus:
    """``host``'s journal has no record; ``proven``: the relay sent it after the journal's
    horizon, so it never arrived (``server.lookups.proves_absence``)."""
    if proven:
        return DeliveryStatus(
            request_id=request_id,
            state="not_run",
            host=host,
            message=f"It did not run: '{host}' records every command before acting, and "
            "has no record of this one, so it never arrived there and never will.",
            next_step="It is safe to send it again.",
        )
    return DeliveryStatus(
        request_id=request_id,
        state="unknown",
        host=host,
        message=f"'{host}' has no record of this request, but this relay cannot tell when "
        "(or whether) it was sent there, so that does not prove it never ran (the relay may "
        "have restarted since, or the request is older than the computer's records).",
        next_step=_UNPROVEN,
    )


_UNPROVEN = (
    "Check get_logs for its effect before sending it again; a call repeated with the same "
    "client_key never runs twice."
)


def offline_status(request_id: str, host: str, last_seen: float | None) -> DeliveryStatus:
    return DeliveryStatus(
        request_id=request_id,
        state="unknown",
        host=host,
        message=f"'{host}' is offline since {format_utc(last_seen)}, "
        "so whether the command ran is still unknown.",
        next_step="Call check_delivery again once it is back online "
        "(list_sessions shows it); do not repeat the command before that.",
    )


def no_answer_status(request_id: str, host: str) -> DeliveryStatus:
    return DeliveryStatus(
        request_id=request_id,
        state="unknown",
        host=host,
        message=f"'{host}' did not answer the look-up in time.",
        next_step="Call check_delivery again in a moment; do not repeat the command before that.",
    )


def unknown_everywhere(request_id: str) -> DeliveryStatus:
    return DeliveryStatus(
        request_id=request_id,
        state="unknown",
        host=None,
        message="No connected computer knows this request id: it never arrived, or its "
        "result was forgotten (results are kept about 10 minutes).",
        next_step=_UNPROVEN,
    )
