"""The FastAPI application of ``khabar serve``, and the function that runs it."""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import jinja2
from fastapi import FastAPI

from khabar import __version__
from khabar.config import Config
from khabar.web import api, ui
from khabar.web.jobs import Analyzer, JobRunner, JobStore, Writer, pipeline_analyzer, report_writer
from khabar.web.limits import WebLimits, limits_from_config
from khabar.web.security import LOOPBACK_NAMES, SecurityHeaders, is_loopback
from khabar.web.state import WebState

log = logging.getLogger(__name__)

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000
DEFAULT_DATA_DIR = "khabar-data"

DESCRIPTION = """\
Upload news pages (or name a folder on the server), follow the analysis, and read the dossiers
it produces: clean articles, entities, events on a timeline, claims compared across outlets.
The `/api/dossiers/...` responses use the field names of `dossier.json`
(docs/dossier.schema.json).
"""


def template_environment() -> jinja2.Environment:
    """The interface's Jinja2 templates, escaping everything they print."""
    return jinja2.Environment(
        loader=jinja2.PackageLoader("khabar.web", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def create_app(
    data_dir: str | Path = DEFAULT_DATA_DIR,
    config: Config | None = None,
    limits: WebLimits | None = None,
    analyzer: Analyzer = pipeline_analyzer,
    writer: Writer = report_writer,
    allowed_hosts: tuple[str, ...] | None = None,
) -> FastAPI:
    """Build the app over a data folder; ``analyzer``/``writer`` may be replaced (tests).

    ``allowed_hosts``: when given, requests whose ``Host`` is not one of them are refused.
    """
    config = config or Config()
    limits = limits or limits_from_config(config)
    store = JobStore(data_dir)
    store.jobs_dir.mkdir(parents=True, exist_ok=True)
    interrupted = store.recover()
    if interrupted:
        log.warning("%d unfinished job(s) from an earlier run marked as failed", interrupted)
    runner = JobRunner(store, config, analyzer, writer, workers=limits.job_workers)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        runner.shutdown(wait=False)

    app = FastAPI(
        title="khabar",
        version=__version__,
        description=DESCRIPTION,
        docs_url=None,  # Swagger UI and ReDoc load their scripts from a CDN; offline, no CDN
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.khabar = WebState(store, runner, limits, template_environment())
    app.include_router(api.router)
    app.include_router(ui.router)
    app.add_middleware(SecurityHeaders, allowed_hosts=allowed_hosts)
    return app


def serving_options(host: str, limits: WebLimits) -> tuple[WebLimits, tuple[str, ...] | None]:
    """The limits and allowed ``Host`` names fitting the address the server listens on."""
    if is_loopback(host):
        return limits, LOOPBACK_NAMES
    if limits.allow_folders and not limits.folder_roots:
        log.warning(
            "listening on %s: analysing server folders is off (set folder_roots to allow it)", host
        )
        limits = dataclasses.replace(limits, allow_folders=False)
    return limits, None


def serve(
    host: str = DEFAULT_HOST,
    port: int = DEFAULT_PORT,
    data_dir: str | Path = DEFAULT_DATA_DIR,
    config: Config | None = None,
    limits: WebLimits | None = None,
) -> None:
    """Run the web app with uvicorn until interrupted.

    On loopback (the default) only loopback host names are answered. On any other address the
    folder form is turned off unless ``limits.folder_roots`` says which folders may be read,
    since anyone who can reach the server could otherwise read any folder on it.
    """
    import uvicorn

    limits, allowed_hosts = serving_options(host, limits or limits_from_config(config))
    app = create_app(data_dir, config, limits, allowed_hosts=allowed_hosts)
    uvicorn.run(app, host=host, port=port, log_level="info")
