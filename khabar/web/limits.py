"""The web app's own options: upload limits and job concurrency."""

from __future__ import annotations

from dataclasses import dataclass

MIB = 1024 * 1024

DEFAULT_MAX_FILE_BYTES = 20 * MIB
"""Largest uploaded file, in bytes: the same bound as ``ReadConfig.max_bytes`` (a news page, or a
zip of a few hundred pages, is far below it)."""

DEFAULT_MAX_REQUEST_BYTES = 100 * MIB
"""Largest upload request, in bytes (all files together): a few hundred pages in one go."""

DEFAULT_MAX_FILES = 1_000
"""Most files in one upload request: one analyst's pile of saved pages."""

DEFAULT_MAX_FORM_BYTES = 64 * 1024
"""Largest url-encoded form (the folder form holds one path), in bytes."""

DEFAULT_JOB_WORKERS = 1
"""Analyses run at the same time: the pipeline uses a whole core, so one by default."""


@dataclass(frozen=True)
class WebLimits:
    """Limits and options of ``khabar serve``."""

    max_file_bytes: int = DEFAULT_MAX_FILE_BYTES
    max_request_bytes: int = DEFAULT_MAX_REQUEST_BYTES
    max_files: int = DEFAULT_MAX_FILES
    max_form_bytes: int = DEFAULT_MAX_FORM_BYTES
    job_workers: int = DEFAULT_JOB_WORKERS
    allow_folders: bool = True
    """Whether users may ask the server to analyse a folder on its own disk."""
    folder_roots: tuple[str, ...] = ()
    """When not empty, only folders under one of these roots may be analysed."""

    def __post_init__(self) -> None:
        for name in ("max_file_bytes", "max_request_bytes", "max_files", "max_form_bytes"):
            if getattr(self, name) <= 0:
                raise ValueError(f"WebLimits.{name} must be positive")
        if self.job_workers < 1:
            raise ValueError("WebLimits.job_workers must be at least 1")


def limits_from_config(config: object | None) -> WebLimits:
    """Read the ``[web]`` section of a khabar config when it has one; defaults otherwise."""
    section = getattr(config, "web", None)
    if section is None:
        return WebLimits()
    names = WebLimits.__dataclass_fields__
    values = {k: getattr(section, k) for k in names if hasattr(section, k)}
    if "folder_roots" in values:
        values["folder_roots"] = tuple(values["folder_roots"])
    return WebLimits(**values)


def human_bytes(n: int) -> str:
    """Say a byte count the way a person reads it (``20 MB``, ``512 KB``)."""
    if n >= MIB:
        return f"{n / MIB:.3g} MB"
    if n >= 1024:
        return f"{n / 1024:.3g} KB"
    return f"{n} bytes"
