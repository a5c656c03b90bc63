"""Messages between agents in sessions: one session's agent types into another's.

``deliver_agent_message`` (relay -> supervisor): type ``text`` into the session,
shown as coming from another session (a first line ``[from session <name> on
<host>]``), then Enter as a separate write. The receiving supervisor checks its
own policy (``[agents]`` in policy.toml) against the sender's project, so the
relay cannot make one session type into another the owner has kept apart.

``send_agent_message`` (supervisor -> relay): a session on this computer asks
to message a session on another of the owner's computers; the relay forwards it
as ``deliver_agent_message`` and answers ``agent_message_sent``.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from shared.commands.examples import INFO, SESSION_ID
from shared.frames import (
    CommandFrame,
    ReplyFrame,
    UpAnswerFrame,
    UpRequestFrame,
    command,
    up_request,
)
from shared.wire_values import MAX_TEXT_CHARS, SessionId, SessionInfo, WireModel

MAX_MESSAGE_CHARS = MAX_TEXT_CHARS - 400  # room for the "[from session ...]" line


class Sender(WireModel):
    """Who sent a message: a session of the owner, and its project (for the receiver's policy)."""

    session_id: SessionId
    name: str = Field(max_length=120)
    host: str = Field(max_length=120)
    project: str = Field(max_length=200)


class DeliverAgentMessage(CommandFrame):
    type: Literal["deliver_agent_message"] = "deliver_agent_message"
    session_id: SessionId
    text: str = Field(min_length=1, max_length=MAX_MESSAGE_CHARS)
    sender: Sender


class AgentMessageDelivered(ReplyFrame):
    type: Literal["agent_message_delivered"] = "agent_message_delivered"
    session: SessionInfo
    bytes_written: int


class SendAgentMessage(UpRequestFrame):
    type: Literal["send_agent_message"] = "send_agent_message"
    session_id: SessionId  # the target, on another computer
    text: str = Field(min_length=1, max_length=MAX_MESSAGE_CHARS)
    sender: Sender


class AgentMessageSent(UpAnswerFrame):
    type: Literal["agent_message_sent"] = "agent_message_sent"
    session: SessionInfo | None = None
    bytes_written: int = 0


_SENDER = Sender(session_id="abcdefgh1", name="planner", host="laptop", project="app")

command(
    DeliverAgentMessage,
    AgentMessageDelivered,
    reads=False,
    examples=(
        DeliverAgentMessage(
            request_id="r-20", session_id=SESSION_ID, text="claim done", sender=_SENDER
        ),
        AgentMessageDelivered(request_id="r-20", session=INFO, bytes_written=42),
    ),
)
up_request(
    SendAgentMessage,
    AgentMessageSent,
    examples=(
        SendAgentMessage(
            request_id="u-2", session_id=SESSION_ID, text="claim done", sender=_SENDER
        ),
        AgentMessageSent(request_id="u-2", session=INFO, bytes_written=42),
    ),
)
