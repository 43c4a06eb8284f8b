"""Cited extractive summaries of an event: central, early, informative sentences across outlets."""

from __future__ import annotations

import bisect
import itertools
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

import numpy as np

from khabar.arabic.normalize import normalize
from khabar.config import SummaryConfig
from khabar.model import AnnotatedArticle, Event, SummarySentence
from khabar.summary.data import (
    CAPTION_CUES,
    CONTINUATION_STARTS,
    DATELINE_PATTERN,
    QUESTION_MARKS,
    SENTENCE_ENDS,
)
from khabar.summary.rank import cosine_matrix, lexrank, mmr_order, tfidf_matrix
from khabar.summary.terms import title_terms, tokens_terms, word_count

# --- which sentences may be quoted ----------------------------------------------------------
MIN_SENTENCE_WORDS = 6
"""Shorter sentences are headings, captions or fragments, not reporting."""
MAX_SENTENCE_WORDS = 80
"""Longer "sentences" are run-together paragraphs that the splitter could not break."""
HEADING_MAX_WORDS = 14
"""A paragraph this short without closing punctuation is a sub-heading (the seed pages' run to 10
words: "زيارة الرئيس السوري إلى موسكو: تعزيز التعاون ومناقشة القضايا العسكرية")."""
MIN_SENTENCE_TERMS = 3
"""A sentence needs at least this many content terms to say something about the event."""
MAX_CANDIDATES_PER_ARTICLE = 40
"""Only the first sentences of long articles compete (news puts the essentials first)."""
MAX_CANDIDATES_PER_EVENT = 800
"""Most sentences compared for one event (the similarity matrix grows with the square: 800
sentences take 5 MB and a few tens of ms); big events keep each article's first sentences."""

# --- how candidates are scored (weights calibrated together; they sum to 1) -----------------
CENTRALITY_WEIGHT = 0.30
"""Weight of LexRank centrality (scaled so the most central sentence scores 1)."""
TOPIC_WEIGHT = 0.25
"""Weight of cosine similarity to the event title and the articles' titles."""
POSITION_WEIGHT = 0.35
"""Weight of the position prior (the lead of a news article carries its essentials)."""
INFORMATION_WEIGHT = 0.10
"""Weight of what a sentence pins down: entity mentions, time expressions, attributed
statements."""
POSITION_DECAY = 0.25
"""Position prior is 1 / (1 + POSITION_DECAY * k) for the article's k-th candidate sentence."""
INFORMATION_SATURATION = 4
"""Mentions, time expressions and attributed statements in a sentence beyond which it gains
nothing more."""

# --- how the picks are made ----------------------------------------------------------------
MMR_TRADE_OFF = 0.6
"""Relevance against novelty in maximal marginal relevance (1 = relevance only)."""
SAME_SOURCE_PENALTY = 0.12
"""Score taken off per sentence already quoted from the same outlet (the same article when the
outlet is unknown), so that the summary cites across outlets."""
DUPLICATE_SIMILARITY = 0.4
"""TF-IDF cosine at or above which two sentences say nearly the same (one is kept, the other
articles are listed in ``also``). Wire copies score above 0.8 and rewrites of one fact by two
outlets 0.4–0.55 on the seed and example pages, while different facts about the same event stay
below 0.35."""


_ARABIC_LETTER = re.compile(r"[\u0621-\u064A\u0671-\u06D3]")
_LATIN_LETTER = re.compile(r"[A-Za-z]")
_DATELINE = re.compile(DATELINE_PATTERN)
_CAPTION = re.compile("|".join(re.escape(cue) for cue in CAPTION_CUES))
"""Any of the caption cues, anywhere (one search instead of one per cue)."""
_CONTINUATIONS = frozenset(normalize(w) for w in CONTINUATION_STARTS)


@dataclass(frozen=True, slots=True)
class _Candidate:
    """A sentence that may be quoted, with what its score needs."""

    article: str
    group: str
    """Who is quoted: the outlet, else the article (picks are spread across groups)."""
    text: str
    rank: int
    """Its place among the article's candidate sentences (0 = first)."""
    information: float
    terms: list[str]
    """Its content terms (from the article's tokens)."""


def _is_heading(paragraph: str) -> bool:
    """Tell whether a paragraph is a sub-heading (short and without closing punctuation)."""
    stripped = paragraph.rstrip()
    return (
        bool(stripped)
        and stripped[-1] not in SENTENCE_ENDS
        and word_count(stripped) <= HEADING_MAX_WORDS
    )


def _continues_previous(paragraph: str) -> bool:
    """Tell whether a paragraph is the second half of one the page broke (starts with التي …)."""
    words = paragraph.split(maxsplit=1)
    return bool(words) and normalize(words[0]) in _CONTINUATIONS


def _quotable(sentence: str, max_words: int | None, arabic: bool = True) -> bool:
    """Tell whether a sentence can stand in a summary (no question, caption, link or fragment)."""
    stripped = sentence.strip()
    if not stripped or stripped[-1] in QUESTION_MARKS or stripped.rstrip("\"'»”)")[-1:] in "?؟":
        return False
    if _CAPTION.search(stripped):
        return False
    words = word_count(stripped)
    if words < MIN_SENTENCE_WORDS or (max_words is not None and words > max_words):
        return False
    if not arabic or _LATIN_LETTER.search(stripped) is None:
        return True
    arabic_letters = len(_ARABIC_LETTER.findall(stripped))
    latin_letters = len(_LATIN_LETTER.findall(stripped))
    # A Latin-script line inside an Arabic article is a credit or a leftover of the page chrome.
    return not latin_letters > arabic_letters


def _candidates(
    annotated: AnnotatedArticle,
    max_words: int | None = MAX_SENTENCE_WORDS,
    limit: int = MAX_CANDIDATES_PER_ARTICLE,
    known: dict[str, str] | None = None,
) -> list[_Candidate]:
    """Return the article's first ``limit`` quotable sentences in reading order (``known``
    remembers the terms of words already seen)."""
    article = annotated.article
    arabic = article.language in ("ar", "und")
    marks = [(m.start, m.end) for m in annotated.mentions if not m.in_title]
    marks += [(t.start, t.end) for t in annotated.times]
    marks += [(st.start, st.end) for st in annotated.statements if st.speaker]
    marks.sort()
    mark_starts = [s for s, _ in marks]
    out: list[_Candidate] = []
    seen: set[str] = set()
    paragraphs = article.paragraphs
    by_paragraph = _sentences_by_paragraph(paragraphs, annotated.sentences)
    tokens = annotated.tokens
    first_sentence = True
    for index, paragraph in enumerate(paragraphs):
        start_of_paragraph, spans = by_paragraph[index]
        if _is_heading(paragraph):
            continue
        if _continues_previous(paragraph):
            spans = spans[1:]
        if index + 1 < len(paragraphs) and _continues_previous(paragraphs[index + 1]):
            spans = spans[:-1]
        for start, end in spans:
            sentence = paragraph[start:end].strip()
            cut = 0
            if first_sentence and (dateline := _DATELINE.match(sentence)):
                sentence = sentence[dateline.end() :]
                cut = dateline.end()
            first_sentence = False
            if not _quotable(sentence, max_words, arabic):
                continue
            key = normalize(sentence)
            if key in seen:
                continue
            seen.add(key)
            lo, hi = start_of_paragraph + start, start_of_paragraph + end
            # the marks inside the sentence: those starting in it (by the sorted starts) that
            # end in it too
            first = bisect.bisect_left(mark_starts, lo)
            last = bisect.bisect_right(mark_starts, hi, lo=first)
            found = sum(1 for _, e in marks[first:last] if e <= hi)
            information = min(found, INFORMATION_SATURATION) / INFORMATION_SATURATION
            group = article.outlet or article.id
            terms = tokens_terms(tokens, tokens.indices(lo + cut, hi), known)
            out.append(_Candidate(article.id, group, sentence, len(out), information, terms))
            if len(out) >= limit:
                return out
    return out


def _sentences_by_paragraph(
    paragraphs: Sequence[str], sentences: Sequence[tuple[int, int]]
) -> list[tuple[int, list[tuple[int, int]]]]:
    """For each paragraph: its offset in the article's text and its sentences, with offsets
    into the paragraph (a newline always ends a sentence, so none spans two paragraphs)."""
    out: list[tuple[int, list[tuple[int, int]]]] = []
    offset = 0
    k = 0
    for paragraph in paragraphs:
        end_of_paragraph = offset + len(paragraph)
        spans: list[tuple[int, int]] = []
        while k < len(sentences) and sentences[k][0] < end_of_paragraph:
            start, end = sentences[k]
            spans.append((start - offset, end - offset))
            k += 1
        out.append((offset, spans))
        offset = end_of_paragraph + 1
    return out


def _topic_terms(
    event: Event, articles: Sequence[AnnotatedArticle], known: dict[str, str]
) -> list[str]:
    """Content terms of the event title and of its articles' titles, read from the articles'
    title tokens (an event title no article has as it is: from the words of the titles and
    texts it was made from)."""
    found: list[str] = []
    titled = {a.article.title: a for a in articles if a.article.title}
    source = titled.get(event.title)
    if source is not None:
        found += tokens_terms(source.title_tokens, known=known)
    else:
        titles = ((a.article.title or "", a.title_tokens) for a in articles if a.article.title)
        texts = ((a.article.text, a.tokens) for a in articles)
        found += title_terms(event.title, itertools.chain(titles, texts), known)
    for a in articles:
        if a.article.title:
            found += tokens_terms(a.title_tokens, known=known)
    return found


def _reading_order(articles: Sequence[AnnotatedArticle]) -> list[AnnotatedArticle]:
    """Order articles earliest-published first (undated last), then by id, for stable ties."""
    return sorted(
        articles,
        key=lambda a: (a.article.published is None, a.article.published or date.min, a.id),
    )


def summarize_event(
    event: Event,
    articles: Sequence[AnnotatedArticle],
    cfg: SummaryConfig,
    known: dict[str, str] | None = None,
) -> tuple[SummarySentence, ...]:
    """Select a few central, non-redundant sentences about ``event``, each citing its article.

    ``known`` remembers the content term of each word already met; pass one dict for all the
    events of a run so that each word type is stemmed once."""
    wanted = max(0, cfg.sentences_per_event)
    ordered = _reading_order([a for a in articles if a.article.paragraphs])
    if not ordered or wanted == 0:
        return ()
    limit = min(MAX_CANDIDATES_PER_ARTICLE, math.ceil(MAX_CANDIDATES_PER_EVENT / len(ordered)))
    limit = max(limit, 1)
    known = {} if known is None else known
    candidates = [c for a in ordered for c in _candidates(a, limit=limit, known=known)]
    if not candidates:  # run-on text the splitter could not cut: quote long sentences
        candidates = [c for a in ordered for c in _candidates(a, None, limit, known)]
    if not candidates:
        return ()
    documents = [c.terms for c in candidates]
    keep = [i for i, doc in enumerate(documents) if len(set(doc)) >= MIN_SENTENCE_TERMS]
    if not keep:
        keep = list(range(len(candidates)))
    candidates = [candidates[i] for i in keep]
    documents = [documents[i] for i in keep]
    vectors = tfidf_matrix([*documents, _topic_terms(event, ordered, known)])
    similarity = cosine_matrix(vectors[:-1])
    topic = np.clip(vectors[:-1] @ vectors[-1], 0.0, 1.0)
    # Continuous LexRank: an event has a few dozen sentences, too few for thresholded links.
    centrality = lexrank(similarity, None)
    centrality = centrality / centrality.max()
    relevance = [
        CENTRALITY_WEIGHT * float(centrality[i])
        + TOPIC_WEIGHT * float(topic[i])
        + POSITION_WEIGHT / (1.0 + POSITION_DECAY * c.rank)
        + INFORMATION_WEIGHT * c.information
        for i, c in enumerate(candidates)
    ]
    return _pick(candidates, relevance, similarity, wanted)


def _pick(
    candidates: Sequence[_Candidate],
    relevance: Sequence[float],
    similarity: np.ndarray,
    wanted: int,
) -> tuple[SummarySentence, ...]:
    """Pick sentences by MMR and list, with each, the other articles that say nearly the same."""
    groups = [c.group for c in candidates]
    picked = mmr_order(
        relevance,
        similarity,
        wanted,
        MMR_TRADE_OFF,
        group=groups,
        group_penalty=SAME_SOURCE_PENALTY,
        exclude_at=DUPLICATE_SIMILARITY,
    )
    if not picked:
        return ()
    also: dict[int, list[str]] = {i: [] for i in picked}
    for j, other in enumerate(candidates):
        if j in also:
            continue
        closest = max(picked, key=lambda i: (similarity[i, j], -i))
        if similarity[closest, j] < DUPLICATE_SIMILARITY:
            continue
        cited = candidates[closest].article
        if other.article != cited and other.article not in also[closest]:
            also[closest].append(other.article)
    return tuple(
        SummarySentence(candidates[i].text, candidates[i].article, tuple(also[i])) for i in picked
    )
