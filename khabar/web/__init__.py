"""``khabar serve``: a web app to upload pages, follow the analysis and read dossiers.

Pages (right-to-left Arabic, server-rendered, no external scripts, fonts or CDNs)::

    GET  /                       upload form, folder form, the list of dossiers
    POST /upload, /folder        start a job, then go to its progress page
    GET  /jobs/{id}              progress (polls /api/jobs/{id}); opens the dossier when done
    GET  /dossiers/{id}          the HTML dossier (khabar.report.html), scripts disabled by CSP

JSON API (described at /openapi.json; dossier fields named as in dossier.json)::

    POST /api/jobs               multipart ``files`` (several; zip allowed) -> 202 + job
    POST /api/jobs/folder        {"path": "/abs/folder"} -> 202 + job
    GET  /api/jobs/{id}          status, stage, done, total, error
    GET  /api/dossiers[/{id}[/articles|events|stories|entities|claims|contradictions|errors]]

Data live under one folder (default ``./khabar-data``): ``jobs/<id>/`` holds ``job.json``,
``uploads/``, ``dossier.json`` and ``dossier.html``.

Needs the optional ``web`` extra (FastAPI, uvicorn, python-multipart); importing this package
without it raises :class:`~khabar.errors.MissingExtraError` naming the install command.

>>> from khabar.web import serve
>>> serve("127.0.0.1", 8000, "khabar-data", config)      # doctest: +SKIP
"""

from __future__ import annotations

from khabar.errors import MissingExtraError

try:
    import fastapi  # noqa: F401
    import python_multipart  # noqa: F401
    import uvicorn  # noqa: F401
except ImportError as exc:  # pragma: no cover - exercised with the extra missing
    raise MissingExtraError("khabar serve", "web") from exc

from khabar.web.app import create_app, serve
from khabar.web.limits import WebLimits

__all__ = ["WebLimits", "create_app", "serve"]
