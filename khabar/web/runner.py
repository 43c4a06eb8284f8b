"""Running analysis jobs: a queue, a few worker threads, and one process per job.

::

    submit(job) ─▶ queue ─▶ a worker thread (``[web] workers`` of them)
                              │ starts the job's own process and watches it; the process
                              │ sends progress, then "done" or a failure reason, over a pipe
                              │ the worker stops the process (its whole process group) when it
                              │ runs over ``max_job_seconds``, reads over ``max_job_pages``,
                              │ holds over ``max_job_memory_mb``, is cancelled, or the server stops
                              ▼
                            job.json: status, stage, progress, and a failure's Arabic reason

A job runs in its own process so that it can really be stopped and its memory is given back;
a slow job holds one worker, never the queue. The analyser and the writer run in that process,
so they must be picklable (module-level functions, or ``functools.partial`` of them).
"""

from __future__ import annotations

import contextlib
import dataclasses
import logging
import multiprocessing
import os
import pickle
import signal
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from khabar.config import Config, WebConfig
from khabar.errors import ConfigError
from khabar.web.data import FAILURE_REASONS
from khabar.web.folders import folder_inputs
from khabar.web.jobs import (
    FINISHED,
    Analyzer,
    Job,
    JobKind,
    JobLimitExceeded,
    JobStore,
    Writer,
    dossier_counts,
    dossier_title,
    pipeline_analyzer,
    report_writer,
    utc_now,
    without_server_paths,
)

log = logging.getLogger(__name__)

WATCH_SECONDS = 0.2
"""How often a worker looks at its job's time, memory and cancel flag, in seconds (a job over
its limit runs at most this much longer)."""

CANCEL_WAIT_SECONDS = 5.0
"""Longest a cancel request waits for the job's process to be gone, in seconds (a kill takes
milliseconds; the rest is the worker noticing it)."""

PRELOAD = ["khabar.pipeline"]
"""Modules the fork server imports once, so each job's process starts with them loaded."""


def start_method() -> str:
    """``forkserver`` where the platform has it (fast, and safe beside the server's threads),
    else ``spawn``."""
    return "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"


def human_duration(seconds: int) -> str:
    """A duration as an Arabic reader says it (``90 ثانية``, ``30 دقيقة``)."""
    if seconds < 120:
        return f"{seconds} ثانية"
    return f"{round(seconds / 60)} دقيقة"


def failure_text(reason: str, web: WebConfig) -> str:
    """The Arabic sentence for a failure reason key, with the limit that was hit."""
    template = FAILURE_REASONS.get(reason, FAILURE_REASONS["internal"])
    return template.format(
        duration=human_duration(web.max_job_seconds),
        pages=web.max_job_pages,
        megabytes=web.max_job_memory_mb,
    )


def resident_bytes(pid: int) -> int | None:
    """The resident memory of a process, in bytes (None where /proc cannot tell)."""
    try:
        with open(f"/proc/{pid}/status", encoding="ascii", errors="replace") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        return None
    return None


@dataclass(frozen=True)
class JobTask:
    """Everything a job's process needs (sent to it by pickling)."""

    job_id: str
    kind: JobKind
    inputs: tuple[str, ...]
    out_dir: str
    config: Config
    analyzer: Analyzer
    writer: Writer


def failure_reason(exc: BaseException) -> str:
    """The reason key for an exception that ended a job's process."""
    if isinstance(exc, JobLimitExceeded):
        return exc.reason
    if isinstance(exc, MemoryError):
        return "memory"
    if isinstance(exc, ConfigError):
        return "config"
    return "internal"


def run_task(task: JobTask, conn: Connection) -> None:
    """The body of a job's process: read, analyse, write; report over ``conn``."""
    with contextlib.suppress(OSError):
        os.setpgid(0, 0)  # its own process group, so a stop also ends the pools it starts
    web = task.config.web

    def progress(stage: str, done: int, total: int | None) -> None:
        if stage == "read" and done > web.max_job_pages:
            raise JobLimitExceeded("too_many_pages")
        conn.send(("progress", stage, done, total))

    try:
        skipped = []
        if task.kind == "folder":
            paths, skipped = folder_inputs(
                Path(task.inputs[0]), web.folder_roots, web.max_job_pages
            )
        else:
            paths = [Path(p) for p in task.inputs]
        dossier = task.analyzer(paths, task.config, progress)
        if skipped:
            dossier = dataclasses.replace(dossier, errors=(*skipped, *dossier.errors))
        dossier = without_server_paths(dossier, Path(task.inputs[0]))
        progress("write", 0, 1)
        task.writer(dossier, Path(task.out_dir))
        conn.send(("done", dossier_title(dossier), dossier_counts(dossier)))
    except BaseException as exc:
        reason = failure_reason(exc)
        if reason == "internal":
            log.exception("job %s failed", task.job_id)
        with contextlib.suppress(OSError):
            conn.send(("failed", reason))
    finally:
        conn.close()


class _Running:
    """A job a worker has taken: its process once started, and why it must stop, if it must."""

    def __init__(self) -> None:
        self.process: Any = None
        self.stop_reason: str | None = None
        self.ended = threading.Event()

    def stop(self, reason: str) -> None:
        """Ask the worker to stop this job (it kills the process at its next look)."""
        if self.stop_reason is None:
            self.stop_reason = reason
        kill_job_process(self.process)


def kill_job_process(process: Any) -> None:
    """Kill a job's process and the process group it leads, if it is still running."""
    if process is None or process.exitcode is not None:
        return
    with contextlib.suppress(OSError):
        os.killpg(process.pid, signal.SIGKILL)
    with contextlib.suppress(OSError, ValueError):
        process.kill()


class JobRunner:
    """Runs queued jobs, each in its own process, ``web.workers`` at a time."""

    def __init__(
        self,
        store: JobStore,
        config: Config,
        analyzer: Analyzer = pipeline_analyzer,
        writer: Writer = report_writer,
    ) -> None:
        self.store = store
        self.config = config
        self.web = config.web
        self.analyzer = analyzer
        self.writer = writer
        for name, function in (("analyzer", analyzer), ("writer", writer)):
            try:
                pickle.dumps(function)
            except (pickle.PicklingError, TypeError, AttributeError) as exc:
                raise TypeError(
                    f"the job {name} runs in another process, so it must be picklable: a "
                    f"module-level function or a functools.partial of one, not {function!r}"
                ) from exc
        self._context = multiprocessing.get_context(start_method())
        if self._context.get_start_method() == "forkserver":
            self._context.set_forkserver_preload(PRELOAD)
        self._pool: ThreadPoolExecutor | None = None
        self._lock = threading.Lock()
        self._running: dict[str, _Running] = {}
        self._closing = False

    def submit(self, job: Job) -> Job:
        """Queue a job; return it as recorded."""
        self.store.save(job)
        with self._lock:
            if self._pool is None:
                self._pool = ThreadPoolExecutor(self.web.workers, thread_name_prefix="khabar-job")
            self._pool.submit(self.run, job.id)
        return job

    def cancel(self, job_id: str) -> Job | None:
        """Cancel a queued or running job; return its state after (None: no such job)."""
        with self._lock:
            job = self.store.get(job_id)
            if job is None or job.status in FINISHED:
                return job
            running = self._running.get(job_id)
            if running is None:  # still queued: the worker that takes it will skip it
                return self._finish(job, "cancelled")
        running.stop("cancelled")
        running.ended.wait(CANCEL_WAIT_SECONDS)
        return self.store.get(job_id)

    def run(self, job_id: str) -> Job | None:
        """Run one queued job to its end (in the calling thread); return its final state."""
        running = _Running()
        with self._lock:
            job = self.store.get(job_id)
            if job is None or job.status != "queued":
                return job
            if self._closing:
                return job  # left queued: the next server start marks it interrupted
            self._running[job_id] = running
        try:
            job = self.store.save(dataclasses.replace(job, status="running", stage="read"))
            try:
                return self._watch(job, running)
            except Exception:  # a job must never stay "running" because its watcher broke
                log.exception("job %s could not be run", job_id)
                return self._finish(job, "internal")
        finally:
            with self._lock:
                self._running.pop(job_id, None)
            running.ended.set()

    def _watch(self, job: Job, running: _Running) -> Job:
        """Start the job's process and follow it to its end."""
        task = JobTask(
            job.id,
            job.kind,
            job.inputs,
            str(self.store.folder(job.id)),
            self.config,
            self.analyzer,
            self.writer,
        )
        receiver, sender = self._context.Pipe(duplex=False)
        process = self._context.Process(
            target=run_task, args=(task, sender), name=f"khabar-job-{job.id}"
        )
        with self._lock:
            if running.stop_reason is not None:
                return self._finish(job, running.stop_reason)
            process.start()
            running.process = process
        sender.close()
        deadline = time.monotonic() + self.web.max_job_seconds
        memory_limit = self.web.max_job_memory_mb * 1024 * 1024
        outcome: tuple[Any, ...] | None = None
        try:
            while outcome is None:
                message = self._receive(receiver, process)
                if message is not None and message[0] == "progress":
                    _, stage, done, total = message
                    job = self.store.save(
                        dataclasses.replace(job, stage=stage, done=done, total=total), force=False
                    )
                    continue
                if message is not None:
                    outcome = message
                elif process.exitcode is not None:
                    # its last message may have come after the poll that found none
                    last = self._last_word(receiver)
                    outcome = last or ("failed", running.stop_reason or "crashed")
                elif running.stop_reason is not None:
                    outcome = ("failed", running.stop_reason)
                elif time.monotonic() > deadline:
                    outcome = ("failed", "timeout")
                elif (resident_bytes(process.pid) or 0) > memory_limit:
                    outcome = ("failed", "memory")
        finally:
            if outcome is None or outcome[0] != "done":
                kill_job_process(process)
            process.join()
            receiver.close()
        if outcome[0] == "done":
            _, title, counts = outcome
            return self.store.save(
                dataclasses.replace(
                    job,
                    status="done",
                    stage="write",
                    done=1,
                    total=1,
                    finished=utc_now(),
                    title=job.name or title,
                    counts=tuple(counts),
                )
            )
        return self._finish(job, str(outcome[1]))

    @staticmethod
    def _receive(receiver: Connection, process: Any) -> tuple[Any, ...] | None:
        """The job process's next message, or None when none came within WATCH_SECONDS (or the
        process is gone)."""
        try:
            if receiver.poll(WATCH_SECONDS):
                message: tuple[Any, ...] = receiver.recv()
                return message
        except (EOFError, OSError):
            process.join(WATCH_SECONDS)  # the pipe closed: the process is ending
        return None

    @staticmethod
    def _last_word(receiver: Connection) -> tuple[Any, ...] | None:
        """The outcome a job process sent before it ended (``done`` or ``failed``), if any is
        still in the pipe; progress messages left in it are passed over."""
        try:
            while receiver.poll(0):
                message: tuple[Any, ...] = receiver.recv()
                if message[0] != "progress":
                    return message
        except (EOFError, OSError):
            pass
        return None

    def _finish(self, job: Job, reason: str) -> Job:
        """Record a job as cancelled or failed for ``reason``, removing half-written output."""
        if self._closing and reason not in ("cancelled", "timeout", "memory", "too_many_pages"):
            reason = "interrupted"
        self.store.clear_outputs(job.id)
        return self.store.save(
            dataclasses.replace(
                job,
                status="cancelled" if reason == "cancelled" else "failed",
                reason=reason,
                error=failure_text(reason, self.web),
                finished=utc_now(),
            )
        )

    def shutdown(self) -> None:
        """Stop taking jobs and stop the running ones (the next start marks them interrupted)."""
        with self._lock:
            self._closing = True
            running = list(self._running.values())
            pool, self._pool = self._pool, None
        for item in running:
            item.stop("interrupted")
        if pool is not None:
            pool.shutdown(wait=False, cancel_futures=True)
