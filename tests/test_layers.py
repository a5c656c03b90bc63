"""The layering the README's Layout draws, checked (``scripts/check`` runs this file).

* ``shared/`` is the wire protocol and its pure cores: importing any of its
  top-level modules loads no web framework (fastmcp, mcp, starlette, uvicorn)
  and nothing of the relay or the supervisor. Checked by importing each one in a
  fresh interpreter and reading ``sys.modules``.
* The relay (``server/``) and the supervisor (``supervisor/``) never import each
  other, and ``shared/`` imports neither: checked on every import statement.
* The MCP tool layer (``shared.mcp`` except its framework-free ``results``) is
  imported only by the two transports' composition modules.
* The sans-I/O cores (:data:`PURE_CORES`) import no event loop, clock, store or
  framework: their own import statements name only :data:`PURE_IMPORTS`, and
  importing one in a fresh interpreter leaves asyncio and sqlite3 unloaded.
* One owner per I/O library is ruff's banned-api rule (pyproject.toml).
"""

from __future__ import annotations

import ast
import importlib
import json
import os
import pkgutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FRAMEWORKS = ("fastmcp", "mcp", "starlette", "uvicorn")
TOOL_LAYER_USERS = {"server/app.py", "supervisor/local_mcp.py"}
# Cores with time passed in and decisions out; their runners own the loop, clock and store.
PURE_CORES = ["shared/resume.py", "server/hub_core.py"]
PURE_IMPORTS = {
    "__future__",
    "collections",
    "collections.abc",
    "dataclasses",
    "enum",
    "heapq",
    "itertools",
    "typing",
    "shared.errors",
}


def _loaded_after_import(module: str) -> list[str]:
    probe = (
        f"import json, sys, {module}\n"
        "print(json.dumps(sorted({name.split('.')[0] for name in sys.modules})))\n"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, env=env, timeout=60
    )
    assert done.returncode == 0, done.stderr
    roots: list[str] = json.loads(done.stdout)
    return roots


def _imports(path: Path) -> set[str]:
    """Every module an import statement in ``path`` names (at any depth, lazy ones too)."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


def _sources(package: str) -> list[Path]:
    return sorted((ROOT / package).rglob("*.py"))


SHARED_MODULES = sorted(
    f"shared.{m.name}" for m in pkgutil.iter_modules([str(ROOT / "shared")])
) + ["shared.mcp.results", "shared.mcp.args"]


@pytest.mark.parametrize("module", SHARED_MODULES)
def test_importing_a_module_of_shared_loads_no_framework_and_neither_side(module: str) -> None:
    loaded = _loaded_after_import(module)
    assert not set(loaded) & {*FRAMEWORKS, "server", "supervisor"}, loaded


def test_the_relays_routing_core_does_not_load_the_tool_layer() -> None:
    loaded = _loaded_after_import("server.hub")
    assert not set(loaded) & set(FRAMEWORKS), loaded


@pytest.mark.parametrize("path", PURE_CORES)
def test_a_pure_core_imports_no_event_loop_clock_store_or_framework(path: str) -> None:
    # ``from m import name`` is recorded as ``m`` and ``m.name``: allowed when ``m`` is.
    offenders = sorted(
        name
        for name in _imports(ROOT / path)
        if name not in PURE_IMPORTS and name.rpartition(".")[0] not in PURE_IMPORTS
    )
    assert offenders == [], f"{path} imports {offenders}: pass time and effects in instead"
    loaded = _loaded_after_import(path.removesuffix(".py").replace("/", "."))
    assert not set(loaded) & {"asyncio", "sqlite3", *FRAMEWORKS}, loaded


@pytest.mark.parametrize(
    ("package", "forbidden"),
    [
        ("server", "supervisor"),
        ("supervisor", "server"),
        ("shared", "server"),
        ("shared", "supervisor"),
    ],
)
def test_no_module_imports_the_other_side(package: str, forbidden: str) -> None:
    offenders = [
        f"{path.relative_to(ROOT)}: {name}"
        for path in _sources(package)
        for name in _imports(path)
        if name == forbidden or name.startswith(f"{forbidden}.")
    ]
    assert offenders == []


def test_only_the_two_transports_import_the_mcp_tool_layer() -> None:
    users = {
        str(path.relative_to(ROOT))
        for package in ("server", "supervisor", "shared")
        for path in _sources(package)
        if not path.is_relative_to(ROOT / "shared" / "mcp")
        and any(
            (name == "shared.mcp" or name.startswith("shared.mcp."))
            and not name.startswith("shared.mcp.results")
            for name in _imports(path)
        )
    }
    assert users <= TOOL_LAYER_USERS, users - TOOL_LAYER_USERS


def test_every_public_exception_hangs_under_the_one_tether_error_base() -> None:
    """One tree per package, drawn in its docstring; PtySpawnError keeps OSError's errno."""
    from shared.errors import TetherError

    outside: set[str] = set()
    for package in ("shared", "server", "supervisor"):
        for info in pkgutil.walk_packages([str(ROOT / package)], f"{package}."):
            if ".mock_agent" in info.name or info.name.endswith("__main__"):
                continue  # the mock agent is its own program; __main__ runs on import
            module = importlib.import_module(info.name)
            for name, obj in vars(module).items():
                if (
                    isinstance(obj, type)
                    and issubclass(obj, BaseException)
                    and obj.__module__ == info.name
                    and not name.startswith("_")
                    and not issubclass(obj, TetherError)
                ):
                    outside.add(f"{info.name}.{name}")
    assert outside == {"supervisor.pty_process.PtySpawnError"}
