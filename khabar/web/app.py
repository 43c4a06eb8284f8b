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
from khabar.config import Config, WebConfig
from khabar.errors import ConfigError
from khabar.web import api, refusals, ui
from khabar.web.auth import MAKE_TOKEN, TOKEN_ENV, TokenAuth, TokenGate, check_token, resolve_token
from khabar.web.jobs import Analyzer, JobStore, Writer, pipeline_analyzer, report_writer
from khabar.web.runner import JobRunner
from khabar.web.security import LOOPBACK_NAMES, SecurityHeaders, is_loopback
from khabar.web.state import WebState

log = logging.getLogger(__name__)

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000
DEFAULT_DATA_DIR = "khabar-data"

DESCRIPTION = """\
Upload news pages (or name a folder under the server's folder roots), follow the analysis,
and read the dossiers it produces: clean articles, entities, events on a timeline, claims
compared across outlets. When the server has a token, send it as `Authorization: Bearer`.
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
    web: WebConfig | None = None,
    analyzer: Analyzer = pipeline_analyzer,
    writer: Writer = report_writer,
    allowed_hosts: tuple[str, ...] | None = None,
    token: str | None = None,
) -> FastAPI:
    """Build the app over a data folder.

    ``web`` replaces ``config.web``; ``analyzer``/``writer`` may be replaced (tests; they run
    in each job's own process, so they must be picklable). ``allowed_hosts``: when given,
    requests whose ``Host`` is not one of them are refused. ``token`` (else ``web.token``):
    when set, every request must carry it.
    """
    config = config or Config()
    web = web or config.web
    config = dataclasses.replace(config, web=web)
    token = token if token is not None else web.token
    auth = TokenAuth(check_token(token, "the server's options")) if token is not None else None
    store = JobStore(data_dir)
    store.jobs_dir.mkdir(parents=True, exist_ok=True)
    interrupted = store.recover()
    if interrupted:
        log.warning("%d unfinished job(s) from an earlier run marked as failed", interrupted)
    runner = JobRunner(store, config, analyzer, writer)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        runner.shutdown()

    app = FastAPI(
        title="khabar",
        version=__version__,
        description=DESCRIPTION,
        docs_url=None,  # Swagger UI and ReDoc load their scripts from a CDN; offline, no CDN
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.khabar = WebState(
        store, runner, web, template_environment(), auth, labels=ui.dossier_labels()
    )
    app.include_router(api.router)
    app.include_router(ui.router)
    refusals.install(app, ui.error_page)
    app.add_middleware(TokenGate, auth=auth)  # inside SecurityHeaders: its answers get them too
    app.add_middleware(SecurityHeaders, allowed_hosts=allowed_hosts)
    return app


def allowed_hosts_for(host: str) -> tuple[str, ...] | None:
    """The ``Host`` names answered when listening on ``host``: loopback names on loopback (this
    stops DNS-rebinding pages), any name beyond it."""
    return LOOPBACK_NAMES if is_loopback(host) else None


def check_listening(host: str, token: str | None) -> None:
    """Refuse (ConfigError) to listen beyond loopback without a token: anyone who can reach
    the server could otherwise upload, read every dossier and use its folders."""
    if token is None and not is_loopback(host):
        raise ConfigError(
            f"refusing to listen on {host} without a token: anyone on the network could use "
            f"the server. Give one with --token-file FILE or ${TOKEN_ENV} (make one with: "
            f"{MAKE_TOKEN}), or listen on 127.0.0.1"
        )


def serve(
    host: str = DEFAULT_HOST,
    port: int = DEFAULT_PORT,
    data_dir: str | Path = DEFAULT_DATA_DIR,
    config: Config | None = None,
    token_file: str | Path | None = None,
) -> None:
    """Run the web app with uvicorn until interrupted.

    The token comes from ``token_file``, else $KHABAR_TOKEN, else ``[web] token``; beyond
    loopback one is required (ConfigError otherwise, before anything starts).
    """
    import uvicorn

    config = config or Config()
    token = resolve_token(token_file, config.web.token)
    check_listening(host, token)
    app = create_app(data_dir, config, allowed_hosts=allowed_hosts_for(host), token=token)
    uvicorn.run(app, host=host, port=port, log_level="info")
