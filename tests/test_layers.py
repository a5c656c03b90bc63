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
* ``server/oauth``: no import cycle; the core (``provider``) imports no HTTP and
  reads no ContextVar; only ``routes`` imports both the core and its HTTP handlers.
* The relay has one SQLite owner, ``server/db.py``.
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


def _loaded_after_import(*modules: str) -> list[str]:
    probe = (
        f"import json, sys, {', '.join(modules)}\n"
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


def test_the_relays_admin_commands_load_no_web_framework() -> None:
    """``python -m server pair-code`` and the other admin commands only open the database:
    loading FastMCP and Starlette would cost each run seconds."""
    loaded = _loaded_after_import("server.admin")
    assert not set(loaded) & set(FRAMEWORKS), loaded


def test_the_supervisor_dials_the_relay_without_loading_a_web_framework() -> None:
    """The agents' MCP server loads FastMCP and uvicorn when a session first needs it: on a
    busy machine that import took 14 s, and the supervisor's hello must not wait for it."""
    loaded = _loaded_after_import("supervisor.__main__", "supervisor.agent_mcp.wiring")
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


def _oauth_graph() -> dict[str, set[str]]:
    """``server/oauth``'s modules and the ones of it each imports (any depth, typing-only
    too); ``from server.oauth import x`` counts as an import of ``x`` when ``x`` is a module."""
    package = ROOT / "server" / "oauth"
    modules = {p.stem for p in package.glob("*.py")}
    graph: dict[str, set[str]] = {}
    for stem in modules:
        edges: set[str] = set()
        for node in ast.walk(ast.parse((package / f"{stem}.py").read_text())):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names = [f"{node.module}.{alias.name}" for alias in node.names]
                if node.module == "server.oauth":
                    names = [n if n.rsplit(".", 1)[1] in modules else "server.oauth" for n in names]
                else:
                    names.append(node.module)
            else:
                continue
            for name in names:
                if name == "server.oauth":
                    edges.add("__init__")
                elif name.startswith("server.oauth."):
                    edges.add(name.split(".")[2])
        graph[stem] = edges & modules - {stem}
    return graph


def test_the_oauth_modules_import_each_other_without_a_cycle() -> None:
    graph = _oauth_graph()
    state: dict[str, str] = {}
    cycles: list[list[str]] = []

    def visit(node: str, path: list[str]) -> None:
        state[node] = "open"
        for nxt in sorted(graph[node]):
            if state.get(nxt) == "open":
                cycles.append([*path[path.index(nxt) :], nxt])
            elif nxt not in state:
                visit(nxt, [*path, nxt])
        state[node] = "done"

    for start in sorted(graph):
        if start not in state:
            visit(start, [start])
    assert cycles == []


def test_the_oauth_core_knows_no_http_and_reads_no_request_state() -> None:
    """The provider is the SDK's provider contract only: routes and request facts live
    at the HTTP edge, which passes the facts in as arguments."""
    names = _imports(ROOT / "server" / "oauth" / "provider.py")
    http = {"starlette", "contextvars", "server.oauth.endpoints", "server.oauth.consent"}
    http |= {"server.oauth.routes", "server.oauth.http_edge", "server.oauth.pages"}
    assert {n for n in names if n in http or n.split(".")[0] in http} == set()
    assert "ContextVar" not in (ROOT / "server" / "oauth" / "provider.py").read_text()


def test_only_the_routes_module_imports_both_the_oauth_core_and_its_http_handlers() -> None:
    graph = _oauth_graph()
    handlers = {"endpoints", "consent"}
    both = {m for m, edges in graph.items() if "provider" in edges and edges & handlers}
    assert both == {"routes"}
    assert {m for m, edges in graph.items() if "routes" in edges} <= {"__init__"}


def test_the_relay_has_one_sqlite_owner() -> None:
    """``server/db.py`` owns SQLite: every other relay store goes through its ``Database``,
    so the relay keeps one database file with one set of settings and error messages."""
    owners = {
        str(path.relative_to(ROOT))
        for path in _sources("server")
        if any(name == "sqlite3" or name.startswith("sqlite3.") for name in _imports(path))
    }
    assert owners == {"server/db.py"}
