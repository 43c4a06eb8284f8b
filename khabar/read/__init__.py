"""Reading: files, folders, globs, zip, WARC and JSON Lines in; decoded Pages (or Failures) out."""

from __future__ import annotations

from khabar.read.decode import decode_bytes
from khabar.read.reader import iter_pages, read_blob

__all__ = ["decode_bytes", "iter_pages", "read_blob"]
