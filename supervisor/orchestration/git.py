"""The one module that runs ``git`` for the orchestration tools (a bounded subprocess).

``git`` runs with no terminal prompt and no pager, in a folder already checked
against the policy's roots. A commit made for the user falls back to the
identity "Tether" only when git has none configured.
"""

from __future__ import annotations

import asyncio
import os

from shared.commands.projects import GitStatus
from shared.errors import CommandFailed
from shared.protocol import ErrorCode, ErrorInfo
from supervisor.redact import Redactor

GIT_TIMEOUT = 30.0
MAX_CHANGED = 100  # changed files listed per worktree
FALLBACK_IDENTITY = {
    "GIT_AUTHOR_NAME": "Tether",
    "GIT_AUTHOR_EMAIL": "tether@localhost",
    "GIT_COMMITTER_NAME": "Tether",
    "GIT_COMMITTER_EMAIL": "tether@localhost",
}


class GitError(CommandFailed):
    def __init__(self, message: str, hint: str = "check that git is installed and works") -> None:
        super().__init__(ErrorInfo(code=ErrorCode.INTERNAL, message=message, hint=hint))


async def git(cwd: str, *args: str, check: bool = True, env: dict[str, str] | None = None) -> str:
    """Run ``git args`` in ``cwd``; its stdout. Raises :class:`GitError` on failure or timeout."""
    full_env = dict(os.environ, GIT_TERMINAL_PROMPT="0", GIT_PAGER="cat", LC_ALL="C", **(env or {}))
    try:
        proc = await asyncio.create_subprocess_exec(
            "git",
            *args,
            cwd=cwd,
            env=full_env,
            stdin=asyncio.subprocess.DEVNULL,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE,
        )
    except FileNotFoundError:
        raise GitError("git is not installed on this computer", "install git, then retry") from None
    try:
        async with asyncio.timeout(GIT_TIMEOUT):
            out, err = await proc.communicate()
    except TimeoutError:
        proc.kill()
        await proc.wait()
        raise GitError(f"git {args[0]} took longer than {GIT_TIMEOUT:g} s in {cwd}") from None
    except asyncio.CancelledError:  # the caller's own bound: leave no git running
        proc.kill()
        await asyncio.shield(proc.wait())
        raise
    if check and proc.returncode != 0:
        why = err.decode("utf-8", "replace").strip().splitlines()[-1:] or ["no message"]
        raise GitError(f"git {args[0]} failed in {cwd}: {why[0]}")
    return out.decode("utf-8", "replace")


async def commit_env(cwd: str) -> dict[str, str]:
    """The identity to commit with: the user's own, else Tether's fallback."""
    configured = await git(cwd, "config", "--get", "user.email", check=False)
    return {} if configured.strip() else dict(FALLBACK_IDENTITY)


async def init_repo(path: str, message: str) -> None:
    """``git init`` (branch ``main``), add everything, and commit it."""
    await git(path, "init", "-q", "-b", "main")
    await git(path, "add", "-A")
    await git(path, "commit", "-q", "-m", message, env=await commit_env(path))


async def add_worktree(repo: str, path: str, branch: str) -> None:
    await git(repo, "worktree", "add", "-q", "-b", branch, path)


async def status(workdir: str, base: str = "main") -> GitStatus:
    """Branch, ahead/behind ``base``, uncommitted changes and last commit of ``workdir``."""
    try:
        branch = (await git(workdir, "rev-parse", "--abbrev-ref", "HEAD")).strip()
        counts = await git(workdir, "rev-list", "--left-right", "--count", f"{base}...HEAD")
        behind, ahead = (int(n) for n in counts.split())
        porcelain = await git(workdir, "status", "--porcelain")
        last = (await git(workdir, "log", "-1", "--format=%h %s")).strip()
    except (GitError, ValueError) as exc:
        return GitStatus(
            workdir=workdir,
            branch="",
            ahead=0,
            behind=0,
            changed_files=[],
            last_commit="",
            error=str(exc),
        )
    hide = Redactor.from_env(os.environ).redact  # file names and subjects leave the computer
    changed = [hide(line.strip()) for line in porcelain.splitlines() if line.strip()]
    return GitStatus(
        workdir=workdir,
        branch=hide(branch),
        ahead=ahead,
        behind=behind,
        changed_files=changed[:MAX_CHANGED],
        last_commit=hide(last),
    )
