"""khabar's exceptions, in one place.

::

    KhabarError                 anything khabar raises on purpose
    ├── ConfigError             a config file or option is wrong
    ├── InputError              an input cannot be analysed (reported in dossier.errors)
    │   ├── ReadError           missing, unreadable, binary, undecodable, too large, unsafe archive
    │   └── ExtractionError     readable, but no article could be found in it
    ├── ModelError              a bundled model is missing or does not match this version
    ├── StoreError              the article store is unusable (locked, newer schema, corrupt)
    └── MissingExtraError       an optional feature needs an extra that is not installed

Messages say what was wrong and, where there is one, how to fix it.
"""

from __future__ import annotations


class KhabarError(Exception):
    """Base class of every error khabar raises on purpose."""


class ConfigError(KhabarError):
    """A configuration file or option is invalid."""


class InputError(KhabarError):
    """An input could not be analysed; the message is shown to the user with the source."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class ReadError(InputError):
    """An input could not be read or decoded."""


class ExtractionError(InputError):
    """An input was read but holds no article (an index page, an empty body)."""


class ModelError(KhabarError):
    """A bundled model is missing or incompatible."""


class StoreError(KhabarError):
    """The article store cannot be used."""


class MissingExtraError(KhabarError):
    """An optional dependency is missing; the message names the install command."""

    def __init__(self, feature: str, extra: str) -> None:
        super().__init__(
            f"{feature} needs the optional '{extra}' dependencies: pip install 'khabar[{extra}]'"
        )
        self.feature = feature
        self.extra = extra
