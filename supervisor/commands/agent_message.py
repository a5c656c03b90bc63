"""Handler of ``deliver_agent_message`` (``shared.commands.agent_message``)."""

from __future__ import annotations

from shared.commands.agent_message import AgentMessageDelivered, DeliverAgentMessage
from supervisor.agent_mcp.delivery import deliver
from supervisor.commands import handles
from supervisor.session_manager import SessionManager


@handles(DeliverAgentMessage)
async def deliver_agent_message(
    m: SessionManager, cmd: DeliverAgentMessage
) -> AgentMessageDelivered:
    """Refused (``policy_refused``) when this computer's [agents] policy keeps them apart."""
    session, written = await deliver(m, cmd.session_id, cmd.text, cmd.sender)
    return AgentMessageDelivered(
        request_id=cmd.request_id, session=session.info(), bytes_written=written
    )
