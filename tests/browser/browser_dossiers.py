"""Dossiers built straight from khabar.model, for browser tests independent of the pipeline,
and analysers that return them (module-level: the app runs each job in its own process)."""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

from khabar.config import Config
from khabar.model import (
    AnnotatedArticle,
    Article,
    ArticleFlag,
    Claim,
    ClaimSource,
    Contradiction,
    Dossier,
    EntityRecord,
    Event,
    Failure,
    Flag,
    Mention,
    RemovedBlock,
    Statement,
    Story,
    SummarySentence,
)


def hostile_dossier(payload: str) -> Dossier:
    """A dossier carrying ``payload`` (page text from the wild) in every field a page can fill."""
    body = (f"قال بوتين {payload} في موسكو.", f"وأضاف بيسكوف أن {payload} غير صحيح.")
    text = "\n".join(body)
    start = text.index("بوتين")
    article = Article(
        id="a1",
        source=f"pages/{payload}.html",
        title=f"عنوان {payload}",
        published=date(2025, 10, 15),
        outlet=f"outlet {payload}",
        language="ar",
        paragraphs=body,
        lede=body[0],
        url="javascript:window.__pwned=1",
        published_evidence=f"15 أكتوبر {payload}",
        removed=(RemovedBlock(f"menu {payload}", "navigation", 1),),
        flags=(Flag("broken_paragraphs", payload),),
    )
    second = Article(
        id="a2",
        source="b.txt",
        title=payload,
        published=date(2025, 10, 17),
        outlet=payload,
        language="ar",
        paragraphs=(f"نفى الكرملين أن {payload}.",),
        url=f"https://example.org/{payload}",
    )
    mention = Mention("بوتين", "PER", start, start + 5, entity="e1")
    statement = Statement(body[1], payload, len(body[0]) + 1, len(text), "attributed", payload)
    annotated = (
        AnnotatedArticle(article, mentions=(mention,), statements=(statement,)),
        AnnotatedArticle(second),
    )
    sides = (ClaimSource("a1", payload, "asserted"), ClaimSource("a2", payload, "denied"))
    return Dossier(
        articles=annotated,
        events=(
            Event(
                id="ev-1",
                title=f"حدث {payload}",
                articles=("a1", "a2"),
                date=date(2025, 10, 15),
                date_evidence=(payload,),
                story="st-1",
                summary=(SummarySentence(body[0], "a1", ("a2",)),),
                participants=("e1",),
            ),
            Event(
                id="ev-2",
                title=payload,
                articles=("a2",),
                date_range=(date(2025, 10, 16), date(2025, 10, 18)),
                story="st-1",
                summary=(SummarySentence(payload, "a2"),),
            ),
        ),
        stories=(Story("st-1", f"قصة {payload}", ("ev-1", "ev-2")),),
        entities=(EntityRecord("e1", f"بوتين {payload}", "PER", (payload, "بوتن"), ("a1",)),),
        claims=(Claim("cl-1", payload, payload, "ev-1", sides),),
        contradictions=(Contradiction("ct-1", "stance", payload, "cl-1", sides),),
        flags=(ArticleFlag("a2", Flag("headline_body_mismatch", payload)),),
        errors=(Failure(payload, payload),),
        meta=(("khabar_version", payload), ("created", "2025-10-20T00:00:00+00:00")),
    )


GATE_SECONDS = 30.0
"""Longest a gated analyser waits for the test to let it finish."""


def hostile_analyzer(
    payload: str, paths: Sequence[Path], config: Config, progress: Callable[..., None]
) -> Dossier:
    """Whatever the pages, the dossier carrying ``payload`` (bind it with functools.partial)."""
    return hostile_dossier(payload)


def gated_analyzer(
    gate: Path, paths: Sequence[Path], config: Config, progress: Callable[..., None]
) -> Dossier:
    """Report annotate 3 of 8, write ``gate/reached``, wait for ``gate/release``, then return
    a plain dossier."""
    progress("annotate", 3, 8)
    (gate / "reached").touch()
    deadline = time.monotonic() + GATE_SECONDS
    while not (gate / "release").exists() and time.monotonic() < deadline:
        time.sleep(0.02)
    return hostile_dossier("خبر عادي")
