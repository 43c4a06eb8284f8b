"""khabar: Arabic-first news-story intelligence.

Pages in (text dumps, HTML, WARC, JSON Lines, zip, folders), a dossier out: clean articles,
entities, events and stories on a timeline, claims compared across outlets, cited summaries.

>>> import khabar
>>> dossier = khabar.analyze(["examples/"])          # doctest: +SKIP
>>> print(dossier.to_json()[:40])                     # doctest: +SKIP
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from khabar.config import Config
    from khabar.model import Dossier, Page
    from khabar.pipeline import Input, Progress
    from khabar.run import Executor


def analyze(
    inputs: Iterable[Input] | Input,
    config: Config | None = None,
    progress: Progress | None = None,
    executor: Executor | None = None,
) -> Dossier:
    """Analyse inputs into a :class:`~khabar.model.Dossier`.

    ``inputs``: paths (files, folders, globs, archives, ``-`` for standard input, web
    addresses) and pages made in memory (``khabar.Page.from_html(html)``,
    ``khabar.Page.from_text(body, title=…)``), alone or in a list. ``config`` defaults to
    ``khabar.Config()``; ``progress(stage, done, total)`` is called as stages advance. Write the
    result with ``dossier.write(folder, formats=("json", "html", "csv"))``. See
    :func:`khabar.pipeline.analyze`.
    """
    from khabar.pipeline import analyze as _analyze
    from khabar.pipeline import no_progress

    return _analyze(inputs, config, progress or no_progress, executor)


_LAZY = {
    "Config": "khabar.config",
    "Dossier": "khabar.model",
    "Failure": "khabar.model",
    "Page": "khabar.model",
}
"""Public names imported on first use, so that ``import khabar`` stays light."""


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'khabar' has no attribute {name!r}")


__all__ = ["Config", "Dossier", "Failure", "Page", "__version__", "analyze"]
