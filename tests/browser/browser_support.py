"""What the real-browser tests share: chromium's path and flags, a recording tab, payloads."""

from __future__ import annotations

import socket
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"
"""Screenshots land here (tests/artifacts/, ignored by git)."""

SERVER_START_SECONDS = 20.0
"""Longest wait for uvicorn to accept connections."""

VIEWPORT = {"width": 1280, "height": 900}

XSS_SCRIPT = "<script>window.__pwned=1</script>"
XSS_IMG = '<img src=x onerror="window.__pwned=1">'
XSS_PAGE = f"""\
الكرملين: بوتين يستقبل الشرع {XSS_SCRIPT}

موسكو - 15 أكتوبر 2025

استقبل الرئيس الروسي فلاديمير بوتين في الكرملين يوم الأربعاء الرئيس السوري أحمد الشرع، في أول \
زيارة له إلى موسكو، وبحث الجانبان مستقبل القاعدتين العسكريتين الروسيتين في سوريا {XSS_IMG} \
والتعاون الاقتصادي بين البلدين.

وقال المتحدث باسم الكرملين دميتري بيسكوف إن المحادثات تناولت ملفات سياسية وعسكرية واقتصادية، \
مضيفًا أن موسكو مستعدة لمواصلة دعم سوريا {XSS_SCRIPT} في مرحلة إعادة الإعمار.

وأفادت تقارير غير مؤكدة بأن الجانبين ناقشا أيضًا مسألة تسليم مسؤولين سابقين، \
وهو ما لم يتسن التأكد منه من مصادر مستقلة {XSS_IMG}.
"""
"""A news page whose text carries two script injections (title and body)."""


@dataclass
class Tab:
    """A browser page with the dialogs it tried to open and the errors it logged."""

    page: Any
    dialogs: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def shot(self, name: str, selector: str | None = None) -> Path:
        """Save a screenshot (the viewport, or one element) into tests/artifacts/."""
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        path = ARTIFACTS / f"{name}.png"
        if selector is None:
            self.page.screenshot(path=str(path))
        else:
            self.page.locator(selector).first.screenshot(path=str(path))
        return path

    def pwned(self) -> Any:
        """What ``window.__pwned`` holds (None when no injected script ran)."""
        return self.page.evaluate("() => window.__pwned === undefined ? null : window.__pwned")


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nobody listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class LiveServer:
    """The app served by uvicorn in a thread of the test process."""

    url: str
    data_dir: Path
