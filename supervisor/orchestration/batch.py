"""The project batch: jobs that each create a project from a spec file at its time.

One runner task per session manager takes the due job with the highest priority
(then the oldest), creates its project through :func:`projects.create` (so the
policy's roots, commands and ``max_sessions`` apply) and records the outcome;
it sleeps until the next job is due or a new job arrives. Jobs persist in the
state directory; the runner starts at supervisor start (``restart.resume``) or
with the first batch command; a job that was running then is failed and announced.
"""

from __future__ import annotations

import asyncio
import logging
import os
import secrets
import time
import weakref

from shared.commands.batch import BatchJob, EnqueueProjects, GetBatchStatus
from shared.commands.projects import CreateProject
from shared.commands.work_finished import WorkOutcome
from shared.errors import TetherError
from supervisor.orchestration import projects
from supervisor.orchestration.announce import announce
from supervisor.orchestration.paths import inside_roots, invalid
from supervisor.orchestration.state import records_of
from supervisor.policy import check_cwd, load_policy
from supervisor.session_manager import SessionManager

log = logging.getLogger(__name__)

MAX_SLEEP = 60.0  # the runner looks again at least this often


class _Runner:
    def __init__(self, m: SessionManager) -> None:
        self.wake = asyncio.Event()
        self.task = asyncio.get_running_loop().create_task(_run(m, self), name="project-batch")


_RUNNERS: weakref.WeakKeyDictionary[SessionManager, _Runner] = weakref.WeakKeyDictionary()


def _jobs(m: SessionManager) -> list[BatchJob]:
    return [BatchJob.model_validate(j) for j in records_of(m).batch.values()]


def _save(m: SessionManager, job: BatchJob) -> None:
    records_of(m).batch.put(job.job_id, job.model_dump())


def start_runner(m: SessionManager) -> None:
    """Run the batch from supervisor start, so scheduled jobs run without a batch call."""
    _ensure_runner(m)


async def stop_runner(m: SessionManager) -> None:
    """Stop the batch runner of ``m`` (a supervisor stopping; tests)."""
    runner = _RUNNERS.pop(m, None)
    if runner is not None:
        runner.task.cancel()
        await asyncio.gather(runner.task, return_exceptions=True)


def _ensure_runner(m: SessionManager) -> _Runner:
    runner = _RUNNERS.get(m)
    if runner is None or runner.task.done():
        for job in _jobs(m):  # a job running when the supervisor stopped did not finish
            if job.state == "running":
                ended = job.model_copy(
                    update={
                        "state": "failed",
                        "error": "interrupted: the supervisor restarted",
                        "finished_at": time.time(),
                    }
                )
                _save(m, ended)
                announce(m, "batch_job", job.job_id, "failed", _name(job), ended.error)
        runner = _RUNNERS[m] = _Runner(m)
    return runner


def _name(job: BatchJob) -> str:
    return os.path.splitext(os.path.basename(job.spec_file))[0]


def enqueue(m: SessionManager, cmd: EnqueueProjects) -> list[BatchJob]:
    policy = load_policy(m.policy_file)
    check_cwd(policy, cmd.project_directory)
    files = []
    for spec in cmd.spec_files:
        path = inside_roots(policy, spec)
        if not path.endswith(".md") or not os.path.isfile(path):
            raise invalid(f"{path} is not an existing .md spec file", "give spec files (.md)")
        files.append(path)
    now = time.time()
    jobs = [
        BatchJob(
            job_id=f"b-{secrets.token_urlsafe(6)}",
            spec_file=path,
            priority=cmd.priority,
            schedule_time=cmd.schedule_time or now,
            state="scheduled",
            created_at=now,
            project_directory=cmd.project_directory,
        )
        for path in files
    ]
    for job in jobs:
        _save(m, job)
    _ensure_runner(m).wake.set()
    return jobs


def status(m: SessionManager, cmd: GetBatchStatus) -> list[BatchJob]:
    _ensure_runner(m)
    jobs = sorted(_jobs(m), key=lambda j: j.created_at, reverse=True)
    if not cmd.include_completed:
        jobs = [j for j in jobs if j.state in ("scheduled", "running")]
    return jobs[: cmd.limit]


async def _run(m: SessionManager, runner: _Runner) -> None:
    while True:
        due = sorted(
            (j for j in _jobs(m) if j.state == "scheduled"),
            key=lambda j: (j.schedule_time > time.time(), -j.priority, j.schedule_time),
        )
        if due and due[0].schedule_time <= time.time():
            await _one(m, due[0])
            continue
        wait = MAX_SLEEP if not due else min(MAX_SLEEP, due[0].schedule_time - time.time())
        runner.wake.clear()
        try:
            async with asyncio.timeout(max(wait, 0.01)):
                await runner.wake.wait()
        except TimeoutError:
            pass


async def _one(m: SessionManager, job: BatchJob) -> None:
    _save(m, job.model_copy(update={"state": "running"}))
    name = _name(job)
    cmd = CreateProject(
        request_id=f"batch.{job.job_id}",
        name=name,
        specification=job.spec_file,
        parent_directory=job.project_directory,
    )
    try:
        project = await projects.create(m, cmd)
    except TetherError as exc:
        update = {"state": "failed", "error": str(exc)}
    except Exception as exc:  # the runner must outlive one bad job; logged
        log.exception("batch job %s failed", job.job_id)
        update = {"state": "failed", "error": f"unexpected error: {exc!r}"}
    else:
        update = {"state": "done", "project_id": project.project_id, "project_path": project.path}
    ended = job.model_copy(update={**update, "finished_at": time.time()})
    _save(m, ended)
    outcome: WorkOutcome = "done" if ended.state == "done" else "failed"
    detail = f"project {ended.project_id} in {ended.project_path}" if outcome == "done" else ""
    announce(m, "batch_job", job.job_id, outcome, name, detail or ended.error)
