"""Web addresses as inputs: pages, RSS / Atom feeds and sitemaps, fetched politely.

``khabar analyze https://…`` reads the page at the address like a file of any format (HTML,
JSON Lines, CSV, a zip…). A feed or a sitemap is read as the list of articles it links to, each
fetched in turn. Every request:

* names khabar in its ``User-Agent``;
* is allowed by the host's ``robots.txt`` (RFC 9309: a missing file allows everything, a server
  error forbids everything), redirects included, each hop checked;
* waits, between two requests to one host, the ``Crawl-delay`` robots.txt asks for or
  :data:`DEFAULT_DELAY_S`;
* gives up after the timeouts below and once the body passes ``read.max_bytes``.

A fetch that fails becomes a Failure whose reason starts with :data:`NOT_FETCHED`, so the command
can exit non-zero for it while the rest of the batch is analysed. The HTTP client is httpx
(imported only when an address is given); tests serve pages from 127.0.0.1.
"""

from __future__ import annotations

import time
import urllib.robotparser
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from email.message import Message
from typing import TYPE_CHECKING
from urllib.parse import urljoin, urlsplit

from khabar import __version__
from khabar.config import ReadConfig
from khabar.model import Failure, Page
from khabar.read.feeds import Listing, feed_links

if TYPE_CHECKING:  # httpx is imported when a web address is read, not with khabar
    import httpx

URL_SCHEMES: tuple[str, ...] = ("http://", "https://")

NOT_FETCHED = "not fetched"
"""How the reason of every fetch failure begins (``not fetched: the server answered 404``)."""

USER_AGENT = f"khabar/{__version__} (news analysis; fetches only the addresses it is given)"
ROBOTS_AGENT = "khabar"
"""The name matched against ``User-agent`` lines of robots.txt."""

CONNECT_TIMEOUT_S = 10.0
"""Seconds to wait for a connection to a host."""
READ_TIMEOUT_S = 30.0
"""Seconds to wait for the next bytes of an answer (a stalled server is given up on)."""
DEFAULT_DELAY_S = 1.0
"""Seconds between two requests to one host when its robots.txt asks for no Crawl-delay."""
MAX_REDIRECTS = 5
"""Redirects followed for one address (each hop checked against its host's robots.txt)."""
MAX_ROBOTS_BYTES = 512_000
"""Largest robots.txt read (RFC 9309 asks crawlers to read at least 500 KiB)."""
MAX_FEED_ITEMS = 500
"""Most articles fetched from one feed or sitemap; the rest are listed as not fetched."""

CHUNK_BYTES = 65_536


@dataclass(frozen=True)
class FetchConfig:
    """How politely and how far addresses are fetched."""

    user_agent: str = USER_AGENT
    connect_timeout_s: float = CONNECT_TIMEOUT_S
    read_timeout_s: float = READ_TIMEOUT_S
    delay_s: float = DEFAULT_DELAY_S
    max_redirects: int = MAX_REDIRECTS
    max_feed_items: int = MAX_FEED_ITEMS


@dataclass(frozen=True)
class Fetched:
    """One answer: the address it came from after redirects, its bytes and declared charset."""

    url: str
    data: bytes
    charset: str | None


class FetchError(Exception):
    """A fetch that could not be done; the message is the reason shown to the user."""


def is_url(path: str) -> bool:
    """True when a path the user gave is an http(s) address rather than a file."""
    return path.strip().lower().startswith(URL_SCHEMES)


def _charset(content_type: str | None) -> str | None:
    if not content_type:
        return None
    message = Message()
    message["content-type"] = content_type
    value = message.get_param("charset")
    return value if isinstance(value, str) and value else None


def _host_key(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}".lower()


def _robots_rules(host: str, status: int, body: bytes) -> urllib.robotparser.RobotFileParser | str:
    """A host's rules from its robots.txt answer, or why nothing may be fetched from it."""
    if status >= 500:
        return (
            f"the robots.txt of {host} answered {status} (a server error), which forbids fetching"
        )
    rules = urllib.robotparser.RobotFileParser()
    # a missing robots.txt (4xx) or one behind a redirect allows everything
    rules.parse(body.decode("utf-8", "replace").splitlines() if status < 300 else [])
    return rules


class Fetcher:
    """A polite HTTP client for one batch: robots.txt read once per host, a pause between two
    requests to one host. ``sleep`` and ``clock`` are replaceable for tests."""

    def __init__(
        self,
        read: ReadConfig,
        cfg: FetchConfig | None = None,
        *,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.read = read
        self.cfg = cfg or FetchConfig()
        self.sleep = sleep
        self.clock = clock
        self._client: httpx.Client | None = None
        self._robots: dict[str, urllib.robotparser.RobotFileParser | str] = {}
        """Rules of each host's robots.txt, or why the host is not fetched from."""
        self._last: dict[str, float] = {}

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the connections."""
        if self._client is not None:
            self._client.close()
            self._client = None

    def _http(self) -> httpx.Client:
        if self._client is None:
            try:
                import httpx
            except ImportError as exc:
                raise FetchError(
                    "reading web addresses needs httpx: pip install 'httpx>=0.27'"
                ) from exc
            timeout = httpx.Timeout(self.cfg.read_timeout_s, connect=self.cfg.connect_timeout_s)
            self._client = httpx.Client(
                headers={"User-Agent": self.cfg.user_agent},
                timeout=timeout,
                follow_redirects=False,  # followed by hand, each hop checked against robots
                trust_env=False,
            )
        return self._client

    def _get(self, url: str, limit: int) -> tuple[int, dict[str, str], bytes, str | None]:
        """One GET: status, headers, at most ``limit`` bytes of the body, redirect target."""
        import httpx

        try:
            with self._http().stream("GET", url) as response:
                headers = {k.lower(): v for k, v in response.headers.items()}
                if response.is_redirect:
                    return response.status_code, headers, b"", headers.get("location")
                declared = headers.get("content-length", "")
                if declared.isdigit() and int(declared) > limit:
                    raise FetchError(f"the page is {declared} bytes, over read.max_bytes={limit}")
                body = bytearray()
                for chunk in response.iter_bytes(CHUNK_BYTES):
                    body += chunk
                    if len(body) > limit:
                        raise FetchError(f"the page is over read.max_bytes={limit} bytes")
                return response.status_code, headers, bytes(body), None
        except httpx.TimeoutException as exc:
            raise FetchError(f"the server did not answer in time ({type(exc).__name__})") from exc
        except httpx.HTTPError as exc:
            raise FetchError(f"the connection failed ({type(exc).__name__}: {exc})") from exc

    def _rules(self, url: str) -> urllib.robotparser.RobotFileParser:
        """The host's robots.txt rules, read once; FetchError when the host cannot be reached
        or its robots.txt answers a server error (which forbids everything, RFC 9309)."""
        key = _host_key(url)
        if key not in self._robots:
            try:
                status, _, body, _ = self._get(f"{key}/robots.txt", MAX_ROBOTS_BYTES)
            except FetchError as exc:
                self._robots[key] = str(exc)
            else:
                self._robots[key] = _robots_rules(key, status, body)
        found = self._robots[key]
        if isinstance(found, str):
            raise FetchError(found)
        return found

    def _wait_turn(self, url: str, rules: urllib.robotparser.RobotFileParser) -> None:
        key = _host_key(url)
        asked = rules.crawl_delay(ROBOTS_AGENT)
        delay = float(asked) if asked is not None else self.cfg.delay_s
        last = self._last.get(key)
        if last is not None:
            left = delay - (self.clock() - last)
            if left > 0:
                self.sleep(left)
        self._last[key] = self.clock()

    def fetch(self, url: str) -> Fetched:
        """GET ``url`` politely, following redirects; raise FetchError with the reason."""
        current = url
        for _ in range(self.cfg.max_redirects + 1):
            if not is_url(current):
                raise FetchError(f"redirected to {current!r}, which is not a web address")
            rules = self._rules(current)
            if not rules.can_fetch(ROBOTS_AGENT, current):
                raise FetchError(f"the robots.txt of {_host_key(current)} forbids this address")
            self._wait_turn(current, rules)
            status, headers, body, location = self._get(current, self.read.max_bytes)
            if location is not None:
                current = urljoin(current, location)
                continue
            if status >= 400:
                raise FetchError(f"the server answered {status}")
            return Fetched(current, body, _charset(headers.get("content-type")))
        raise FetchError(f"more than {self.cfg.max_redirects} redirects")


def _fetch(url: str, fetcher: Fetcher) -> Fetched | Failure:
    """The answer at ``url``, or the Failure saying why it was not fetched."""
    try:
        return fetcher.fetch(url)
    except FetchError as exc:
        return Failure(url, f"{NOT_FETCHED}: {exc}")


ReadBlob = Callable[[bytes, str, str | None, str], Iterator[Page | Failure]]
"""Reads fetched bytes: ``(data, source, declared charset, url)`` → pages and failures."""


def _index_links(index: Listing, fetcher: Fetcher) -> Iterator[str | Failure]:
    """The article addresses of the sitemaps a sitemap index lists (one level deep)."""
    for sitemap in index.links:
        got = _fetch(sitemap, fetcher)
        listed = None if isinstance(got, Failure) else feed_links(got.data, got.url)
        if isinstance(got, Failure):
            yield got
        elif listed is None or listed.kind != "sitemap":
            yield Failure(sitemap, "listed in a sitemap index but not a sitemap; skipped")
        else:
            yield from listed.links


def read_url(url: str, fetcher: Fetcher, read_blob: ReadBlob) -> Iterator[Page | Failure]:
    """The pages of one address: the page itself, or the articles a feed or sitemap lists."""
    url = url.strip()
    got = _fetch(url, fetcher)
    if isinstance(got, Failure):
        yield got
        return
    listed = feed_links(got.data, got.url)
    if listed is None:
        yield from read_blob(got.data, url, got.charset, got.url)
        return
    links = _index_links(listed, fetcher) if listed.kind == "sitemap index" else listed.links
    limit = fetcher.cfg.max_feed_items
    count = 0
    for link in links:
        if isinstance(link, Failure):
            yield link
            continue
        count += 1
        item = (
            Failure(link, f"{NOT_FETCHED}: the {listed.kind} lists more than {limit} articles")
            if count > limit
            else _fetch(link, fetcher)
        )
        if isinstance(item, Failure):
            yield item
        else:
            yield from read_blob(item.data, link, item.charset, item.url)
    if count == 0:
        yield Failure(url, f"the {listed.kind} lists no articles")
