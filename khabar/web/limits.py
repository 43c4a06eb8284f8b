"""Sizes the web app works with, and how it says them to a person.

The limits a server's owner may change live in :class:`khabar.config.WebConfig` (``[web]``);
the fixed ones are here.
"""

from __future__ import annotations

from khabar.web.data import ARABIC_BYTE_UNITS

KIB = 1024
MIB = 1024 * KIB

MAX_FORM_BYTES = 64 * KIB
"""Largest url-encoded form (the folder and login forms hold one path or one token), in bytes."""


BYTE_UNITS = ("bytes", "KB", "MB")
"""Units of :func:`human_bytes`, smallest first (the Arabic ones are in khabar.web.data)."""


def _say_bytes(n: int, units: tuple[str, str, str]) -> str:
    if n >= MIB:
        return f"{n / MIB:.3g} {units[2]}"
    if n >= KIB:
        return f"{n / KIB:.3g} {units[1]}"
    return f"{n} {units[0]}"


def human_bytes(n: int) -> str:
    """Say a byte count the way a person reads it (``20 MB``, ``512 KB``)."""
    return _say_bytes(n, BYTE_UNITS)


def arabic_bytes(n: int) -> str:
    """Say a byte count in Arabic (``20 ميغابايت``, ``512 كيلوبايت``)."""
    return _say_bytes(n, ARABIC_BYTE_UNITS)
