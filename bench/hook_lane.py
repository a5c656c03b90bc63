"""Hook lane: a Claude Code hook event -> check_prompts reports the prompt.

A stand-in ``claude`` (installed under that name, so the supervisor wires its
per-session hooks exactly as for the real one) waits for a line, notes the wall
time, and POSTs a ``PermissionRequest`` to the URL in its ``--settings`` with the
token from its environment. The lane polls ``check_prompts`` through the agent
and takes the first time it lists the prompt.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from bench import stats
from bench.common import Settings, poll_until, write_policy
from bench.pty_lanes import manager_in_policy, rid
from bench.report import LaneResult
from shared import protocol as p

FAKE_CLAUDE = r"""#!PYTHON
import json, os, sys, time, urllib.request
settings = json.loads(sys.argv[sys.argv.index("--settings") + 1])
hook = settings["hooks"]["PermissionRequest"][0]["hooks"][0]
token = os.environ["TETHER_HOOK_TOKEN"]
print("READY", flush=True)
for n, _ in enumerate(sys.stdin):
    body = json.dumps({"hook_event_name": "PermissionRequest", "session_id": "bench",
                       "tool_name": "Bash", "tool_input": {"command": f"make check {n}"}}).encode()
    request = urllib.request.Request(hook["url"], data=body, method="POST", headers={
        "Content-Type": "application/json", "Authorization": "Bearer " + token})
    print(f"POSTED {time.time():.6f}", flush=True)
    urllib.request.urlopen(request, timeout=5).read()
"""


async def hook_lane(settings: Settings) -> LaneResult:
    result = LaneResult("hook")
    with tempfile.TemporaryDirectory(prefix="tether-bench-") as name:
        tmp = Path(name)
        claude = tmp / "bin" / "claude"
        claude.parent.mkdir()
        claude.write_text(FAKE_CLAUDE.replace("PYTHON", sys.executable))
        claude.chmod(0o755)
        policy = write_policy(tmp / "home", tmp, [str(claude)], 2)
        async with manager_in_policy(policy) as (manager, agent):
            session = await manager.create([str(claude)], str(tmp))
            sid = session.session_id
            await poll_until(lambda: b"READY" in session.journal.read(0, 1 << 20).data, 20, "ready")

            async def pending() -> bool:
                reply = await agent.handle(p.CheckPrompts(request_id=rid(), session_id=sid))
                assert isinstance(reply, p.PromptsChecked), reply
                return any(x.source.startswith("hook:") for x in reply.prompts)

            for _run in range(settings.runs):
                samples = []
                for _ in range(settings.prompts):
                    session.tracker.offer_hook(None)  # the last one is over
                    mark = session.journal.end
                    await session.send_text("go", enter=True)
                    await poll_until(
                        lambda m=mark: b"POSTED" in session.journal.read(m, 4096).data,
                        20,
                        "the hook post",
                    )
                    await poll_until(pending, 10, "check_prompts to list the hook prompt", 0.001)
                    seen = time.time()
                    text = session.journal.read(mark, 4096).data.decode()
                    posted = float(text.split("POSTED ", 1)[1].split()[0])
                    samples.append(seen - posted)
                result.add("hook.latency_p50_ms", stats.median(samples) * 1e3)
                result.add("hook.latency_p99_ms", stats.percentile(samples, 99) * 1e3)
    result.notes.append(
        "hook POST (stand-in claude, real per-session settings and token) -> check_prompts lists "
        "it; check_prompts polled every 1 ms through the agent; wall clocks of one machine"
    )
    return result
