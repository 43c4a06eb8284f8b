"""What the app's routes share: the job store and runner, the limits, the templates."""

from __future__ import annotations

from dataclasses import dataclass

import jinja2
from fastapi import Request

from khabar.web.jobs import JobRunner, JobStore
from khabar.web.limits import WebLimits


@dataclass(frozen=True)
class WebState:
    """Everything a request handler needs, held on ``app.state.khabar``."""

    store: JobStore
    runner: JobRunner
    limits: WebLimits
    templates: jinja2.Environment


def web_state(request: Request) -> WebState:
    """The app's shared state, from a request."""
    state: WebState = request.app.state.khabar
    return state
