"""khabar: Arabic-first news-story intelligence.

Pages in (text dumps, HTML, WARC, JSON Lines, zip, folders), a dossier out: clean articles,
entities, events and stories on a timeline, claims compared across outlets, cited summaries.

>>> import khabar
>>> dossier = khabar.analyze(["examples/"])          # doctest: +SKIP
>>> print(dossier.to_json()[:40])                     # doctest: +SKIP
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from khabar.model import Dossier


def analyze(paths: Any, config: Any = None, progress: Any = None, executor: Any = None) -> Dossier:
    """Analyse files, folders, globs and archives into a :class:`~khabar.model.Dossier`.

    See :func:`khabar.pipeline.analyze` for the arguments.
    """
    from khabar.pipeline import analyze as _analyze
    from khabar.pipeline import no_progress

    return _analyze(paths, config, progress or no_progress, executor)


__all__ = ["__version__", "analyze"]
