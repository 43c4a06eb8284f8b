"""The Arabic text layer: normalisation, tokenisation and clitics, for matching."""

from khabar.arabic.clitics import Split, split_clitics, strip_prefix_clitics
from khabar.arabic.normalize import normalize
from khabar.arabic.tokenize import original_length, proclitic_chars, segment, tokenize

__all__ = [
    "Split",
    "normalize",
    "original_length",
    "proclitic_chars",
    "segment",
    "split_clitics",
    "strip_prefix_clitics",
    "tokenize",
]
