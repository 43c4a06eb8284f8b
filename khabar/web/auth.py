"""Token authentication: when the server has a token, every request must carry it.

A request is let in when it carries ``Authorization: Bearer <token>`` (scripts, the API) or the
session cookie that the login form sets (browsers). Without either, API requests get 401 and
page requests are sent to ``/login``; only the login form and the stylesheet are open.

The token comes from ``khabar serve --token-file FILE``, else the ``KHABAR_TOKEN`` environment
variable, else ``[web] token``; a server listening beyond loopback refuses to start without one.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
from pathlib import Path
from urllib.parse import quote

from khabar.errors import ConfigError
from khabar.web.data import MESSAGES
from khabar.web.security import ASGIApp, Receive, Scope, Send, header_value

TOKEN_ENV = "KHABAR_TOKEN"
"""Environment variable that may hold the token."""

MIN_TOKEN_CHARS = 16
"""Shortest token accepted, in characters: 16 random URL-safe characters are 96 bits, beyond
guessing over a network; a shorter one is refused with the command that makes a good one."""

MAX_TOKEN_FILE_BYTES = 4096
"""Largest token file read, in bytes (a token is one short line)."""

SESSION_COOKIE = "khabar_session"
"""Name of the cookie the login form sets."""

SESSION_CONTEXT = b"khabar-session-v1"
"""Mixed into the cookie's value so the cookie is not the token itself."""

LOGIN_PATH = "/login"
OPEN_PATHS = frozenset({LOGIN_PATH, "/static/style.css"})
"""Paths served without the token: the login form (GET and POST) and its stylesheet."""

MAKE_TOKEN = "python -c 'import secrets; print(secrets.token_urlsafe(24))'"


def check_token(token: str, origin: str) -> str:
    """Return the token stripped, or raise ConfigError saying why it cannot be used."""
    token = token.strip()
    if len(token) < MIN_TOKEN_CHARS or any(c.isspace() for c in token):
        raise ConfigError(
            f"the token from {origin} must be at least {MIN_TOKEN_CHARS} characters with no "
            f"spaces; make one with: {MAKE_TOKEN}"
        )
    return token


def resolve_token(
    token_file: str | Path | None,
    configured: str | None,
    environ: dict[str, str] | None = None,
) -> str | None:
    """The server's token: from ``token_file``, else $KHABAR_TOKEN, else the config; or None."""
    environ = dict(os.environ) if environ is None else environ
    if token_file is not None:
        path = Path(token_file)
        try:
            with path.open("rb") as handle:
                data = handle.read(MAX_TOKEN_FILE_BYTES + 1)
        except OSError as exc:
            raise ConfigError(f"cannot read the token file {path}: {exc.strerror}") from exc
        if len(data) > MAX_TOKEN_FILE_BYTES:
            raise ConfigError(f"the token file {path} is too large to hold one token")
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise ConfigError(f"the token file {path} is not UTF-8 text") from exc
        return check_token(text, f"the token file {path}")
    if environ.get(TOKEN_ENV, "").strip():
        return check_token(environ[TOKEN_ENV], f"${TOKEN_ENV}")
    if configured is not None:
        return check_token(configured, "[web] token")
    return None


class TokenAuth:
    """Checks requests against one token."""

    def __init__(self, token: str) -> None:
        self._token = token.encode("utf-8")
        self.session = hmac.new(self._token, SESSION_CONTEXT, hashlib.sha256).hexdigest()
        """The login cookie's value: derived from the token, not the token."""

    def accepts_token(self, given: str) -> bool:
        """Tell whether a token typed or sent is the server's (in constant time)."""
        return hmac.compare_digest(given.strip().encode("utf-8"), self._token)

    def accepts(self, scope: Scope) -> bool:
        """Tell whether a request carries the token or the session cookie."""
        authorization = header_value(scope, b"authorization") or ""
        scheme, _, value = authorization.partition(" ")
        if scheme.lower() == "bearer" and self.accepts_token(value):
            return True
        return hmac.compare_digest(self._cookie(scope).encode(), self.session.encode())

    @staticmethod
    def _cookie(scope: Scope) -> str:
        for part in (header_value(scope, b"cookie") or "").split(";"):
            name, _, value = part.strip().partition("=")
            if name == SESSION_COOKIE:
                return value
        return ""

    def cookie_header(self) -> str:
        """``Set-Cookie`` for a browser that logged in: script cannot read it, other sites'
        requests do not carry it."""
        return f"{SESSION_COOKIE}={self.session}; Path=/; HttpOnly; SameSite=Strict"


def logout_cookie_header() -> str:
    """``Set-Cookie`` that removes the login cookie."""
    return f"{SESSION_COOKIE}=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict"


def safe_next(target: str | None) -> str:
    """Where to go after logging in: a path of this site only (never ``//other.site``)."""
    if not target or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return "/"
    return target


def wants_json(scope: Scope) -> bool:
    """Whether a refused request should be answered in JSON (the API) rather than a redirect."""
    path = str(scope.get("path", ""))
    if path.startswith("/api/") or path == "/openapi.json":
        return True
    return "text/html" not in (header_value(scope, b"accept") or "")


class TokenGate:
    """ASGI middleware: without the token (or its cookie), nothing but the login form."""

    def __init__(self, app: ASGIApp, auth: TokenAuth | None) -> None:
        self.app = app
        self.auth = auth

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if (
            self.auth is None
            or scope["type"] != "http"
            or scope.get("path") in OPEN_PATHS
            or self.auth.accepts(scope)
        ):
            await self.app(scope, receive, send)
            return
        if wants_json(scope):
            body = json.dumps(
                {"message": MESSAGES["login_needed"], "detail": MESSAGES["login_needed"]},
                ensure_ascii=False,
            ).encode()
            headers = [
                (b"content-type", b"application/json"),
                (b"www-authenticate", b'Bearer realm="khabar"'),
                (b"content-length", str(len(body)).encode()),
            ]
            await send({"type": "http.response.start", "status": 401, "headers": headers})
            await send({"type": "http.response.body", "body": body})
            return
        target = str(scope.get("path", "/"))
        query = bytes(scope.get("query_string", b"")).decode("latin-1")
        if query:
            target += "?" + query
        location = f"{LOGIN_PATH}?next={quote(safe_next(target), safe='')}"
        await send(
            {
                "type": "http.response.start",
                "status": 303,
                "headers": [(b"location", location.encode()), (b"content-length", b"0")],
            }
        )
        await send({"type": "http.response.body", "body": b""})
