"""What the app's routes share: the job store and runner, the options, the templates, the token."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import jinja2
from fastapi import Request

from khabar.config import WebConfig
from khabar.web.auth import TokenAuth
from khabar.web.jobs import JobStore
from khabar.web.runner import JobRunner


@dataclass(frozen=True)
class WebState:
    """Everything a request handler needs, held on ``app.state.khabar``."""

    store: JobStore
    runner: JobRunner
    web: WebConfig
    templates: jinja2.Environment
    auth: TokenAuth | None = None
    """The token check, when the server has a token."""
    labels: Mapping[str, Any] = field(default_factory=dict)
    """The HTML dossier's wording (labels.json), for the words the app shares with it."""


def web_state(request: Request) -> WebState:
    """The app's shared state, from a request."""
    state: WebState = request.app.state.khabar
    return state
