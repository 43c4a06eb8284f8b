"""Helpers of the web app tests: small analysers, a dossier builder, job polling.

The small analyser turns each uploaded text file into an article (first line = title) and all of
them into one event with a claim, so the tests exercise the app without waiting on the pipeline.
Jobs run in their own processes, so every analyser here is a module-level function (bound to
its arguments with ``functools.partial``), and a test holds a job at a point through files in
a gate folder (``reached`` written by the job, ``release`` by the test), not threading events.
"""

from __future__ import annotations

import dataclasses
import json
import os
import time
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from khabar.config import Config
from khabar.model import (
    AnnotatedArticle,
    Article,
    Claim,
    ClaimSource,
    Contradiction,
    Dossier,
    EntityRecord,
    Event,
    Failure,
    Mention,
    Story,
    SummarySentence,
)

if TYPE_CHECKING:
    from fastapi.testclient import TestClient

JOB_TIMEOUT_SECONDS = 30.0
"""Longest wait for a job of the small analyser (milliseconds, plus the job process's start;
the first job of a session also starts the fork server, which imports the pipeline)."""

GATE_SECONDS = 60.0
"""Longest a gated analyser waits for its release, and a test for the gate to be reached."""

FINAL_STATUSES = ("done", "failed", "cancelled")

PIPELINE_TIMEOUT_SECONDS = 180.0
"""Longest wait for a job of the real pipeline over the example pages (seconds on 2 cores)."""


def need_web_extra() -> None:
    """Skip the calling test module or fixture when the web extra or httpx is absent."""
    pytest.importorskip("fastapi", reason="the web extra is absent: pip install 'khabar[web]'")
    pytest.importorskip("httpx", reason="FastAPI's TestClient needs httpx: pip install httpx")


def dossier_from_texts(named_texts: Sequence[tuple[str, str]]) -> Dossier:
    """A small but complete dossier: one article per text, one event, one story, one claim."""
    articles = []
    for i, (name, text) in enumerate(named_texts):
        lines = [line.strip() for line in text.splitlines() if line.strip()]
        title = lines[0] if lines else name
        body = tuple(lines[1:]) or (title,)
        article = Article(
            id=f"a{i + 1}",
            source=name,
            title=title,
            published=date(2025, 10, 15 + i),
            outlet=f"outlet{i + 1}",
            language="ar",
            paragraphs=body,
        )
        first = body[0]
        mentions = (Mention(first[:5], "PER", 0, min(5, len(first)), entity="e1"),)
        articles.append(AnnotatedArticle(article, mentions=mentions))
    ids = tuple(a.id for a in articles)
    first_body = articles[0].article.paragraphs[0] if articles else ""
    event = Event(
        id="ev-1",
        title=articles[0].article.title or "حدث" if articles else "حدث",
        articles=ids,
        date=date(2025, 10, 15),
        date_evidence=(first_body,),
        story="st-1",
        summary=tuple(SummarySentence(a.article.paragraphs[0], a.id) for a in articles),
    )
    claim = Claim(
        id="cl-1",
        text=first_body,
        speaker=None,
        event="ev-1",
        sources=tuple(ClaimSource(a.id, a.article.paragraphs[0], "asserted") for a in articles),
    )
    return Dossier(
        articles=tuple(articles),
        events=(event,) if articles else (),
        stories=(Story("st-1", event.title, ("ev-1",)),) if articles else (),
        entities=(EntityRecord("e1", "بوتين", "PER", ("بوتين", "بوتن"), ids),),
        claims=(claim,) if articles else (),
        errors=(Failure("broken.bin", "binary file, not a page"),),
        meta=(("khabar_version", "test"), ("created", "2025-10-20T00:00:00+00:00")),
    )


PILE_ARTICLES: tuple[tuple[str, str, str, date, str, str], ...] = (
    # id, outlet, url, published, title, text
    (
        "q1",
        "الجزيرة",
        "https://www.aljazeera.net/news/quake",
        date(2025, 10, 14),
        "زلزال في جنوب تركيا",
        "ضرب زلزال بقوة ست درجات جنوب تركيا صباح الثلاثاء.",
    ),
    (
        "v1",
        "العربية",
        "https://www.alarabiya.net/arab/visit",
        date(2025, 10, 15),
        "بوتين يستقبل الشرع في موسكو",
        "استقبل الرئيس الروسي فلاديمير بوتين الرئيس السوري أحمد الشرع في الكرملين.",
    ),
    (
        "v2",
        "الجزيرة",
        "https://www.aljazeera.net/news/kremlin-talks",
        date(2025, 10, 16),
        "محادثات الكرملين تتناول القواعد",
        "قال المتحدث باسم الكرملين إن المحادثات تناولت القواعد الروسية في سوريا.",
    ),
    (
        "v3",
        "سكاي نيوز عربية",
        "https://www.skynewsarabia.com/middle-east/return",
        date(2025, 10, 17),
        "الشرع يعود إلى دمشق",
        "عاد الرئيس السوري أحمد الشرع إلى دمشق بعد زيارته موسكو، ولم تُعلن نتائج المحادثات.",
    ),
)
"""Four articles of two stories: a small one (the quake, listed first) and a big one (the visit)."""

PILE_ENTITY_NAMES = {"e-tr": "تركيا", "e-putin": "بوتين", "e-sharaa": "أحمد الشرع"}
PILE_MENTIONS = {
    "q1": ("e-tr",),
    "v1": ("e-putin", "e-sharaa"),
    "v2": ("e-putin",),
    "v3": ("e-sharaa",),
}
SMALL_STORY = "زلزال جنوب تركيا"
BIG_STORY = "زيارة الشرع إلى موسكو"


def pile_dossier() -> Dossier:
    """A dossier of two stories whose first listed is the smaller, with outlets, days, entities,
    claims and a contradiction to filter by."""
    articles = []
    for article_id, outlet, url, day, title, text in PILE_ARTICLES:
        article = Article(
            article_id, f"{article_id}.html", title, day, outlet, "ar", (text,), url=url
        )
        mentions = tuple(
            Mention(PILE_ENTITY_NAMES[e], "PER", 0, 1, entity=e) for e in PILE_MENTIONS[article_id]
        )
        articles.append(AnnotatedArticle(article, mentions=mentions))
    events = (
        Event("ev-quake", "زلزال بقوة ست درجات", ("q1",), date(2025, 10, 14), story="st-quake"),
        Event("ev-visit", "الشرع في موسكو", ("v1", "v2"), date(2025, 10, 15), story="st-visit"),
        Event("ev-return", "عودة الشرع", ("v3",), date(2025, 10, 17), story="st-visit"),
    )
    stories = (
        Story("st-quake", SMALL_STORY, ("ev-quake",)),
        Story("st-visit", BIG_STORY, ("ev-visit", "ev-return")),
    )
    entities = tuple(
        EntityRecord(
            e,
            name,
            "LOC" if e == "e-tr" else "PER",
            (name,),
            tuple(a for a, es in PILE_MENTIONS.items() if e in es),
        )
        for e, name in PILE_ENTITY_NAMES.items()
    )
    talks = Claim(
        "cl-talks",
        "المحادثات تناولت القواعد الروسية",
        None,
        "ev-visit",
        (
            ClaimSource("v2", "المحادثات تناولت القواعد الروسية في سوريا", "attributed"),
            ClaimSource("v3", "لم تُعلن نتائج المحادثات", "unconfirmed"),
        ),
    )
    quake = Claim(
        "cl-quake",
        "زلزال بقوة ست درجات",
        None,
        "ev-quake",
        (ClaimSource("q1", "زلزال بقوة ست درجات", "asserted"),),
    )
    contradiction = Contradiction(
        "ct-1", "stance", "v2 attributed / v3 unconfirmed", "cl-talks", talks.sources
    )
    return Dossier(
        articles=tuple(articles),
        events=events,
        stories=stories,
        entities=entities,
        claims=(quake, talks),
        contradictions=(contradiction,),
        errors=(Failure("broken.bin", "binary file, not a page"),),
        meta=(("khabar_version", "test"), ("created", "2025-10-20T00:00:00+00:00")),
    )


def pile_analyzer(paths: Sequence[Path], config: Config, progress: Callable[..., None]) -> Dossier:
    """Whatever was uploaded, the dossier of :func:`pile_dossier`."""
    progress("read", 1, 1)
    return pile_dossier()


def _files(paths: Sequence[Path]) -> list[Path]:
    return sorted(f for p in paths for f in ([p] if p.is_file() else p.rglob("*")) if f.is_file())


def small_analyzer(paths: Sequence[Path], config: Config, progress: Callable[..., None]) -> Dossier:
    """Read every file under ``paths`` as UTF-8 text and build a small dossier from them."""
    files = _files(paths)
    texts = []
    for i, f in enumerate(files, 1):
        texts.append((f.name, f.read_text("utf-8", "replace")))
        progress("read", i, len(files))
    progress("events", 0, None)
    return dossier_from_texts(texts)


def wait_for_job(
    client: TestClient, job_id: str, timeout: float = JOB_TIMEOUT_SECONDS
) -> dict[str, Any]:
    """Poll the status endpoint until the job is done or failed; return the last status."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        status = client.get(f"/api/jobs/{job_id}").json()
        if status["status"] in FINAL_STATUSES:
            return status
        time.sleep(0.02)
    raise AssertionError(f"job {job_id} did not finish in {timeout} s")


def wait_for_file(path: Path, timeout: float = GATE_SECONDS) -> None:
    """Wait until a file exists (a gated job reached its gate)."""
    deadline = time.monotonic() + timeout
    while not path.exists():
        if time.monotonic() > deadline:
            raise AssertionError(f"{path} did not appear in {timeout} s")
        time.sleep(0.02)


def gated_analyzer(
    gate: Path, paths: Sequence[Path], config: Config, progress: Callable[..., None]
) -> Dossier:
    """Report annotate 2 of 7, write ``gate/pid`` and ``gate/reached``, wait for
    ``gate/release``, then analyse like the small analyser (bind ``gate`` with
    functools.partial). Inputs named ``fast…`` pass the gate at once."""
    progress("annotate", 2, 7)
    if any(p.name.startswith("fast") for p in _files(paths)):
        return small_analyzer(paths, config, progress)
    (gate / "pid").write_text(str(os.getpid()))
    (gate / "reached").touch()
    deadline = time.monotonic() + GATE_SECONDS
    while not (gate / "release").exists() and time.monotonic() < deadline:
        time.sleep(0.02)
    return small_analyzer(paths, config, progress)


SECRET_DETAIL = "/srv/secret/internal-path"


def failing_analyzer(
    paths: Sequence[Path], config: Config, progress: Callable[..., None]
) -> Dossier:
    """Fail the way a bug does: an exception whose text names a server path."""
    raise RuntimeError(f"cannot open {SECRET_DETAIL}/{paths[0].name}")


def sleeping_analyzer(
    gate: Path, paths: Sequence[Path], config: Config, progress: Callable[..., None]
) -> Dossier:
    """Write its pid to ``gate/pid``, then never finish (a job only a stop can end)."""
    (gate / "pid").write_text(str(os.getpid()))
    progress("annotate", 0, 1)
    time.sleep(3600)
    raise AssertionError("a sleeping job was not stopped")


def crashing_analyzer(
    paths: Sequence[Path], config: Config, progress: Callable[..., None]
) -> Dossier:
    """End the job's process without a word (as a segfault or the kernel's OOM killer does)."""
    os._exit(3)


def hungry_analyzer(
    megabytes: int, paths: Sequence[Path], config: Config, progress: Callable[..., None]
) -> Dossier:
    """Hold ``megabytes`` MiB of touched memory, then wait (a zip bomb's effect, in small)."""
    block = bytearray(megabytes * 1024 * 1024)
    for i in range(0, len(block), 4096):
        block[i] = 1
    progress("annotate", 0, 1)
    time.sleep(3600)
    raise AssertionError(f"a job holding {len(block)} bytes was not stopped")


PAGE_A = (
    "بوتين يستقبل الشرع في موسكو\nالتقى الرئيس الروسي فلاديمير بوتين نظيره السوري في الكرملين.\n"
)
PAGE_B = "محادثات في الكرملين\nقال المتحدث باسم الكرملين إن المحادثات تناولت القواعد الروسية.\n"


STORED_JOB_ID = "20251020-000000-0000abcd"


def store_dossier(data_dir: Path, dossier: Dossier, job_id: str = STORED_JOB_ID) -> str:
    """Write a finished job and its dossier.json straight into a data folder (as a job of an
    earlier run left them), for tests of what the app serves rather than how it analyses."""
    folder = data_dir / "jobs" / job_id
    folder.mkdir(parents=True)
    record = {
        "id": job_id,
        "kind": "upload",
        "label": "pile.zip",
        "inputs": [],
        "created": "2025-10-20T00:00:00+00:00",
        "status": "done",
        "title": "ملف مخزّن",
    }
    (folder / "job.json").write_text(json.dumps(record, ensure_ascii=False), "utf-8")
    (folder / "dossier.json").write_text(dossier.to_json(), "utf-8")
    return job_id


def path_analyzer(paths: Sequence[Path], config: Config, progress: Callable[..., None]) -> Dossier:
    """Like the small analyser, but naming each source by its full path on the server, and
    listing a failed input under one (as the pipeline's readers do)."""
    files = _files(paths)
    dossier = dossier_from_texts([(str(f), f.read_text("utf-8", "replace")) for f in files])
    broken = Failure(str(files[0].parent / "broken.bin"), "binary file, not a page")
    return dataclasses.replace(dossier, errors=(broken,))
