"""Configuration: one frozen dataclass per stage, gathered in :class:`Config`.

Defaults live here; a user TOML file overrides any of them by section and key::

    [read]
    max_bytes = 50_000_000

    [events]
    similarity_threshold = 0.3

Pass the result explicitly (``khabar.analyze(paths, config=load_config("khabar.toml"))``); no
stage reads globals.
"""

from __future__ import annotations

import dataclasses
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from khabar.errors import ConfigError


@dataclass(frozen=True)
class ReadConfig:
    """Options of the reading stage (``khabar.read``)."""

    max_bytes: int = 20_000_000
    """Largest file read, in bytes; larger inputs are reported as errors, not read."""
    max_archive_members: int = 100_000
    """Most members read from one zip archive, counting the members of the zips nested in it."""
    max_archive_bytes: int = 400_000_000
    """Most uncompressed bytes read from one zip archive, zips nested in it included (zip-bomb
    guard); also the largest archive file read. Reading an archive that expands to this much
    while holding every page peaks at 850 MiB (benchmarks/results_read_memory.md); 2 GB ran
    past 3 GiB."""
    max_compression_ratio: int = 200
    """Largest uncompressed/compressed size ratio of a zip member over 1 MB; news pages deflate
    5-20x, a zip bomb 1000x, so a member beyond this is reported, not decompressed."""
    max_line_bytes: int = 5_000_000
    """Longest JSON Lines row read, in bytes (an article with its raw HTML is well under 2 MB);
    a longer row is skipped and reported without being held in memory."""
    follow_symlinks: bool = True
    """Read the files and folders that symbolic links inside a folder point to (loops are
    detected); False lists them as skipped."""


@dataclass(frozen=True)
class CleanConfig:
    """Options of the cleaning stage (``khabar.clean``)."""

    min_body_chars: int = 150
    """A page whose clean body is shorter than this holds no article (index page, error page)."""
    learn_outlet_chrome: bool = True
    """Treat lines that repeat across several pages of one outlet as page chrome."""


@dataclass(frozen=True)
class EntitiesConfig:
    """Options of entity recognition and resolution (``khabar.entities``)."""

    model_path: str | None = None
    """Path of a tagger model; None uses the model bundled with khabar."""


@dataclass(frozen=True)
class EventsConfig:
    """Options of near-duplicate detection, event clustering and stories (``khabar.events``)."""

    similarity_threshold: float | None = None
    """Override of the clustering link threshold; None keeps the calibrated default."""


@dataclass(frozen=True)
class ClaimsConfig:
    """Options of claim extraction and alignment (``khabar.claims``)."""

    old_story_days: int = 365
    """An article whose event is this many days older than its story's newest event is old."""


@dataclass(frozen=True)
class SummaryConfig:
    """Options of the summariser (``khabar.summary``)."""

    sentences_per_event: int = 4


@dataclass(frozen=True)
class RunConfig:
    """How the per-page stages are executed (``khabar.run``)."""

    executor: str = "local"
    """``local`` or ``dask``."""
    workers: int = 1
    """Worker processes for the per-page stages: 1 (the default) = in-process, no pool; 0 = one
    per core this process may run on. The default stays in-process until a pool of two is
    measured faster than one process on this project's shared 2-core machine: under the other
    sessions' load it was 0.79-0.81x (benchmarks/results_pipeline.md, "The pool")."""
    pool_min_pages: int = 200
    """Fewest pages for which the local executor starts a process pool; fewer are cleaned and
    annotated in-process. A pool pays for its start (a fork server: about 1 CPU s of imports
    besides the annotator's load, which in-process pays too) and its result pickling only
    past a few hundred pages; below that one process is as fast and lighter on a shared
    machine (measured: benchmarks/results_pipeline.md, "The pool by default")."""
    scheduler: str | None = None
    """Address of a running Dask scheduler; None starts a local cluster."""


@dataclass(frozen=True)
class WebConfig:
    """Options of ``khabar serve`` (``khabar.web``): what it may read, who may use it, and the
    limits of one upload and one analysis job."""

    folder_roots: tuple[str, ...] = ()
    """Absolute folders on the server whose contents users may ask it to analyse; empty (the
    default) turns the folder form and ``POST /api/jobs/folder`` off."""
    token: str | None = None
    """Secret every request must carry (``Authorization: Bearer`` or the login cookie); None
    leaves the app open, which ``khabar serve`` allows on loopback only. ``--token-file`` and
    the ``KHABAR_TOKEN`` environment variable are better places for it than a config file."""
    workers: int = 2
    """Analysis jobs run at the same time, each in its own process: two, so that one slow job
    never holds up the queue (the machine it is meant for has two cores)."""
    max_job_seconds: int = 1800
    """Longest one job may run, in seconds, before it is stopped and marked failed (the example
    pages take seconds; half an hour is a few thousand pages on one slow core)."""
    max_job_pages: int = 20_000
    """Most pages (and unreadable inputs) one job may read before it is stopped: a few days of
    a national news site, and a bound on the memory a job holds."""
    max_job_memory_mb: int = 2048
    """Most resident memory one job's process may use, in MiB, before it is stopped: a job
    process starts at about 95 MB and the ten example pages peak at about 200 MB (measured);
    the bound stops a zip bomb or a giant row long before the machine runs out."""
    max_file_bytes: int = 20 * 1024 * 1024
    """Largest uploaded file, in bytes: the same bound as ``ReadConfig.max_bytes``."""
    max_request_bytes: int = 100 * 1024 * 1024
    """Largest upload request (all its files together), in bytes: a few hundred pages at once."""
    max_files: int = 1_000
    """Most files in one upload request: one analyst's pile of saved pages."""

    def __post_init__(self) -> None:
        roots = self.folder_roots
        if isinstance(roots, str) or not all(isinstance(r, str) for r in roots):
            raise ConfigError("[web] folder_roots must be a list of folder paths")
        relative = [r for r in roots if not Path(r).expanduser().is_absolute()]
        if relative:
            raise ConfigError(f"[web] folder_roots must be absolute paths, not {relative[0]!r}")
        object.__setattr__(self, "folder_roots", tuple(str(Path(r).expanduser()) for r in roots))
        if self.token is not None and not isinstance(self.token, str):
            raise ConfigError("[web] token must be a string")
        for name in (
            "workers",
            "max_job_seconds",
            "max_job_pages",
            "max_job_memory_mb",
            "max_file_bytes",
            "max_request_bytes",
            "max_files",
        ):
            value = getattr(self, name)
            if not isinstance(value, int) or isinstance(value, bool) or value < 1:
                raise ConfigError(f"[web] {name} must be a whole number of at least 1")

    @property
    def folders_allowed(self) -> bool:
        """Whether users may ask the server to analyse a folder on its own disk."""
        return bool(self.folder_roots)


@dataclass(frozen=True)
class Config:
    """The root configuration: one section per stage."""

    read: ReadConfig = field(default_factory=ReadConfig)
    clean: CleanConfig = field(default_factory=CleanConfig)
    entities: EntitiesConfig = field(default_factory=EntitiesConfig)
    events: EventsConfig = field(default_factory=EventsConfig)
    claims: ClaimsConfig = field(default_factory=ClaimsConfig)
    summary: SummaryConfig = field(default_factory=SummaryConfig)
    run: RunConfig = field(default_factory=RunConfig)
    web: WebConfig = field(default_factory=WebConfig)


def config_from_dict(values: dict[str, Any], base: Config | None = None) -> Config:
    """Return ``base`` (or the defaults) with the sections and keys of ``values`` replaced."""
    base = base or Config()
    sections: dict[str, Any] = {}
    known = {f.name: f for f in dataclasses.fields(Config)}
    for name, section_values in values.items():
        if name not in known:
            raise ConfigError(f"unknown config section [{name}]; known: {', '.join(known)}")
        if not isinstance(section_values, dict):
            raise ConfigError(f"config section [{name}] must be a table of keys")
        current = getattr(base, name)
        keys = {f.name for f in dataclasses.fields(current)}
        unknown = set(section_values) - keys
        if unknown:
            raise ConfigError(
                f"unknown key(s) in [{name}]: {', '.join(sorted(unknown))}; "
                f"known: {', '.join(sorted(keys))}"
            )
        try:
            sections[name] = dataclasses.replace(current, **section_values)
        except TypeError as exc:  # pragma: no cover - replace() validates names only
            raise ConfigError(f"bad value in [{name}]: {exc}") from exc
    return dataclasses.replace(base, **sections)


def load_config(path: str | Path | None) -> Config:
    """Read a TOML config file over the defaults; None gives the defaults."""
    if path is None:
        return Config()
    path = Path(path)
    try:
        values = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise ConfigError(f"config file not found: {path}") from exc
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"config file {path} is not valid TOML: {exc}") from exc
    return config_from_dict(values)
