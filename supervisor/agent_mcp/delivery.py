"""Type one session's message into another, marked as coming from that session."""

from __future__ import annotations

from shared.commands.agent_message import Sender
from shared.errors import TetherError
from shared.wire_values import ErrorCode
from supervisor.agent_mcp.access import load_agents, may_see, project_of
from supervisor.policy import load_policy
from supervisor.session import Session
from supervisor.session_manager import SessionManager


def framed(text: str, sender: Sender) -> str:
    """What the receiving agent reads: who sent it, then the message, on one input."""
    where = f" on {sender.host}" if sender.host else ""
    return f"[from session {sender.name} ({sender.session_id}){where}] {' '.join(text.split())}"


async def deliver(
    manager: SessionManager, target: str, text: str, sender: Sender
) -> tuple[Session, int]:
    """Type the framed message, then Enter separately; refused outside this computer's policy.

    The check uses this supervisor's own policy and the sender's project as the
    message says; a message from another computer came through the owner's relay.
    """
    policy = load_policy(manager.policy_file)
    agents = load_agents(policy)
    session = manager.get(target)
    theirs = project_of(policy, session.info().cwd)
    if not agents.enabled or not may_see(agents, sender.project, theirs, False):
        raise TetherError(
            f"session {target} does not take messages from project {sender.project!r} "
            f"(see = {agents.see!r} in [agents] of {policy.path})",
            "only the owner can widen it, in that file",
            code=ErrorCode.POLICY_REFUSED,
        )
    written = await session.send_text(framed(text, sender), enter=True)
    return session, written
