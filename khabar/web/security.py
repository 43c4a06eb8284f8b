"""Response headers that keep page content inert, and a same-origin check on form posts."""

from __future__ import annotations

import ipaddress
import secrets
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any
from urllib.parse import urlsplit

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

NONCE_BYTES = 16
"""Random bytes in each response's script nonce (128 bits, as CSP Level 3 advises)."""

APP_CSP = (
    "default-src 'none'; script-src 'nonce-{nonce}'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
"""Policy of the app's own pages: only its stylesheet and its own nonce-tagged inline script."""

DOSSIER_CSP = (
    "default-src 'none'; script-src {script}; style-src 'unsafe-inline'; img-src data:; "
    "form-action 'none'; base-uri 'none'; frame-ancestors 'self'"
)
"""Policy of a served HTML dossier: self-contained (inline CSS and SVG); the only script that may
run is the report's own (``{script}``: its SHA-256, from khabar.report.html), so page text that
slipped past escaping could still not execute. ``script-src 'none'`` for a file (dossier.json)."""

UNSAFE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})

LOOPBACK_NAMES = ("127.0.0.1", "localhost", "::1")
"""Host names a browser uses for a server listening on loopback only."""
CSP_HEADER = b"content-security-policy"

REFUSED_HOST = (
    "رُفض الطلب: افتح الخادم بعنوانه المحلي، مثل http://127.0.0.1:8000/\n"
    "unexpected Host: use http://127.0.0.1/\n"
)
REFUSED_CROSS_SITE = (
    "رُفض الطلب لأنه أُرسل من موقع آخر؛ استعمل صفحات خبر نفسها.\n"
    "cross-site request refused: post from khabar's own pages\n"
)
"""The plain-text answers of requests refused before the app sees them: Arabic, then English
for programs (these answers come before any page or JSON could be chosen)."""


def dossier_csp(script_source: str = "'none'") -> str:
    """The policy of a served dossier, letting run only the script ``script_source`` names."""
    return DOSSIER_CSP.format(script=script_source)


def new_nonce() -> str:
    """A fresh random nonce for one response."""
    return secrets.token_urlsafe(NONCE_BYTES)


def header_value(scope: Scope, name: bytes) -> str | None:
    """The first value of a request header (``name`` in lower case), or None."""
    for key, value in scope.get("headers", ()):
        if key == name:
            return bytes(value).decode("latin-1")
    return None


def is_loopback(host: str) -> bool:
    """Tell whether a listening address is reachable from this machine only."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def host_name(header: str) -> str:
    """The host of a ``Host`` header, without the port (``[::1]:8000`` -> ``::1``)."""
    if header.startswith("["):
        return header[1:].split("]", 1)[0].lower()
    return header.rsplit(":", 1)[0].lower() if header.count(":") == 1 else header.lower()


def same_origin(scope: Scope) -> bool:
    """False when a browser says the request comes from another site (cross-site form post)."""
    fetch_site = header_value(scope, b"sec-fetch-site")
    if fetch_site is not None:
        return fetch_site in ("same-origin", "none")
    origin = header_value(scope, b"origin")
    if origin is None:
        return True
    host = header_value(scope, b"host")
    if origin == "null" or host is None:
        return False
    return urlsplit(origin).netloc.lower() == host.lower()


class SecurityHeaders:
    """ASGI middleware: a per-request CSP nonce, protective headers, same-origin posts only,
    and (when ``allowed_hosts`` is given) only requests naming one of those hosts, which stops
    DNS-rebinding pages from reading a loopback server."""

    def __init__(self, app: ASGIApp, allowed_hosts: tuple[str, ...] | None = None) -> None:
        self.app = app
        self.allowed_hosts = allowed_hosts

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if self.allowed_hosts is not None:
            host = host_name(header_value(scope, b"host") or "")
            if host not in self.allowed_hosts:
                await _plain(send, 421, REFUSED_HOST)
                return
        if scope["method"] in UNSAFE_METHODS and not same_origin(scope):
            await _plain(send, 403, REFUSED_CROSS_SITE)
            return
        nonce = new_nonce()
        scope.setdefault("state", {})["csp_nonce"] = nonce

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                names = {bytes(k).lower() for k, _ in headers}
                if CSP_HEADER not in names:
                    headers.append((CSP_HEADER, APP_CSP.format(nonce=nonce).encode()))
                for key, value in (
                    (b"x-content-type-options", b"nosniff"),
                    (b"referrer-policy", b"same-origin"),
                    (b"x-frame-options", b"SAMEORIGIN"),
                ):
                    if key not in names:
                        headers.append((key, value))
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, send_with_headers)


async def _plain(send: Send, status: int, text: str) -> None:
    body = text.encode("utf-8")
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"text/plain; charset=utf-8"),
                (b"content-length", str(len(body)).encode()),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})
