"""Paths the orchestration tools write to, checked against the policy's roots.

The same rule as a session's working directory (``supervisor.policy.check_cwd``):
the path is resolved (symlinks, ``..``) before it is compared with the roots by
whole components, so a link out of a root does not count as inside it.
"""

from __future__ import annotations

import os
import re

from shared.errors import CommandFailed
from shared.protocol import ErrorCode, ErrorInfo
from supervisor.policy import Policy, PolicyRefused, is_within


def invalid(message: str, hint: str) -> CommandFailed:
    return CommandFailed(ErrorInfo(code=ErrorCode.INVALID_ARGUMENT, message=message, hint=hint))


def inside_roots(policy: Policy, path: str) -> str:
    """``path`` resolved (relative to the first root), if it lies under a root.

    Raises :class:`PolicyRefused` naming the policy file. The path need not exist.
    """
    wanted = os.path.join(policy.roots[0], os.path.expanduser(path))
    resolved = os.path.realpath(wanted)
    if not any(is_within(resolved, root) for root in policy.roots):
        raise PolicyRefused(
            f"path {path!r} (resolved to {resolved}) is outside the allowed roots in the "
            f"policy file {policy.path}",
            f"use a path under {', '.join(policy.roots)}, or add a root to {policy.path}",
        )
    return resolved


def slug(name: str) -> str:
    """A folder and branch name for ``name``: lowercase letters, digits and dashes."""
    out = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")[:40].strip("-")
    if not out:
        raise invalid(
            f"the name {name!r} has no letters or digits to name a folder with",
            "use a name such as 'shop' or 'todo-app'",
        )
    return out
