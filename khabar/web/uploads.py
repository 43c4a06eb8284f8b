"""Receiving uploaded files: a multipart body streamed to disk in chunks, under size limits.

The body is parsed as it arrives (never read whole, never trusting ``Content-Length`` alone), each
file goes to a sanitised name inside the job's upload folder, and the upload stops with
:class:`UploadTooLarge` as soon as one file, or the whole request, passes its limit.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from python_multipart.multipart import MultipartParser, parse_options_header

from khabar.config import WebConfig
from khabar.web.data import MESSAGES
from khabar.web.limits import arabic_bytes, human_bytes
from khabar.web.names import is_inside, safe_filename, unique_path

MAX_FIELD_BYTES = 4096
"""Largest plain (non-file) form field kept, in bytes: a label, never a document."""


class UploadError(Exception):
    """An upload the server refuses: ``status`` is the HTTP status to answer with, ``message``
    the Arabic reason a person reads, ``detail`` the English one for API clients (the message
    when not given). Neither names a server path."""

    def __init__(self, status: int, message: str, detail: str | None = None) -> None:
        super().__init__(detail or message)
        self.status = status
        self.message = message
        self.detail = detail or message


class UploadTooLarge(UploadError):
    """A file or the whole request is over its size limit (HTTP 413)."""

    def __init__(self, message: str, detail: str) -> None:
        super().__init__(413, message, detail)


@dataclass(frozen=True)
class StoredFile:
    """One uploaded file as stored: the name the client gave and where it now is."""

    client_name: str
    path: Path
    size: int


@dataclass(frozen=True)
class Upload:
    """What one multipart request held: stored files and small text fields."""

    files: tuple[StoredFile, ...]
    fields: tuple[tuple[str, str], ...]


def boundary_of(content_type: str | None) -> bytes:
    """Return the multipart boundary of a ``Content-Type`` header, or raise UploadError."""
    if not content_type:
        raise UploadError(
            415,
            MESSAGES["not_multipart"],
            "expected a multipart/form-data upload (no Content-Type given)",
        )
    kind, options = parse_options_header(content_type)
    if kind != b"multipart/form-data" or not options.get(b"boundary"):
        raise UploadError(
            415,
            MESSAGES["not_multipart"],
            f"expected a multipart/form-data upload, got {kind.decode('latin-1')!r}",
        )
    return options[b"boundary"]


def check_declared_length(content_length: str | None, limits: WebConfig) -> None:
    """Refuse early a request whose declared length is already over the limit."""
    if content_length is None:
        return
    try:
        declared = int(content_length)
    except ValueError as exc:
        raise UploadError(400, MESSAGES["bad_upload"], "Content-Length is not a number") from exc
    if declared > limits.max_request_bytes:
        raise request_too_large(limits)


def request_too_large(limits: WebConfig) -> UploadTooLarge:
    """The refusal of a request over the per-request limit."""
    return UploadTooLarge(
        MESSAGES["request_too_large"].format(limit=arabic_bytes(limits.max_request_bytes)),
        f"upload too large: the files of one upload may total at most "
        f"{human_bytes(limits.max_request_bytes)}; send fewer files at a time",
    )


class _Receiver:
    """Parser callbacks writing each file part to its own file as the bytes arrive."""

    def __init__(self, folder: Path, limits: WebConfig) -> None:
        self.folder = folder
        self.limits = limits
        self.files: list[StoredFile] = []
        self.fields: list[tuple[str, str]] = []
        self.error: UploadError | None = None
        self._header_field = bytearray()
        self._header_value = bytearray()
        self._headers: dict[bytes, bytes] = {}
        self._handle: BinaryIO | None = None
        self._path: Path | None = None
        self._client_name = ""
        self._field_name = ""
        self._field_value = bytearray()
        self._size = 0

    # python-multipart callbacks -------------------------------------------------------------
    def on_part_begin(self) -> None:
        self._headers = {}
        self._size = 0
        self._field_value = bytearray()

    def on_header_field(self, data: bytes, start: int, end: int) -> None:
        self._header_field += data[start:end]

    def on_header_value(self, data: bytes, start: int, end: int) -> None:
        self._header_value += data[start:end]

    def on_header_end(self) -> None:
        self._headers[bytes(self._header_field).lower()] = bytes(self._header_value)
        self._header_field = bytearray()
        self._header_value = bytearray()

    def on_headers_finished(self) -> None:
        _, options = parse_options_header(self._headers.get(b"content-disposition", b""))
        self._field_name = options.get(b"name", b"").decode("utf-8", "replace")
        filename = options.get(b"filename")
        if filename is None:
            return
        if len(self.files) >= self.limits.max_files:
            self._fail(
                UploadTooLarge(
                    MESSAGES["too_many_files"].format(count=self.limits.max_files),
                    f"too many files: one upload may hold at most {self.limits.max_files}",
                )
            )
            return
        self._client_name = filename.decode("utf-8", "replace")
        path = unique_path(self.folder, safe_filename(self._client_name))
        if not is_inside(path, self.folder):  # pragma: no cover - safe_filename prevents it
            self._fail(UploadError(400, MESSAGES["bad_upload"], "refused file name"))
            return
        self._path = path
        self._handle = path.open("xb")

    def on_part_data(self, data: bytes, start: int, end: int) -> None:
        if self.error is not None:
            return
        chunk = data[start:end]
        self._size += len(chunk)
        if self._handle is not None:
            if self._size > self.limits.max_file_bytes:
                self._fail(
                    UploadTooLarge(
                        MESSAGES["file_too_large"].format(
                            name=self._client_name,
                            limit=arabic_bytes(self.limits.max_file_bytes),
                        ),
                        f"file too large: {self._client_name!r} is over the limit of "
                        f"{human_bytes(self.limits.max_file_bytes)} per file",
                    )
                )
                return
            self._handle.write(chunk)
        elif len(self._field_value) + len(chunk) <= MAX_FIELD_BYTES:
            self._field_value += chunk

    def on_part_end(self) -> None:
        if self._handle is not None and self._path is not None:
            self._handle.close()
            self.files.append(StoredFile(self._client_name, self._path, self._size))
        elif self.error is None and self._field_name:
            self.fields.append((self._field_name, self._field_value.decode("utf-8", "replace")))
        self._handle = None
        self._path = None

    # ------------------------------------------------------------------------------------------
    def _fail(self, error: UploadError) -> None:
        if self.error is None:
            self.error = error
        self.close()

    def close(self) -> None:
        """Close the file being written, if any."""
        if self._handle is not None:
            self._handle.close()
            self._handle = None

    def callbacks(self) -> dict[str, object]:
        """The callback table python-multipart expects."""
        return {
            "on_part_begin": self.on_part_begin,
            "on_part_data": self.on_part_data,
            "on_part_end": self.on_part_end,
            "on_header_field": self.on_header_field,
            "on_header_value": self.on_header_value,
            "on_header_end": self.on_header_end,
            "on_headers_finished": self.on_headers_finished,
        }


async def receive_upload(
    chunks: AsyncIterator[bytes], boundary: bytes, folder: Path, limits: WebConfig
) -> Upload:
    """Stream a multipart body into ``folder``; raise UploadError / UploadTooLarge on refusal.

    On refusal the caller removes ``folder``; files already written there are incomplete.
    """
    folder.mkdir(parents=True, exist_ok=True)
    receiver = _Receiver(folder, limits)
    parser = MultipartParser(boundary, receiver.callbacks())  # type: ignore[arg-type]
    total = 0
    try:
        async for chunk in chunks:
            total += len(chunk)
            if total > limits.max_request_bytes:
                raise request_too_large(limits)
            try:
                parser.write(chunk)
            except UploadError:
                raise
            except Exception as exc:  # python-multipart raises its own errors on bad bodies
                raise UploadError(400, MESSAGES["bad_upload"], "malformed multipart body") from exc
            if receiver.error is not None:
                raise receiver.error
        parser.finalize()
    finally:
        receiver.close()
    if receiver.error is not None:
        raise receiver.error
    return Upload(tuple(receiver.files), tuple(receiver.fields))
