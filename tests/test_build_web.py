"""The committed front-end files: small, licensed for bundling, and what scripts/build-web makes."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
BUILT = [
    *sorted((REPO / "server" / "static").iterdir()),
    REPO / "shared" / "mcp" / "prompt_card.html",
]


def test_the_built_files_are_committed_and_small() -> None:
    names = {p.name for p in BUILT}
    assert {"dashboard.js", "dashboard.css", "player.js", "player.css", "sw.js"} <= names
    assert {"manifest.webmanifest", "icon-192.png", "icon-512.png", "prompt_card.html"} <= names
    assert sum(p.stat().st_size for p in BUILT) < 2 * 1024 * 1024


def test_every_bundled_package_is_mit_or_apache_licensed() -> None:
    notice = (REPO / "server" / "static" / "THIRD-PARTY-LICENSES.txt").read_text()
    licences = dict(re.findall(r"^==== (\S+) \S+ \((.+)\) ====$", notice, re.M))
    assert {"@xterm/xterm", "asciinema-player", "@modelcontextprotocol/ext-apps"} <= set(licences)
    assert set(licences.values()) <= {"MIT", "Apache-2.0"}


def test_no_built_file_loads_anything_from_another_origin() -> None:
    for path in BUILT:
        if path.suffix in (".html", ".css", ".webmanifest"):
            text = path.read_text(encoding="utf-8")
            assert not re.search(r"""(src|href)=["']https?://""", text), path
            assert not re.search(r"url\(\s*['\"]?https?://", text), path


@pytest.mark.skipif(shutil.which("npm") is None, reason="scripts/build-web needs Node.js and npm")
def test_a_fresh_build_from_the_pinned_packages_matches_the_committed_files() -> None:
    run = subprocess.run(
        [str(REPO / "scripts" / "build-web"), "--check"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 0, run.stderr
