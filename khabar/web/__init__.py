"""``khabar serve``: a web app to upload pages, follow the analysis and read dossiers.

Pages (right-to-left Arabic, server-rendered, no external scripts, fonts or CDNs)::

    GET  /                       upload form, folder form (when allowed), a page of jobs
    POST /upload, /folder        start a job, then go to its progress page
    GET  /jobs/{id}              progress (polls /api/jobs/{id}); opens the dossier when done
    POST /jobs/{id}/cancel       stop a queued or running job
    GET  /dossiers/{id}          the HTML dossier (khabar.report.html), scripts disabled by CSP
    GET, POST /login; POST /logout   when the server has a token

JSON API (described at /openapi.json; dossier fields named as in dossier.json)::

    POST /api/jobs               multipart ``files`` (several; zip allowed) -> 202 + job
    POST /api/jobs/folder        {"path": "/abs/folder"} under [web] folder_roots -> 202 + job
    GET  /api/jobs[?limit&offset]            jobs, newest first (X-Total-Count)
    GET  /api/jobs/{id}          status, stage, done, total; error and reason when it failed
    POST /api/jobs/{id}/cancel   stop it; DELETE /api/jobs/{id} stops and removes it
    GET  /api/dossiers[/{id}[/articles|events|stories|entities|claims|contradictions|errors]]
                                 lists take ?limit&offset and send X-Total-Count

What the server serves is only what it was given: uploads, and folders under ``[web]
folder_roots`` (none by default, so the folder form is off). With a token (``--token-file``,
$KHABAR_TOKEN or ``[web] token``; required beyond loopback) every request must carry it. Each
job runs in its own process, ``[web] workers`` at a time, stopped past its time, page or memory
limit or when cancelled (:mod:`khabar.web.runner`).

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

__all__ = ["create_app", "serve"]
