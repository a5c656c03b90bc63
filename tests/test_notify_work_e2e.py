"""Finished work reaches the owner: relay, supervisor, mock agents in PTYs, Apprise, real sinks.

``TETHER_NOTIFY`` names an HTTP sink (Apprise ``json://``) and a real SMTP server
(aiosmtpd); a coordinated task, a delivered queued message and a batch job each
reach the sink, and the batch job's ``notification_email`` gets its own mail.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from fastmcp import Client

from tests.notify_support import HttpSink, MailSink, body_text
from tests.relay_support import running_relay, running_supervisor, write_policy
from tests.support import scaled

SPEC = "# Shop\n\nA tiny web shop.\n\n## Requirements\n\n- List products\n"


async def until_titled(sink: HttpSink, needle: str, seen: list[dict[str, Any]]) -> dict[str, Any]:
    """The first message (already seen or next) whose title holds ``needle``."""
    while True:
        for message in seen:
            if needle in message["title"]:
                return message
        seen.append(await sink.next(60))


async def test_finished_tasks_delivered_messages_and_batch_jobs_reach_the_sink_and_the_email(
    tmp_path: Path,
) -> None:
    work = tmp_path / "work"
    work.mkdir()
    (work / "shop.md").write_text(SPEC)
    data = tmp_path / "relay"
    data.mkdir(mode=0o700)
    data.chmod(0o700)
    async with HttpSink() as sink, MailSink() as mail:
        os.environ["TETHER_NOTIFY"] = f"{sink.url} {mail.url}"
        try:
            async with (
                running_relay(data) as relay,
                running_supervisor(relay, "laptop", write_policy(tmp_path / "p.toml", work)),
                Client(relay.mcp, auth=relay.token, timeout=scaled(120)) as client,
            ):

                async def call(tool: str, **args: Any) -> dict[str, Any]:
                    result = await client.call_tool(tool, args)
                    out: dict[str, Any] | None = result.structured_content
                    assert out is not None
                    return out

                seen: list[dict[str, Any]] = []
                started = await call("create_session", cwd=str(work), name="api")
                sid = started["session"]["session_id"]
                task = await call(
                    "coordinate_sessions",
                    task_description="Write the cart",
                    session_assignments=[{"part": "write the cart model", "session_id": sid}],
                    wait_seconds=0,
                )
                cid = task["coordination"]["coordination_id"]
                finished = await until_titled(sink, "Write the cart finished", seen)
                assert finished["title"] == "laptop · Write the cart finished"
                assert "done" in finished["message"]
                status = await call("get_coordination_status", coordination_id=cid)
                assert status["coordination"]["finished"] is True

                queued = await call("queue_message", session_id=sid, text="and the tests")
                delivered = await until_titled(sink, "queued message delivered", seen)
                receipt = (await call("list_queued_messages", session_id=sid))["receipts"][0]
                assert (receipt["queue_id"], receipt["state"]) == (queued["queue_id"], "delivered")
                assert f"since={receipt['landed_offset']}" in delivered["message"]

                await call(
                    "batch_enqueue_projects",
                    spec_files=[str(work / "shop.md")],
                    project_directory=str(work),
                    notification_email="lead@example.test",
                )
                job = await until_titled(sink, "shop finished", seen)
                assert "project shop-" in job["message"]
                mailed = await mail.next(30)
                assert "lead@example.test" in str(mailed["To"])
                assert "shop finished" in str(mailed["Subject"])
                assert "project shop-" in body_text(mailed)
                # Each announcement went out once.
                titles = [m["title"] for m in seen]
                assert titles.count("laptop · Write the cart finished") == 1
        finally:
            os.environ.pop("TETHER_NOTIFY", None)


async def test_notification_email_is_refused_when_the_relay_cannot_send_mail(
    tmp_path: Path,
) -> None:
    work = tmp_path / "work"
    work.mkdir()
    (work / "shop.md").write_text(SPEC)
    async with HttpSink() as sink:
        os.environ["TETHER_NOTIFY"] = sink.url
        try:
            async with (
                running_relay(tmp_path / "relay") as relay,
                running_supervisor(relay, "laptop", write_policy(tmp_path / "p.toml", work)),
                Client(relay.mcp, auth=relay.token, timeout=scaled(60)) as client,
            ):
                result = await client.call_tool(
                    "batch_enqueue_projects",
                    {"spec_files": [str(work / "shop.md")], "notification_email": "a@b.test"},
                    raise_on_error=False,
                )
                assert result.is_error
                text = result.content[0].text
                assert "no mailto:// notification URL" in text and "nothing was scheduled" in text
                jobs = (await client.call_tool("get_batch_status", {})).structured_content
                assert jobs is not None and jobs["jobs"] == []
        finally:
            os.environ.pop("TETHER_NOTIFY", None)
