"""Settings and small helpers shared by every lane (no I/O libraries here)."""

from __future__ import annotations

import asyncio
import hashlib
import inspect
import secrets
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from supervisor.identity import Identity


@dataclass(frozen=True)
class Settings:
    """How much each lane does. ``quick()`` is about a minute in all; ``full()`` under ten."""

    quick: bool
    runs: int  # per-run ratios: at least 5, the median of them is the figure
    rounds: int  # alternating baseline/subject blocks per run
    block: int  # sequential calls per block
    key_block: int  # keystrokes per block
    concurrent_calls: int  # calls per caller, 16 callers, per concurrent block
    ingest_mb: int
    bursts: int  # screen-freshness bursts per run
    burst_lines: int
    prompts: int  # prompts per run
    sessions: int  # idle sessions per supervisor
    scale_runs: int
    links: int  # idle supervisor links per relay
    lag_samples: int
    restarts: int  # relay restarts in the reconnect lane
    lane_seconds: float  # a lane's time limit (bench.__main__); the relay lane starts no
    # run that would not end within it, so a slow relay still reports the runs it finished
    # fastmcp.Client(mode=...) eras the relay lane measures (bench.report.ERAS)
    eras: tuple[str, ...] = ("legacy", "auto")

    @classmethod
    def quick_mode(cls) -> Settings:
        return cls(True, 5, 2, 50, 10, 6, 20, 10, 300, 4, 100, 5, 200, 300, 2, 180.0)

    @classmethod
    def full_mode(cls) -> Settings:
        return cls(False, 9, 4, 50, 20, 25, 50, 30, 300, 10, 1000, 5, 2000, 1000, 5, 600.0)


def new_secret() -> str:
    return secrets.token_urlsafe(24)


def bench_identity(seed: str, host: str) -> Identity:
    """A supervisor key derived from the run's seed (``TETHER_BENCH_SEED``), so the bench
    relay can pair every bench host up front (``bench.relay_server``). Bench only: a real
    supervisor's key is random and kept in a 0600 file."""
    raw = hashlib.sha256(f"tether-bench\n{seed}\n{host}".encode()).digest()
    return Identity(Ed25519PrivateKey.from_private_bytes(raw))


def bench_env(password: str, seed: str, hosts: list[str]) -> dict[str, str]:
    """The bench relay's environment: owner password, key seed, hosts to pair up front."""
    return {
        "TETHER_OWNER_PASSWORD": password,
        "TETHER_BENCH_SEED": seed,
        "TETHER_BENCH_HOSTS": ",".join(hosts),
    }


def write_policy(home: Path, root: Path, commands: list[str], max_sessions: int) -> Path:
    """A policy file in ``home`` allowing ``commands`` under ``root`` (mode 0600)."""
    home.mkdir(parents=True, exist_ok=True)
    path = home / "policy.toml"
    quoted = ", ".join(_toml(c) for c in commands)
    path.write_text(
        f"roots = [{_toml(str(root))}]\ncommands = [{quoted}]\n"
        f"max_sessions = {max_sessions}\ndefault_command = [{_toml(commands[0])}]\n"
    )
    path.chmod(0o600)
    return path


def _toml(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


async def poll_until(
    check: Callable[[], Awaitable[bool]] | Callable[[], bool],
    timeout: float,
    what: str,
    interval: float = 0.0005,
) -> float:
    """Poll ``check`` every ``interval`` s until true; return the perf_counter time it became true.

    Raises TimeoutError naming ``what`` after ``timeout`` seconds.
    """
    deadline = time.perf_counter() + timeout
    while True:
        result = check()
        if inspect.isawaitable(result):
            result = await result
        now = time.perf_counter()
        if result:
            return now
        if now > deadline:
            raise TimeoutError(f"{what} did not happen within {timeout:g}s")
        await asyncio.sleep(interval)
