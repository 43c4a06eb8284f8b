"""Analysis jobs: one folder per job under the data folder (run by :mod:`khabar.web.runner`).

::

    DATA/jobs/<job id>/job.json        status, stage, progress, counts (rewritten as it runs)
                       uploads/        the uploaded files, under sanitised names
                       dossier.json    the result (khabar.report.json)
                       dossier.html    the HTML dossier (khabar.report.html)

A job's id is its dossier's id. Everything is plain files, so a data folder can be copied, backed
up or deleted with ordinary tools.
"""

from __future__ import annotations

import dataclasses
import json
import logging
import os
import re
import secrets
import shutil
import tempfile
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal

from khabar.config import Config
from khabar.model import Dossier
from khabar.web.data import FAILURE_REASONS

log = logging.getLogger(__name__)

JobStatus = Literal["queued", "running", "done", "failed", "cancelled"]
FINISHED: frozenset[str] = frozenset({"done", "failed", "cancelled"})
"""Statuses a job never leaves."""
JobKind = Literal["upload", "folder"]

Progress = Callable[[str, int, int | None], None]
Analyzer = Callable[[Sequence[Path], Config, Progress], Dossier]
"""Turns input paths into a dossier, reporting ``progress(stage, done, total)``."""
Writer = Callable[[Dossier, Path], object]
"""Writes ``dossier.json`` and ``dossier.html`` for a dossier into a folder."""

JOB_FILE = "job.json"
UPLOADS = "uploads"
DOSSIER_JSON = "dossier.json"
DOSSIER_HTML = "dossier.html"

JOB_ID = re.compile(r"^[0-9]{8}-[0-9]{6}-[0-9a-f]{8}$")
"""Shape of a job id (UTC time, then random hex); anything else is refused before touching disk."""

PROGRESS_WRITE_SECONDS = 0.5
"""Least time between two writes of job.json for progress within one stage, in seconds (the
status page polls about once a second; more writes would only cost disk I/O)."""

DOSSIER_CACHE_SIZE = 8
"""Parsed dossier.json files kept in memory for the JSON API (each a few MB at most)."""


class JobLimitExceeded(Exception):
    """Raised inside a job when it goes over one of its limits; ``reason`` is the key of
    :data:`~khabar.web.data.FAILURE_REASONS` the user is shown."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def utc_now() -> str:
    """The current UTC time, ISO 8601 to the second."""
    return datetime.now(UTC).replace(microsecond=0).isoformat()


def is_job_id(value: str) -> bool:
    """Tell whether ``value`` has the shape of a job id."""
    return bool(JOB_ID.match(value))


@dataclass(frozen=True)
class Job:
    """One analysis: its inputs, where it is, and what it found."""

    id: str
    kind: JobKind
    label: str
    """What went in: the uploaded file names or the folder (or, in jobs of an older khabar, the
    name the user gave)."""
    inputs: tuple[str, ...]
    created: str
    status: JobStatus = "queued"
    stage: str | None = None
    done: int = 0
    total: int | None = None
    error: str | None = None
    """Why the job failed, in Arabic words for the user (never the exception's text)."""
    reason: str | None = None
    """The stable key of that reason (``timeout``, ``too_many_pages``, ``memory``, …)."""
    finished: str | None = None
    name: str | None = None
    """The name the user gave the dossier, if any: its title in the list."""
    title: str | None = None
    """The dossier's headline in the list: the name the user gave, else (set when done) the
    title of its biggest story, as the HTML dossier orders them."""
    counts: tuple[tuple[str, int], ...] = ()
    """``("articles", 5), ("events", 2)``, … set when done."""
    files: tuple[str, ...] = ()
    """Stored names of the uploaded files."""

    def to_dict(self) -> dict[str, Any]:
        """The job as JSON-ready data (as stored in job.json)."""
        data = dataclasses.asdict(self)
        data["inputs"] = list(self.inputs)
        data["files"] = list(self.files)
        data["counts"] = dict(self.counts)
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Job:
        """Rebuild a job from job.json data."""
        names = {f.name for f in dataclasses.fields(cls)}
        values = {k: v for k, v in data.items() if k in names}
        values["inputs"] = tuple(values.get("inputs", ()))
        values["files"] = tuple(values.get("files", ()))
        values["counts"] = tuple(dict(values.get("counts") or {}).items())
        return cls(**values)


def _write_json(path: Path, data: object) -> None:
    """Write JSON through a temporary file so readers never see half a file."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(data, handle, ensure_ascii=False, indent=1)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


class JobStore:
    """The jobs under one data folder: create, update, list, and read their dossiers."""

    def __init__(self, data_dir: str | Path) -> None:
        self.data_dir = Path(data_dir)
        self.jobs_dir = self.data_dir / "jobs"
        self._lock = threading.Lock()
        self._live: dict[str, Job] = {}
        self._last_write: dict[str, float] = {}
        self._read: dict[str, tuple[int, Job]] = {}
        """job.json files already parsed, by id: (modification time in ns, the job)."""
        self._dossiers: OrderedDict[tuple[str, int], dict[str, Any]] = OrderedDict()

    # ids and paths ----------------------------------------------------------------------------
    def new_id(self) -> str:
        """A fresh job id: sortable by time, unguessable enough not to collide."""
        stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
        return f"{stamp}-{secrets.token_hex(4)}"

    def folder(self, job_id: str) -> Path:
        """The folder of a job (KeyError for a malformed id)."""
        if not is_job_id(job_id):
            raise KeyError(job_id)
        return self.jobs_dir / job_id

    def uploads(self, job_id: str) -> Path:
        """Where a job's uploaded files go."""
        return self.folder(job_id) / UPLOADS

    def dossier_json(self, job_id: str) -> Path:
        """The path of a job's dossier.json."""
        return self.folder(job_id) / DOSSIER_JSON

    def dossier_html(self, job_id: str) -> Path:
        """The path of a job's dossier.html."""
        return self.folder(job_id) / DOSSIER_HTML

    # reading and writing jobs -----------------------------------------------------------------
    def save(self, job: Job, force: bool = True) -> Job:
        """Record a job's new state (job.json is rewritten at most every so often unless forced)."""
        folder = self.folder(job.id)
        with self._lock:
            previous = self._live.get(job.id)
            self._live[job.id] = job
            now = time.monotonic()
            stage_changed = previous is None or previous.stage != job.stage
            due = now - self._last_write.get(job.id, 0.0) >= PROGRESS_WRITE_SECONDS
            if force or stage_changed or due:
                folder.mkdir(parents=True, exist_ok=True)
                _write_json(folder / JOB_FILE, job.to_dict())
                self._last_write[job.id] = now
                self._read[job.id] = ((folder / JOB_FILE).stat().st_mtime_ns, job)
            if job.status in FINISHED:
                self._live.pop(job.id, None)
                self._last_write.pop(job.id, None)
        return job

    def get(self, job_id: str) -> Job | None:
        """The job with this id, or None."""
        try:
            path = self.folder(job_id) / JOB_FILE
        except KeyError:
            return None
        with self._lock:
            live = self._live.get(job_id)
        if live is not None:
            return live
        try:
            stamp = path.stat().st_mtime_ns
        except OSError:
            return None
        with self._lock:
            cached = self._read.get(job_id)
        if cached is not None and cached[0] == stamp:
            return cached[1]
        try:
            job = Job.from_dict(json.loads(path.read_text(encoding="utf-8")))
        except (OSError, ValueError, TypeError):
            return None
        with self._lock:
            self._read[job_id] = (stamp, job)
        return job

    def job_ids(self) -> list[str]:
        """The ids of every job, newest first (ids begin with their UTC creation time)."""
        try:
            names = [e.name for e in os.scandir(self.jobs_dir) if is_job_id(e.name)]
        except OSError:
            return []
        return sorted(names, reverse=True)

    def jobs(self) -> list[Job]:
        """Every job, newest first."""
        return [j for j in map(self.get, self.job_ids()) if j is not None]

    def page(
        self, offset: int = 0, limit: int | None = None, status: str | None = None
    ) -> tuple[list[Job], int]:
        """Jobs ``offset`` to ``offset + limit`` (newest first), only those of ``status`` when
        given, and how many there are in all. Unfiltered, only the page's job.json are read."""
        ids = self.job_ids()
        end = None if limit is None else offset + limit
        if status is None:
            jobs = [j for j in map(self.get, ids[offset:end]) if j is not None]
            return jobs, len(ids)
        matching = [j for j in map(self.get, ids) if j is not None and j.status == status]
        return matching[offset:end], len(matching)

    def delete(self, job_id: str) -> bool:
        """Remove a finished job and its files; False when there is no such finished job."""
        job = self.get(job_id)
        if job is None or job.status not in FINISHED:
            return False
        self.discard(job_id)
        return True

    def discard(self, job_id: str) -> None:
        """Remove a job and everything it left on disk."""
        with self._lock:
            self._live.pop(job_id, None)
            self._read.pop(job_id, None)
        shutil.rmtree(self.folder(job_id), ignore_errors=True)

    def clear_outputs(self, job_id: str) -> None:
        """Remove what a job that did not finish may have half-written (dossier, temp files)."""
        folder = self.folder(job_id)
        try:
            entries = list(folder.iterdir())
        except OSError:
            return
        for entry in entries:
            if entry.name not in (JOB_FILE, UPLOADS) and not entry.is_dir():
                entry.unlink(missing_ok=True)

    def recover(self) -> int:
        """Mark jobs a previous server left queued or running as failed; return how many."""
        n = 0
        for job in self.jobs():
            if job.status in ("queued", "running"):
                self.clear_outputs(job.id)
                self.save(
                    dataclasses.replace(
                        job,
                        status="failed",
                        reason="interrupted",
                        error=FAILURE_REASONS["interrupted"],
                        finished=utc_now(),
                    )
                )
                n += 1
        return n

    def load_dossier(self, job_id: str) -> dict[str, Any] | None:
        """The parsed dossier.json of a finished job, or None."""
        try:
            path = self.dossier_json(job_id)
            stamp = path.stat().st_mtime_ns
        except (KeyError, OSError):
            return None
        key = (job_id, stamp)
        with self._lock:
            if key in self._dossiers:
                self._dossiers.move_to_end(key)
                return self._dossiers[key]
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        if not isinstance(data, dict):
            return None
        with self._lock:
            self._dossiers[key] = data
            while len(self._dossiers) > DOSSIER_CACHE_SIZE:
                self._dossiers.popitem(last=False)
        return data


def pipeline_analyzer(paths: Sequence[Path], config: Config, progress: Progress) -> Dossier:
    """Analyse paths with khabar's pipeline."""
    from khabar.pipeline import analyze

    return analyze(list(paths), config, progress)


def report_writer(dossier: Dossier, folder: Path) -> object:
    """Write dossier.json and dossier.html with khabar's report stage."""
    from khabar.report.write import write_dossier

    return write_dossier(dossier, folder)


def dossier_title(dossier: Dossier) -> str | None:
    """A headline for a dossier: the story the HTML dossier puts first (the biggest, then the
    most recent), else its biggest event, else its first titled article."""
    from khabar.report.html import order_stories
    from khabar.report.json import dossier_to_dict

    data = dossier_to_dict(dossier)
    events: list[dict[str, Any]] = data.get("events", [])
    articles: list[dict[str, Any]] = data.get("articles", [])
    stories: list[dict[str, Any]] = data.get("stories", [])
    event_by_id = {e["id"]: e for e in events}
    article_by_id = {a["id"]: a for a in articles}
    titled = [s for s in stories if s.get("title")]
    if titled:
        return str(order_stories(titled, event_by_id, article_by_id)[0]["title"])
    biggest = sorted(
        (e for e in events if e.get("title")), key=lambda e: -len(e.get("articles", []))
    )
    for title in (*(e["title"] for e in biggest), *(a.get("title") for a in articles)):
        if title:
            return str(title)
    return None


def without_server_paths(dossier: Dossier, base: Path) -> Dossier:
    """The dossier with each source under ``base`` (a job's upload folder, or the folder it
    analysed) named from ``base`` on: ``uploads/a.html`` reads ``a.html``, so the server's own
    folders never reach the list of sources or of inputs that could not be analysed."""
    prefix = str(base).rstrip(os.sep) + os.sep

    def shown(source: str) -> str:
        return source[len(prefix) :] if source.startswith(prefix) else source

    articles = tuple(
        dataclasses.replace(
            a, article=dataclasses.replace(a.article, source=shown(a.article.source))
        )
        for a in dossier.articles
    )
    errors = tuple(dataclasses.replace(f, source=shown(f.source)) for f in dossier.errors)
    return dataclasses.replace(dossier, articles=articles, errors=errors)


def dossier_counts(dossier: Dossier) -> tuple[tuple[str, int], ...]:
    """How many of each thing a dossier holds."""
    return (
        ("articles", len(dossier.articles)),
        ("events", len(dossier.events)),
        ("stories", len(dossier.stories)),
        ("entities", len(dossier.entities)),
        ("claims", len(dossier.claims)),
        ("contradictions", len(dossier.contradictions)),
        ("errors", len(dossier.errors)),
    )
