"""How the app answers a request it cannot serve: in Arabic, and never with a server path, a
stack or a configuration key.

A request of the API (a path under ``/api/``) gets JSON::

    {"message": "<Arabic, for people>", "detail": "<English or Arabic, for programs>"}

``detail`` keeps what API clients had before (an English reason naming only what the client
itself sent, or FastAPI's list of invalid parameters); ``message`` is always Arabic. A browser
gets the app's Arabic error page. Unexpected exceptions are logged on the server, in full, and
answered with one plain Arabic sentence.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException

from khabar.web.data import MESSAGES, STATUS_MESSAGES
from khabar.web.uploads import UploadError

log = logging.getLogger(__name__)

ErrorPage = Callable[[Request, int, str], Response]
"""Renders the Arabic error page: (request, status, headline)."""

INTERNAL_ERROR_CSP = "default-src 'none'; style-src 'self'; base-uri 'none'; form-action 'self'"
"""Policy of the page answering an unexpected exception: it is sent from outside the middleware
that sets the usual one, and has no script."""

API_PREFIX = "/api/"
OPENAPI_PATH = "/openapi.json"

VALIDATION_FIELDS = ("loc", "msg", "type")
"""What the JSON answer keeps of each invalid parameter FastAPI reports (its ``input``, ``ctx``
and ``url`` are left out: they echo the request or point at library internals)."""


class Refusal(HTTPException):
    """A request the app will not serve: ``message`` in Arabic for people, ``detail`` (English,
    for API clients) naming nothing but what the client sent."""

    def __init__(
        self,
        status: int,
        message: str,
        detail: str | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(status, detail or message, headers)
        self.message = message


def wants_json(request: Request) -> bool:
    """Whether a refusal is answered in JSON: requests of the API (and its description) are;
    the interface's pages and forms get the Arabic error page."""
    path = request.url.path
    return path.startswith(API_PREFIX) or path == OPENAPI_PATH


def status_message(status: int) -> str:
    """The Arabic sentence for an HTTP status with no more particular message."""
    if status in STATUS_MESSAGES:
        return STATUS_MESSAGES[status]
    return STATUS_MESSAGES[500] if status >= 500 else STATUS_MESSAGES[400]


def error_json(
    status: int, message: str, detail: Any, headers: dict[str, str] | None = None
) -> JSONResponse:
    """The JSON answer of a refused API request."""
    return JSONResponse({"message": message, "detail": detail}, status_code=status, headers=headers)


def json_error_body(message: str, detail: Any) -> bytes:
    """The same body, as bytes, for middleware that answers before the app does."""
    return json.dumps({"message": message, "detail": detail}, ensure_ascii=False).encode("utf-8")


def _invalid_fields(exc: RequestValidationError) -> list[dict[str, Any]]:
    return [{k: e[k] for k in VALIDATION_FIELDS if k in e} for e in exc.errors()]


def _field_names(fields: list[dict[str, Any]]) -> str:
    names = [str(f["loc"][-1]) for f in fields if f.get("loc")]
    return "، ".join(dict.fromkeys(names)) or "—"


def install(app: FastAPI, error_page: ErrorPage) -> None:
    """Answer every refused or failed request of ``app`` in Arabic (JSON or the error page)."""

    async def refused(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, HTTPException)
        message = getattr(exc, "message", None) or status_message(exc.status_code)
        if wants_json(request):
            return error_json(exc.status_code, message, exc.detail, exc.headers)
        page = error_page(request, exc.status_code, message)
        page.headers.update(exc.headers or {})
        return page

    async def invalid(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, RequestValidationError)
        fields = _invalid_fields(exc)
        if wants_json(request):  # a program's author reads the parameter names
            message = MESSAGES["bad_parameter"].format(names=_field_names(fields))
            return error_json(422, message, fields)
        return error_page(request, 422, status_message(422))  # a reader of the page does not

    async def failed(request: Request, exc: Exception) -> Response:
        log.error("%s %s failed", request.method, request.url.path, exc_info=exc)
        message = status_message(500)
        if wants_json(request):
            return error_json(500, message, "internal error (logged on the server)")
        page = error_page(request, 500, message)
        page.headers["Content-Security-Policy"] = INTERNAL_ERROR_CSP
        return page

    async def upload_refused(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, UploadError)
        return await refused(request, Refusal(exc.status, exc.message, exc.detail))

    app.add_exception_handler(HTTPException, refused)
    app.add_exception_handler(UploadError, upload_refused)
    app.add_exception_handler(RequestValidationError, invalid)
    app.add_exception_handler(Exception, failed)
