"""Starting analyses: from an upload streamed into a job folder, or from a folder on the server."""

from __future__ import annotations

from collections.abc import AsyncIterator

from starlette.requests import Request

from khabar.web.data import MESSAGES
from khabar.web.folders import resolve_folder
from khabar.web.jobs import Job, utc_now
from khabar.web.runner import JobRunner
from khabar.web.uploads import (
    UploadError,
    boundary_of,
    check_declared_length,
    receive_upload,
)

LABEL_FIELD = "label"
"""Optional form field naming the dossier (its title in the list)."""

MAX_LABEL_CHARS = 200
"""Longest dossier name or input label kept, in characters."""

LABEL_FILES_SHOWN = 3
"""File names listed in a job's label before ``+N``."""


def _label(names: list[str]) -> str:
    """What went in, in a line: the first file names (or the folder) and how many more."""
    shown = ", ".join(names[:LABEL_FILES_SHOWN])
    more = len(names) - LABEL_FILES_SHOWN
    return (shown + (f" +{more}" if more > 0 else ""))[:MAX_LABEL_CHARS]


def _name(given: str | None) -> str | None:
    """The name the user typed for the dossier, tidied, or None when the field was blank."""
    name = " ".join((given or "").split())[:MAX_LABEL_CHARS]
    return name or None


async def start_upload_job(
    runner: JobRunner,
    content_type: str | None,
    content_length: str | None,
    chunks: AsyncIterator[bytes],
) -> Job:
    """Store an uploaded multipart body under a new job and queue its analysis."""
    limits = runner.web
    boundary = boundary_of(content_type)
    check_declared_length(content_length, limits)
    store = runner.store
    job_id = store.new_id()
    folder = store.uploads(job_id)
    try:
        upload = await receive_upload(chunks, boundary, folder, limits)
        if not upload.files:
            raise UploadError(
                400,
                MESSAGES["no_files"],
                "no files in the upload: send one or more files as 'files'",
            )
    except BaseException:
        store.discard(job_id)
        raise
    name = _name(dict(upload.fields).get(LABEL_FIELD))
    stored = [f.path.name for f in upload.files]
    job = Job(
        id=job_id,
        kind="upload",
        label=_label([f.client_name.replace("\\", "/").rsplit("/", 1)[-1] for f in upload.files]),
        name=name,
        title=name,
        inputs=(str(folder.resolve()),),
        created=utc_now(),
        files=tuple(stored),
    )
    return runner.submit(job)


async def start_upload_request(runner: JobRunner, request: Request) -> Job:
    """Store the upload a request carries under a new job and queue its analysis (UploadError
    when it is refused: the app answers that in Arabic, as a page or JSON)."""
    return await start_upload_job(
        runner,
        request.headers.get("content-type"),
        request.headers.get("content-length"),
        request.stream(),
    )


def start_folder_job(runner: JobRunner, path_text: str, label: str = "") -> Job:
    """Queue the analysis of a folder (or file) under the server's folder roots."""
    path = resolve_folder(path_text, runner.web)
    name = _name(label)
    job = Job(
        id=runner.store.new_id(),
        kind="folder",
        label=_label([path_text.strip()]),
        name=name,
        title=name,
        inputs=(str(path),),
        created=utc_now(),
    )
    return runner.submit(job)
