"""The frozen dataclasses that flow between khabar's stages.

::

    sources ──read──▶ Page ──clean──▶ Article ──annotate──▶ AnnotatedArticle
                                                                  │
    Dossier ◀──report── Story ◀── Event ◀──cluster────────────────┘
                                   Claim ◀──align── Statement

Every stage is a function from one of these to the next. They hold plain data only (str, int,
date, tuples), so they pickle cheaply and can cross process or Dask worker boundaries.

Offsets (``start``/``end``) are always character offsets into ``Article.text`` (the clean body,
paragraphs joined by ``"\\n"``), end exclusive, so ``article.text[m.start:m.end] == m.text``.
"""

from __future__ import annotations

import bisect
from array import array
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from os import PathLike
from pathlib import Path
from typing import Literal

PageKind = Literal["text", "html", "record"]

MEMORY_SOURCE = "<memory>"
"""The source of a page made in memory (:meth:`Page.from_html`) when none is given."""
"""How a page's ``text`` is to be read: a plain text dump, an HTML document, or a structured record
(a JSON Lines article whose fields are already separated)."""

EntityType = Literal["PER", "LOC", "ORG", "MISC"]

Stance = Literal[
    "asserted",  # the outlet states it as fact in its own voice
    "attributed",  # the outlet reports a named speaker saying it
    "reported",  # the outlet passes on reports / anonymous sources without doubting them
    "hedged",  # the outlet marks it as possible or believed (ربما، يعتقد)
    "unconfirmed",  # the outlet says it is unconfirmed (تقارير غير مؤكدة، لم يتسن التأكد)
    "denied",  # someone denies it (نفى)
    "questioned",  # a headline asking it as a question (… ؟)
]

STANCES: tuple[Stance, ...] = (
    "asserted",
    "attributed",
    "reported",
    "hedged",
    "unconfirmed",
    "denied",
    "questioned",
)


# --------------------------------------------------------------------------------------------
# Reading
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Page:
    """One raw page as read from disk or an archive, decoded to text."""

    source: str
    """Where it came from: a path, ``archive.zip!member``, ``file.warc.gz#record-3``, a URL."""
    data: bytes
    """The raw bytes as stored (for hashing and provenance)."""
    text: str
    """The decoded text (HTML source for ``kind == "html"``, the body for ``"record"``)."""
    encoding: str
    """The encoding used to decode ``data`` (``"utf-8"``, ``"windows-1256"``, …)."""
    kind: PageKind
    url: str | None = None
    title_hint: str | None = None
    """Title given by the container (a JSON Lines field), trusted over guesses from the text."""
    published_hint: str | None = None
    """Publish date as given by the container (raw string, parsed by the clean stage)."""
    outlet_hint: str | None = None
    flags: tuple[Flag, ...] = ()
    """Warnings from reading, for the article to carry: ``encoding_repaired`` (invalid bytes or
    lone surrogates replaced, control characters removed), ``encoding_fallback`` (not read as
    UTF-8: which encoding, and whether it was declared or guessed)."""

    @classmethod
    def from_html(cls, html: str, source: str = MEMORY_SOURCE, url: str | None = None) -> Page:
        """A page from HTML held in memory (a page your own crawler fetched), cleaned as a
        saved page is: its title, date, outlet and body found in the markup."""
        return cls(source, html.encode("utf-8", "surrogatepass"), html, "utf-8", "html", url=url)

    @classmethod
    def from_text(
        cls,
        text: str,
        source: str = MEMORY_SOURCE,
        *,
        title: str | None = None,
        published: str | date | None = None,
        outlet: str | None = None,
        url: str | None = None,
    ) -> Page:
        """A page from text held in memory. With a ``title`` it is a clean article (a title and
        its body, as a feed or a database gives them) and its text is the body; without, it is
        the text of a whole page, menus and all, and the cleaner finds the article in it."""
        when = published.isoformat() if isinstance(published, date) else published
        return cls(
            source,
            text.encode("utf-8", "surrogatepass"),
            text,
            "utf-8",
            "record" if title else "text",
            url=url,
            title_hint=title,
            published_hint=when,
            outlet_hint=outlet,
        )


@dataclass(frozen=True, slots=True)
class Failure:
    """An input that could not be analysed, and why, in words a user understands."""

    source: str
    error: str


# --------------------------------------------------------------------------------------------
# Cleaning
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Flag:
    """A warning attached to an article (``kind`` is a stable machine name)."""

    kind: str
    detail: str


@dataclass(frozen=True, slots=True)
class RemovedBlock:
    """A piece of the page that the cleaner dropped, kept so users can see what went."""

    text: str
    reason: str
    """Stable machine name: ``navigation``, ``related_links``, ``footer``, ``tags``, …"""
    line: int | None = None
    """1-based line number in the decoded page text, when the page is a text dump."""


@dataclass(frozen=True, slots=True)
class Article:
    """A clean news article: metadata and the body, without page chrome."""

    id: str
    """Stable id derived from the page content (the same page always gets the same id)."""
    source: str
    title: str | None
    published: date | None
    outlet: str | None
    language: str
    """ISO 639-1 code (``"ar"``, ``"en"``, …) or ``"und"``."""
    paragraphs: tuple[str, ...]
    lede: str | None = None
    url: str | None = None
    published_evidence: str | None = None
    """The text the publish date was read from."""
    removed: tuple[RemovedBlock, ...] = ()
    flags: tuple[Flag, ...] = ()
    """Flags raised while cleaning (e.g. ``broken_paragraphs`` repaired, ``unrelated_inserts``)."""
    content_hash: str = ""
    """SHA-256 hex digest of the raw page bytes."""
    outlet_key: str | None = None
    """Stable key of the outlet (``skynewsarabia``, else the registrable domain ``example.com``,
    else the normalised name): one key per outlet however its pages name it; ``outlet`` is the
    key's display name (see ``khabar.clean.outlets``)."""

    @property
    def text(self) -> str:
        """The clean body: paragraphs separated by newlines."""
        return "\n".join(self.paragraphs)


# --------------------------------------------------------------------------------------------
# Annotation
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Token:
    """A token with offsets into the original text and a normalised form for matching."""

    text: str
    start: int
    end: int
    norm: str
    """Normalised form (see ``khabar.arabic.normalize``)."""
    stem: str = ""
    """``norm`` with separable clitics (و ف ب ل ك ال) removed, for matching."""


@dataclass(frozen=True, slots=True)
class Mention:
    """A named-entity mention in an article's text."""

    text: str
    type: EntityType
    start: int
    end: int
    entity: str | None = None
    """Id of the resolved cross-article entity (set by entity resolution)."""
    in_title: bool = False
    """True when the mention is in the title (offsets are then into ``Article.title``)."""


@dataclass(frozen=True, slots=True)
class TimeExpr:
    """A temporal expression, normalised to the range of days it can denote."""

    text: str
    start: int
    end: int
    earliest: date | None
    latest: date | None
    """``earliest == latest`` when the expression fixes a day; both None when unresolvable."""
    kind: Literal["absolute", "relative", "weekday", "month", "year", "duration", "set"] = (
        "absolute"
    )
    anchored: bool = False
    """True when resolved against the publish date."""
    type: Literal["DATE", "TIME", "DURATION", "SET"] = "DATE"
    """The TimeML type. Only DATE and TIME expressions can date a happening: a DURATION
    (يومين، منذ سنوات) or a SET (كل عامين) never does, whatever its day range says."""
    value: str | None = None
    """The TimeML value (``2015-12-22``, ``2015-W52``, ``XXXX-06``, ``P2D``, ``PRESENT_REF``),
    relative ones resolved against the publish date; None when it cannot be told."""
    direction: int = 0
    """-1 when the expression says "before" (الماضي), +1 "after" (المقبل), 0 neither: event
    dating leaves forward-looking dates out."""
    year: int | None = None
    """The year the expression names or resolves to, when it names one."""

    @property
    def exact(self) -> date | None:
        """The day, when the expression fixes one."""
        if self.earliest is not None and self.earliest == self.latest:
            return self.earliest
        return None


@dataclass(frozen=True, slots=True)
class Statement:
    """An attributed statement or report found in one article."""

    text: str
    """The sentence it was found in."""
    content: str
    """What is claimed (the quote or the clause after أن / إن)."""
    start: int
    end: int
    stance: Stance
    speaker: str | None = None
    """The speaker as written (``المتحدث باسم الكرملين دميتري بيسكوف``, ``مصدر حكومي``)."""
    speaker_entity: str | None = None
    verb: str | None = None
    direct: bool = False
    """True for a direct quote in quotation marks."""


@dataclass(frozen=True, slots=True)
class Tokens:
    """The tokens of one text, held compactly: the tokens of an ANT article (417 on average)
    take 84 KB as :class:`Token` objects and 10 KB so (offsets packed, forms shared with the
    tokeniser's word cache; measured). :meth:`of` gives the Token objects back."""

    starts: bytes = b""
    """Start offset of each token, as unsigned 32-bit integers in native byte order."""
    ends: bytes = b""
    """End offset (exclusive) of each token, packed the same way."""
    norms: tuple[str, ...] = ()
    """The normalised form of each token."""
    stems: tuple[str, ...] = ()
    """The clitic-free stem of each token."""

    @classmethod
    def pack(cls, tokens: Sequence[Token]) -> Tokens:
        """The compact form of ``tokens``."""
        return cls(
            array("I", [t.start for t in tokens]).tobytes(),
            array("I", [t.end for t in tokens]).tobytes(),
            tuple(t.norm for t in tokens),
            tuple(t.stem for t in tokens),
        )

    def __len__(self) -> int:
        return len(self.norms)

    def start_offsets(self) -> Sequence[int]:
        """Start offset of each token (a read-only view)."""
        return memoryview(self.starts).cast("I")

    def end_offsets(self) -> Sequence[int]:
        """End offset of each token (a read-only view)."""
        return memoryview(self.ends).cast("I")

    def indices(self, start: int, end: int) -> range:
        """Indices of the tokens lying wholly inside ``[start, end)``, in text order."""
        first = bisect.bisect_left(self.start_offsets(), start)
        last = bisect.bisect_right(self.end_offsets(), end, lo=first)
        return range(first, max(first, last))

    def of(self, text: str) -> list[Token]:
        """The tokens as :class:`Token` objects, ``text`` being the text they were made from."""
        return [
            Token(text[s:e], s, e, norm, stem)
            for s, e, norm, stem in zip(
                self.start_offsets(), self.end_offsets(), self.norms, self.stems, strict=True
            )
        ]


@dataclass(frozen=True, slots=True)
class Analysis:
    """What the per-page stage works out once about an article's text, for every later stage
    to read: its sentences, its tokens (body and title) and the title's time expressions."""

    sentences: tuple[tuple[int, int], ...] = ()
    """``(start, end)`` of each sentence of ``Article.text``, whitespace trimmed."""
    tokens: Tokens = Tokens()
    """The tokens of ``Article.text``."""
    title_tokens: Tokens = Tokens()
    """The tokens of ``Article.title``."""
    title_times: tuple[TimeExpr, ...] = ()
    """Time expressions of the title (offsets into it), resolved against the publish date."""


@dataclass(frozen=True, slots=True)
class AnnotatedArticle:
    """An article with what the per-page language stages found in it.

    Later stages read the text's sentences, tokens and time expressions through the accessors
    below, never by splitting, tokenising or searching the text again. ``analysis`` holds them
    as the annotator made them; an article built without one (by hand, or stored before there
    was one) has them worked out on each access instead."""

    article: Article
    mentions: tuple[Mention, ...] = ()
    times: tuple[TimeExpr, ...] = ()
    """Time expressions of the body (offsets into ``Article.text``)."""
    statements: tuple[Statement, ...] = ()
    analysis: Analysis | None = None

    @property
    def id(self) -> str:
        """The article id."""
        return self.article.id

    @property
    def sentences(self) -> tuple[tuple[int, int], ...]:
        """``(start, end)`` of each sentence of the body, whitespace trimmed."""
        if self.analysis is not None:
            return self.analysis.sentences
        from khabar.arabic.sentences import split_sentences

        return tuple(split_sentences(self.article.text))

    @property
    def tokens(self) -> Tokens:
        """The tokens of the body."""
        if self.analysis is not None:
            return self.analysis.tokens
        from khabar.arabic.tokenize import tokenize

        return Tokens.pack(tokenize(self.article.text))

    @property
    def title_tokens(self) -> Tokens:
        """The tokens of the title (none without one)."""
        if self.analysis is not None:
            return self.analysis.title_tokens
        from khabar.arabic.tokenize import tokenize

        return Tokens.pack(tokenize(self.article.title or ""))

    def body_times(self) -> tuple[TimeExpr, ...]:
        """Time expressions of the body: ``times`` as annotated, or, for an article built
        without an analysis, found now (resolved against the publish date)."""
        if self.analysis is not None:
            return self.times
        from khabar.time.extract import extract_times

        return extract_times(self.article.text, self.article.published)

    @property
    def title_times(self) -> tuple[TimeExpr, ...]:
        """Time expressions of the title, resolved against the publish date."""
        if self.analysis is not None:
            return self.analysis.title_times
        from khabar.time.extract import extract_times

        title = self.article.title
        return extract_times(title, self.article.published) if title else ()


# --------------------------------------------------------------------------------------------
# Collection-level results
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class EntityRecord:
    """One real-world entity, with every spelling under which the articles name it."""

    id: str
    name: str
    type: EntityType
    variants: tuple[str, ...]
    articles: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class SummarySentence:
    """A summary sentence taken from an article, citing it."""

    text: str
    article: str
    also: tuple[str, ...] = ()
    """Other articles that say nearly the same."""


@dataclass(frozen=True, slots=True)
class Event:
    """One real-world happening reported by one or more articles."""

    id: str
    title: str
    articles: tuple[str, ...]
    date: date | None = None
    date_range: tuple[date, date] | None = None
    date_evidence: tuple[str, ...] = ()
    """Sentences (quoted from the articles) that the date or range rests on."""
    story: str | None = None
    summary: tuple[SummarySentence, ...] = ()
    participants: tuple[str, ...] = ()
    """Entity ids of the people and organisations taking part."""
    places: tuple[str, ...] = ()
    """Entity ids of the places."""
    not_before: date | None = None
    not_after: date | None = None
    """The bounds the evidence gives even when they do not close into a reportable range (one
    end unknown, or the range too wide): e.g. only "no later than 2024-12-31"."""


@dataclass(frozen=True, slots=True)
class Story:
    """Events that belong to one ongoing story, in time order."""

    id: str
    title: str
    events: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ClaimSource:
    """How one article reports a claim."""

    article: str
    quote: str
    stance: Stance


@dataclass(frozen=True, slots=True)
class Claim:
    """A claim reported by one or more articles, with each one's stance."""

    id: str
    text: str
    speaker: str | None
    event: str | None
    sources: tuple[ClaimSource, ...]


@dataclass(frozen=True, slots=True)
class Position:
    """One answer to a disputed proposition, and who gives it."""

    answer: str
    """What this side says (``13``, ``none``, ``passes it on``, ``achieved its aims`` …)."""
    sources: tuple[ClaimSource, ...]
    speakers: tuple[str, ...] = ()
    """Who each source attributes it to (the outlet for its own voice), in ``sources`` order."""


@dataclass(frozen=True, slots=True)
class Contradiction:
    """Reports that cannot all hold, about one proposition, citing every side."""

    id: str
    kind: str
    """``stance`` (passed on vs unconfirmed/denied), ``number`` (figures of one quantity),
    ``ordinal``, ``claim`` (opposite outcomes of one act), or ``certainty`` (a hedge beside an
    assertion: a difference of certainty, not a contradiction)."""
    detail: str
    claim: str | None
    sides: tuple[ClaimSource, ...]
    """Every source of the issue, position by position."""
    positions: tuple[Position, ...] = ()
    """The issue's answers, each with its sources and speakers (empty in older dossiers)."""


@dataclass(frozen=True, slots=True)
class ArticleFlag:
    """A flag raised on an article by a collection-level stage (claims, events)."""

    article: str
    flag: Flag


@dataclass(frozen=True, slots=True)
class Dossier:
    """Everything khabar found in a collection of pages."""

    articles: tuple[AnnotatedArticle, ...]
    events: tuple[Event, ...] = ()
    stories: tuple[Story, ...] = ()
    entities: tuple[EntityRecord, ...] = ()
    claims: tuple[Claim, ...] = ()
    contradictions: tuple[Contradiction, ...] = ()
    flags: tuple[ArticleFlag, ...] = ()
    errors: tuple[Failure, ...] = ()
    meta: tuple[tuple[str, str], ...] = field(default=())
    """Run information (khabar version, creation time) as key/value pairs."""

    def to_dict(self) -> dict[str, object]:
        """The dossier as plain JSON-ready data (see docs/dossier.schema.json)."""
        from khabar.report.json import dossier_to_dict

        return dossier_to_dict(self)

    def to_json(self, indent: int | None = 2) -> str:
        """The dossier as a JSON string (UTF-8 text, Arabic not escaped)."""
        from khabar.report.json import dossier_to_json

        return dossier_to_json(self, indent=indent)

    def write(
        self, out_dir: str | PathLike[str], formats: Iterable[str] = ("json", "html")
    ) -> list[Path]:
        """Write the dossier's files into ``out_dir`` (created if needed) and return their paths:
        ``formats`` from ``json``, ``html``, ``csv``, ``xlsx``, ``jsonl``, ``svg`` (see
        :data:`khabar.report.write.FORMATS`)."""
        from khabar.report.write import write_outputs

        return write_outputs(self, Path(out_dir), formats)
