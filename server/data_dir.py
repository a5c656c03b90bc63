"""The relay's data directory is the owner's alone: the folder and every file in it.

Contract:

* :func:`prepare` creates a missing data directory with mode 0700. An existing one
  (the owner's, or a volume) is checked, never silently changed: a folder or a
  file that its group or others may read, write or enter raises
  :class:`PermissionProblem`, whose message names the path and the ``chmod`` that
  fixes it. A file that is a symbolic link is refused the same way.
* :func:`create_private_file` creates a file with mode 0600 before SQLite opens it
  (SQLite gives its ``-wal`` and ``-shm`` files the database file's mode).
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from shared.errors import TetherError

OPEN_BITS = 0o077  # anything for the group or others


class PermissionProblem(TetherError):
    """The data directory or a file in it is not owner-only; the message says what to run."""


def prepare(data_dir: Path) -> None:
    """Create ``data_dir`` 0700 if missing, else check it and its files are owner-only."""
    if not data_dir.exists() and not data_dir.is_symlink():
        data_dir.mkdir(mode=0o700, parents=True)
        data_dir.chmod(0o700)  # mkdir's mode is filtered by the umask
        return
    problems = problems_in(data_dir)
    if problems:
        raise PermissionProblem(problems[0])


def problems_in(data_dir: Path) -> list[str]:
    """What is not owner-only in ``data_dir`` (the folder first), as sentences with the fix."""
    problems = []
    mode = stat.S_IMODE(data_dir.stat().st_mode)
    if mode & OPEN_BITS:
        problems.append(
            f"The data directory {data_dir} has mode {mode:04o}, so other users of this "
            f"machine can read the relay's keys and database. Run `chmod 700 {data_dir}` "
            "(and `chmod 600` on the files in it), then start the relay again."
        )
    for entry in sorted(data_dir.iterdir()):
        info = entry.lstat()
        if stat.S_ISLNK(info.st_mode):
            problems.append(
                f"{entry} in the data directory is a symbolic link; the relay keeps only its "
                "own files there. Move it out, then start the relay again."
            )
        elif stat.S_IMODE(info.st_mode) & OPEN_BITS:
            fix = "chmod 700" if stat.S_ISDIR(info.st_mode) else "chmod 600"
            problems.append(
                f"{entry} has mode {stat.S_IMODE(info.st_mode):04o}, open to other users of "
                f"this machine. Run `{fix} {entry}`, then start the relay again."
            )
    return problems


def create_private_file(path: Path) -> None:
    """Create ``path`` with mode 0600 if it does not exist yet (never follows a symlink)."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o600)
    except FileExistsError:
        return
    os.close(fd)
