"""A CRFsuite model's string tables (label and attribute names → ids) read from its file.

The CRF's weights are indexed by label and attribute ids; the names behind the ids live in two
CQDB chunks of the model file. ``pycrfsuite.Tagger.info()`` gets them by writing the whole model
out as text and parsing it back in Python (a second or more for the bundled model, the biggest
part of opening the tagger). Here the chunks are read as arrays instead, in tens of
milliseconds, from the file itself: nothing is derived, cached or kept beside the model.

A CQDB chunk (crfsuite's ``cqdb.c``) is a 24-byte header (``CQDB``, chunk size, flags, byte-order
mark, the number of ids, the offset of the backward array), 256 hash-table references, the
records, the hash tables, then the backward array: for each id the offset of its record (from
the chunk's start). A record is the id (uint32), the key's size in bytes with its terminating
NUL (uint32), then the key. Any departure from that layout raises :class:`ModelError`; the
tagger then falls back on pycrfsuite's dump.
"""

from __future__ import annotations

import struct
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from numpy.typing import NDArray

from khabar.entities.crf import (
    CHUNK_HEADER_BYTES,
    FEATURE_DTYPE,
    HEADER_FORMAT,
    MODEL_MAGIC,
    MODEL_TYPE,
    STATE_FEATURE,
)
from khabar.errors import ModelError

CQDB_MAGIC = b"CQDB"
CQDB_HEADER_FORMAT = "<4sIIIII"
"""chunk id, chunk size, flags, byte-order mark, number of ids, offset of the backward array."""

CQDB_BYTE_ORDER = 0x62445371
"""The byte-order mark crfsuite writes (its ``BYTEORDER_CHECK``), read little-endian."""

RECORD_HEADER_BYTES = 8
"""A record opens with its id and its key's size, two uint32."""


@dataclass(frozen=True)
class ModelTables:
    """What ``pycrfsuite.Tagger.info()`` gives the tagger: the names behind the model's ids."""

    labels: Mapping[str, int]
    """Label name → label id."""
    attributes: Mapping[str, int]
    """Attribute name → attribute id."""
    known: frozenset[str]
    """Attributes with at least one state feature (the ones ``info().state_features`` lists)."""


def read_tables(path: Path) -> ModelTables:
    """The label and attribute tables of the CRFsuite model file at ``path``."""
    data = path.read_bytes()
    if len(data) < struct.calcsize(HEADER_FORMAT):
        raise ModelError(f"{path} is too short for a CRFsuite model")
    header = struct.unpack_from(HEADER_FORMAT, data)
    magic, size, kind, _, _, num_labels, num_attrs, off_features, off_labels, off_attrs = header[
        :10
    ]
    if magic != MODEL_MAGIC or kind != MODEL_TYPE or size != len(data):
        raise ModelError(f"{path} is not a whole CRFsuite linear-chain model")
    labels = _names(data, off_labels, num_labels, path)
    attributes = _names(data, off_attrs, num_attrs, path)
    sources = _state_sources(data, off_features, num_attrs, path)
    known = attributes if len(sources) == num_attrs else [attributes[i] for i in sources]
    return ModelTables(
        labels=dict(zip(labels, range(num_labels), strict=True)),
        attributes=dict(zip(attributes, range(num_attrs), strict=True)),
        known=frozenset(known),
    )


def _names(data: bytes, offset: int, count: int, path: Path) -> list[str]:
    """The keys of the CQDB chunk at ``offset``, by id (``count`` of them)."""
    if offset + struct.calcsize(CQDB_HEADER_FORMAT) > len(data):
        raise ModelError(f"{path}: a string table lies past the file's end")
    magic, size, _, order, ids, backward = struct.unpack_from(CQDB_HEADER_FORMAT, data, offset)
    end = offset + size
    if magic != CQDB_MAGIC or order != CQDB_BYTE_ORDER or ids != count or end > len(data):
        raise ModelError(f"{path}: unexpected string table at byte {offset}")
    if backward + 4 * count > size:
        raise ModelError(f"{path}: a string table's index lies past its end")
    starts = offset + np.frombuffer(data, "<u4", count=count, offset=offset + backward).astype(
        np.int64
    )
    if count and (starts.min() < offset or starts.max() + RECORD_HEADER_BYTES > end):
        raise ModelError(f"{path}: a string table's record lies outside it")
    raw = np.frombuffer(data, np.uint8)
    record_ids = _uint32_at(raw, starts)
    sizes = _uint32_at(raw, starts + 4)
    if not np.array_equal(record_ids, np.arange(count)) or (count and sizes.min() < 1):
        raise ModelError(f"{path}: a string table's records do not match its index")
    keys = starts + RECORD_HEADER_BYTES
    if count and int((keys + sizes).max()) > end:
        raise ModelError(f"{path}: a string table's key runs past its end")
    # every key's bytes, NUL included, one after another in id order: one decode, one split
    firsts = np.cumsum(sizes) - sizes
    at = np.repeat(keys - firsts, sizes) + np.arange(int(sizes.sum()))
    blob = raw[at]
    if count and not np.all(blob[firsts + sizes - 1] == 0):
        raise ModelError(f"{path}: a string table's key is not NUL-terminated")
    try:
        names = blob.tobytes().decode("utf-8").split("\0")[:-1]
    except UnicodeDecodeError as e:
        raise ModelError(f"{path}: a string table's key is not UTF-8 ({e})") from e
    if len(names) != count:
        raise ModelError(f"{path}: a string table's key holds a NUL")
    return names


def _uint32_at(raw: NDArray[np.uint8], at: NDArray[np.int64]) -> NDArray[np.int64]:
    """Little-endian uint32 values at byte offsets ``at`` (not necessarily aligned)."""
    out = np.zeros(len(at), np.int64)
    for byte in range(4):
        out |= raw[at + byte].astype(np.int64) << (8 * byte)
    return out


def _state_sources(data: bytes, offset: int, num_attrs: int, path: Path) -> NDArray[np.int64]:
    """Ids of the attributes some state feature of the FEAT chunk at ``offset`` starts from."""
    if offset + CHUNK_HEADER_BYTES > len(data):
        raise ModelError(f"{path}: the feature table lies past the file's end")
    (count,) = struct.unpack_from("<I", data, offset + 8)
    if offset + CHUNK_HEADER_BYTES + count * FEATURE_DTYPE.itemsize > len(data):
        raise ModelError(f"{path}: the feature table runs past the file's end")
    features = np.frombuffer(
        data, dtype=FEATURE_DTYPE, count=count, offset=offset + CHUNK_HEADER_BYTES
    )
    sources = np.unique(features["src"][features["type"] == STATE_FEATURE]).astype(np.int64)
    if len(sources) and sources[-1] >= num_attrs:
        raise ModelError(f"{path}: a state feature names an attribute the model lacks")
    return sources
