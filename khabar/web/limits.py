"""Sizes the web app works with, and how it says them to a person.

The limits a server's owner may change live in :class:`khabar.config.WebConfig` (``[web]``);
the fixed ones are here.
"""

from __future__ import annotations

KIB = 1024
MIB = 1024 * KIB

MAX_FORM_BYTES = 64 * KIB
"""Largest url-encoded form (the folder and login forms hold one path or one token), in bytes."""


def human_bytes(n: int) -> str:
    """Say a byte count the way a person reads it (``20 MB``, ``512 KB``)."""
    if n >= MIB:
        return f"{n / MIB:.3g} MB"
    if n >= KIB:
        return f"{n / KIB:.3g} KB"
    return f"{n} bytes"
