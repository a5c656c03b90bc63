"""Git's side of the session digest: a snapshot of the working tree, and the diffstat since one.

A snapshot is a git tree object of the whole working tree (tracked and untracked,
ignored files left out), written through a throwaway index file: the repository's
own index, branch, stash and files are never touched; only an unreachable tree
and blob objects are added, which ``git gc`` prunes. Its id goes into the
digest's cursor, so "since the cursor" compares two snapshots exactly.

Git runs through :func:`supervisor.orchestration.git.git` (the one module that
runs it: no prompt, no pager, bounded) with the repository's fsmonitor and hooks
off and no external diff or text conversion programs.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import tempfile

from supervisor.digest import GitFacts
from supervisor.digest_parse import parse_numstat, parse_porcelain
from supervisor.orchestration.git import GitError, git

SAFE = ("-c", "core.fsmonitor=false", "-c", f"core.hooksPath={os.devnull}")
NOT_A_REPO = "The session's folder is not inside a git repository, so there is no diffstat."


async def snapshot(root: str) -> str:
    """The tree id of the working tree of the repository at ``root`` as it is now."""
    index = (await git(root, "rev-parse", "--git-path", "index")).strip()
    with tempfile.TemporaryDirectory(prefix="tether-digest-") as tmp:
        scratch = os.path.join(tmp, "index")
        # Starting from the real index lets git skip rehashing unchanged files.
        await asyncio.to_thread(_copy_if_present, os.path.join(root, index), scratch)
        env = {"GIT_INDEX_FILE": scratch}
        await git(root, *SAFE, "add", "-A", env=env)
        return (await git(root, *SAFE, "write-tree", env=env)).strip()


def _copy_if_present(source: str, target: str) -> None:
    try:
        shutil.copyfile(source, target)
    except FileNotFoundError:
        pass  # a repository without a commit or an index yet


async def git_facts(cwd: str, base_tree: str | None) -> tuple[GitFacts, str | None]:
    """The working tree's changes since ``base_tree`` (None: since the last commit) and a
    new snapshot for the next cursor (None when there is no repository or git failed)."""
    if not await asyncio.to_thread(os.path.isdir, cwd):
        gone = f"The session's folder {cwd} no longer exists, so there is no diffstat."
        return GitFacts("", "", [], [], error=gone), None
    root = (await git(cwd, "rev-parse", "--show-toplevel", check=False)).strip()
    if not root:
        return GitFacts("", "", [], [], error=NOT_A_REPO), None
    base = "the snapshot taken with the cursor"
    try:
        tree = await snapshot(root)
        old = base_tree
        if old is None:
            head = await git(root, "rev-parse", "--verify", "-q", "HEAD^{tree}", check=False)
            old = head.strip() or (await git(root, "hash-object", "-t", "tree", os.devnull)).strip()
            base = "the last commit" if head.strip() else "an empty repository (no commit yet)"
        numstat = await git(
            root, *SAFE, "diff", "--numstat", "-z", "--no-renames", "--no-ext-diff",
            "--no-textconv", old, tree,
        )  # fmt: skip
        porcelain = await git(
            root, *SAFE, "status", "--porcelain=v1", "-z", "--no-renames", "--untracked-files=all"
        )
    except GitError as exc:
        return GitFacts(root, base, [], [], error=f"Git gave no diffstat: {exc}"), None
    return GitFacts(root, base, parse_numstat(numstat), parse_porcelain(porcelain)), tree
