"""What clustering needs to know about one article: its terms, dates, entities and ordinals."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from khabar.arabic.lexicon import Lexicon
from khabar.arabic.normalize import normalize
from khabar.arabic.sentences import split_sentences
from khabar.events.data import HAPPENING_NOUNS, KIND_CUES, ORDINALS
from khabar.events.office import office_holders
from khabar.events.signature import Signature, signature
from khabar.events.text import LEAD_CHARS, TermExtractor
from khabar.model import AnnotatedArticle
from khabar.time.dating import PUBLISH_LAG_DAYS, article_bounds

ENTITY_TERM_REPEAT = 1
"""How many times each entity named in the title or lead counts as a term (its weight also
takes the corpus frequency of its name): a shared participant links spelling variants (بوتن /
بوتين), but names alone do not make one event (the same leaders meet many times)."""

MAX_SPAN_DAYS = 31
"""An article's own event range is used to keep reports apart only when it is at most this
wide (a whole year says little about which happening it is)."""

_ORDINAL_WORDS = "|".join(sorted((k for k in ORDINALS if " " not in k), key=len, reverse=True))
_NOUNS = "|".join(sorted(HAPPENING_NOUNS, key=len, reverse=True))
# "أول زيارة", "ثاني اتصال" (ordinal before the noun) or "الزيارة الثانية", "زيارته الأولى".
_ORDINAL_BEFORE = re.compile(rf"(?<![\w])(?P<ord>{_ORDINAL_WORDS})\s+(?P<noun>{_NOUNS})(?![\w])")
_ORDINAL_AFTER = re.compile(
    rf"(?<![\w])[وبل]?(?P<noun>{_NOUNS})(?:ه|ها|هم)?\s+(?P<ord>{_ORDINAL_WORDS})(?![\w])"
)


@dataclass(frozen=True, slots=True)
class ArticleProfile:
    """Clustering features of one article."""

    id: str
    terms: tuple[str, ...]
    """Matching terms of the title and body in order (for near-duplicate shingles)."""
    bag: tuple[tuple[str, float], ...]
    """Weighted terms for TF-IDF: title, lead, the rest of the body, and entities."""
    published: date | None
    span: tuple[date, date] | None
    """The narrow range of days its own lead dates the happening to, if any."""
    ordinals: tuple[tuple[str, int], ...]
    """(kind, rank) of happenings the article calls first, second, … (أول زيارة)."""
    entities: frozenset[str]
    title: str
    kind: str | None = None
    """The kind of happening its lead reports (``call``, ``visit``) when only one is named."""
    current_holders: frozenset[str] = frozenset()
    """Name keys of people it calls by a current title (الرئيس السوري بشار الأسد → اسد)."""
    former_holders: frozenset[str] = frozenset()
    """Name keys of people it calls former or whose fall it recalls."""
    aliases: tuple[tuple[str, str], ...] = ()
    """(entity term, word term) pairs: the word whose corpus frequency an entity term takes."""
    signature: Signature | None = None
    """Who did or said what, of which kind, as its title and lead report it."""


def own_ordinals(text: str) -> tuple[tuple[str, int], ...]:
    """(kind, rank) pairs of happenings that the text counts (أول زيارة → ("visit", 1))."""
    norm = normalize(text)
    found: set[tuple[str, int]] = set()
    for pattern in (_ORDINAL_BEFORE, _ORDINAL_AFTER):
        for m in pattern.finditer(norm):
            noun = m.group("noun")
            ordinal = m.group("ord")
            if pattern is _ORDINAL_AFTER and ordinal in ("اول", "ثاني", "ثالث", "رابع"):
                continue  # "زيارة أول" is not Arabic for "first visit"
            found.add((HAPPENING_NOUNS[noun], ORDINALS[ordinal]))
    return tuple(sorted(found))


KIND_LEAD_SENTENCES = 2
"""Sentences of the body (after the title) read for the kind of happening."""

_KIND_PATTERNS = {
    kind: re.compile("|".join(rf"(?<![\w])[وفبل]?{re.escape(c)}(?![\w])" for c in cues))
    for kind, cues in KIND_CUES.items()
}


def happening_kind(
    title: str, text: str, sentences: Sequence[tuple[int, int]] | None = None
) -> str | None:
    """The one kind of happening (call, visit) named in the title and lead, else None
    (``sentences``: the text's sentence spans when already split)."""
    spans = (split_sentences(text) if sentences is None else sentences)[:KIND_LEAD_SENTENCES]
    lead = normalize(title + "\n" + "\n".join(text[s:e] for s, e in spans))
    kinds = [k for k, pattern in _KIND_PATTERNS.items() if pattern.search(lead)]
    return kinds[0] if len(kinds) == 1 else None


def entity_keys(annotated: AnnotatedArticle, lead_chars: int | None = None) -> dict[str, str]:
    """Keys of the people, organisations and places the article names → a mention's text.

    With ``lead_chars``, only those named in the title or the first ``lead_chars`` characters.
    """
    keys: dict[str, str] = {}
    for m in annotated.mentions:
        if m.type == "MISC":
            continue
        if lead_chars is not None and not (m.in_title or m.start < lead_chars):
            continue
        keys.setdefault(m.entity if m.entity else "~" + normalize(m.text), m.text)
    return keys


def profile_article(annotated: AnnotatedArticle, extractor: TermExtractor) -> ArticleProfile:
    """Build the clustering profile of an annotated article."""
    article = annotated.article
    entities = entity_keys(annotated)
    terms, bag = extractor.article_features(article)
    aliases = []
    # participants are those the title and lead name: people and places named further down are
    # background (annotated ANT dev set: pairwise F1 0.705 with all entities, 0.744 lead only)
    for key, text in sorted(entity_keys(annotated, LEAD_CHARS).items()):
        bag["@" + key] = float(ENTITY_TERM_REPEAT)
        words = extractor.terms(text)
        if words:
            aliases.append(("@" + key, words[-1]))
    span = None
    events = [b for b in article_bounds(annotated, lead_only=True) if b.role == "event"]
    # a lead's date long before publication recalls what the happening answers (ردا على هجوم
    # كيميائي في دوما قبل أسبوع), it does not date the happening reported: such a date would
    # keep the report away from the others of its happening
    recent = article.published - timedelta(PUBLISH_LAG_DAYS) if article.published else None
    narrow = [
        b
        for b in events
        if b.earliest
        and b.latest
        and (b.latest - b.earliest).days <= MAX_SPAN_DAYS
        and (recent is None or b.latest >= recent)
    ]
    if narrow:
        best = min(narrow, key=lambda b: (b.latest - b.earliest).days)  # type: ignore[operator]
        span = (best.earliest, best.latest)  # type: ignore[assignment]
    ordinals = own_ordinals((article.title or "") + "\n" + article.text)
    kind = happening_kind(article.title or "", article.text, annotated.sentences)
    if kind is None and len({k for k, _ in ordinals}) == 1:
        kind = ordinals[0][0]  # "ثاني زيارة" says what it reports
    sentences = [(article.title, normalize(article.title))] if article.title else []
    sentences += [(article.text[s:e], normalize(article.text[s:e])) for s, e in annotated.sentences]
    # only titles say who is former here (الرئيس السابق): words after a fall cue are too often
    # not a name (مقتل 45 عنصرا من تنظيم) to keep reports apart; without them BCubed recall on
    # the ANT dev set rose 0.881 → 0.902, and the seed visits stay apart
    current, former = office_holders(sentences, with_falls=False)
    return ArticleProfile(
        article.id,
        tuple(terms),
        tuple(sorted(bag.items())),
        article.published,
        span,
        ordinals,
        frozenset(entities),
        article.title or "",
        kind if kind in KIND_CUES else None,
        frozenset(current),
        frozenset(former),
        tuple(aliases),
        signature(annotated),
    )


PROFILES_PER_TASK = 64
"""Articles profiled in one executor task: enough to make a task's round trip small against
its work (about 2 ms an article), few enough to spread a day's articles over the workers."""


class ProfileWorker:
    """Profiles chunks of articles for an executor; pickles without its word cache.

    In-process, one object keeps its extractor's word → term cache across chunks. Pickling
    leaves the cache behind; unpickled in a worker process or Dask worker, the object uses that
    process's shared extractor, so the worker's cache lasts across tasks.
    """

    def __init__(self, extractor: TermExtractor | None = None) -> None:
        self.extractor = extractor if extractor is not None else TermExtractor()

    def __call__(self, articles: Sequence[AnnotatedArticle]) -> list[ArticleProfile]:
        """The profile of each article, in order."""
        return [profile_article(a, self.extractor) for a in articles]

    def __getstate__(self) -> dict[str, Lexicon | None]:
        return {"lexicon": self.extractor.lexicon}

    def __setstate__(self, state: dict[str, Lexicon | None]) -> None:
        lexicon = state["lexicon"]
        self.extractor = _process_extractor() if lexicon is None else TermExtractor(lexicon)


WORKER_CACHE_WORDS = 500_000
"""Distinct words a worker process's shared extractor remembers before it starts afresh (about
100 MB): news vocabulary mostly fits, and a long-lived Dask worker cannot grow without bound."""

_PROCESS_EXTRACTOR: list[TermExtractor] = []


def _process_extractor() -> TermExtractor:
    """The default-lexicon extractor this process shares across tasks, so that a worker pays
    for a word's clitic analysis once, not once per task (that made profiling on two Dask
    workers no faster than in one process)."""
    if not _PROCESS_EXTRACTOR or _PROCESS_EXTRACTOR[0].cached_words() > WORKER_CACHE_WORDS:
        _PROCESS_EXTRACTOR[:] = [TermExtractor()]
    return _PROCESS_EXTRACTOR[0]
