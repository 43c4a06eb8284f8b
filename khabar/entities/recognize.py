"""Finding entity mentions in an article's title and body with the tagger."""

from __future__ import annotations

import bisect
import functools
from collections.abc import Iterator, Sequence

from khabar.arabic import normalize, split_clitics, tokenize
from khabar.arabic.data.clitics import ARTICLE
from khabar.arabic.lexicon import default_lexicon
from khabar.entities.data.cues import PERSON_TITLES
from khabar.entities.data.given_names import GIVEN_NAMES
from khabar.entities.rules import SpanRules, is_title
from khabar.entities.tagger import Tagger
from khabar.entities.words import (
    BARE_FORM_CACHE,
    BARE_FORMS,
    MIN_PLACE_LETTERS,
    WordMemo,
    bare_form,
    clitic_chars,
    proclitics,
)
from khabar.entities.words import bare as _bare
from khabar.model import Article, EntityType, Mention, Token

SENTENCE_END_NORMS = frozenset({".", "!", "?", ";"})
"""Normalised tokens after which a new sentence is tagged (؟ and ؛ normalise to ? and ;)."""

MAX_SENTENCE_TOKENS = 200
"""Longer runs without sentence punctuation are tagged in chunks of this many tokens."""

MAX_PROPAGATED_TOKENS = 5
"""Longest name (in tokens) looked for again elsewhere in the article."""

MIN_SURNAME_LETTERS = 3
"""Shorter surnames are not looked for alone."""

BARE_WORD_CACHE = 200_000
"""Raw tokens whose bare form is remembered while tagging CoNLL input (bounds memory)."""

REPEAT_MAX_PER_MILLION = 300e6 / 7_828_043  # ≈ 38.32
"""A one-word name, or a surname taken from a full name (أحمد الشرع → الشرع), is looked for alone
only when the word is this rare in the word-count corpus, per million words (300 occurrences in
the 7,828,043 words of the table it was tuned on; a rate, so a rebuilt table keeps its meaning):
commoner ones are common nouns too (مشهد، الشعب، الدين), and one slip would then repeat
everywhere. On the last eighth of NewsFANE's training part (a model trained on the rest, blocks
of 20 sentences), repeating names scored 0.747 → 0.752 with every word, 0.754 with this bound
(0.753 with 3,000 for surnames)."""

MIN_TWIN_COUNT = 20
"""The other-gender form of a nationality adjective is seen at least this often in news text."""

TWIN_SHARE = 0.1
"""…and at least this share as often as the form at hand (السوري vs السورية are of one order)."""

POSSESSIVE_SUFFIXES = ("هما", "هم", "ها", "ه")
"""Pronoun endings as written (ه, not the taa marbuta ة) of possessed nouns (بلاده، عاصمتها)."""

POSSESSED_BASE_MIN_COUNT = 200
"""The noun without its pronoun (بلاد / البلاد) is this common in news text (≈8M words)."""

PLURAL_ENDINGS = ("ان", "ين", "ون", "اء")
"""Dual and plural endings that turn a title into a group (الرئيسان، المسؤولين); اء is not a
plural ending as such, but the few titles in PERSON_TITLES taking it differ from their singular."""

SURNAME_MAX_PER_MILLION = REPEAT_MAX_PER_MILLION
"""An untagged word right after a listed given name is taken as the surname of a person (ميخائيل
بوغدانوف) only when it is this rare in the word-count corpus (per million words: بوغدانوف 0.9,
غوتيريش 19): commoner words after a given name are mostly common nouns and verbs (محمد الأمين is a
title phrase far more often than a name). The bound is the one of REPEAT_MAX_PER_MILLION, tried
against 100 and 1,000 on NewsFANE held-out and ANERcorp dev (benchmarks/results_ner.md)."""

MAX_GIVEN_NAMES = 3
"""Most given names in a row before a surname (جان إيف لودريان، محمد جواد ظريف)."""

MAX_TITLE_COMPLEMENTS = 2
"""Definite words between a person's title and its nationality adjective (وزير الخارجية السوري,
نائب وزير الخارجية الروسي): the title phrase a name follows."""

MIN_TITLED_NAME_WORDS = 2
"""A name taken after a title phrase has a given name and a surname at least (one word after
الرئيس السوري is as often a common word as a name)."""

TITLED_NAME_MAX_PER_MILLION = 10.0
"""Each word of a name taken after a title phrase, unless a known given name, is at most this
common in the word-count corpus, per million words (أسعد 7.3, سامح 7.7): at SURNAME_MAX_PER_MILLION
(38) verbs got in (الرئيس الكوري الجنوبي اقترح 18.5, تعامل 21; 600 ANT articles read by hand)."""


LISTED_GIVEN_NAMES = frozenset(normalize(name) for name in GIVEN_NAMES)
"""The hand-written given names of khabar/entities/data/given_names.py, normalised."""


def _listed_norm(norm: str) -> bool:
    """A normalised word of the given-name list, clitics aside (:func:`_is_listed_given_name`)."""
    return norm.isalpha() and bare_form(norm) in LISTED_GIVEN_NAMES


_LISTED_BY_NORM: WordMemo[bool] = WordMemo(_listed_norm, BARE_FORM_CACHE)
""":func:`_listed_norm` of each normalised word, worked out once."""

_TITLES: WordMemo[bool] = WordMemo(is_title, BARE_FORM_CACHE)
""":func:`khabar.entities.rules.is_title` of each bare word, worked out once."""

_TYPES: frozenset[str] = frozenset({"PER", "LOC", "ORG", "MISC"})


def sentence_chunks(text: str, tokens: Sequence[Token]) -> Iterator[Sequence[Token]]:
    """Cut tokens into sentences at sentence punctuation and line breaks."""
    start = 0
    for i, token in enumerate(tokens):
        ends = token.norm in SENTENCE_END_NORMS or i - start + 1 >= MAX_SENTENCE_TOKENS
        if not ends and i + 1 < len(tokens):
            ends = "\n" in text[token.end : tokens[i + 1].start]
        if ends:
            yield tokens[start : i + 1]
            start = i + 1
    if start < len(tokens):
        yield tokens[start:]


def bio_spans(tags: Sequence[str]) -> list[tuple[str, int, int]]:
    """``(type, first, last + 1)`` token spans of a BIO sequence, in order."""
    out: list[tuple[str, int, int]] = []
    kind, start = "", -1
    for i, tag in enumerate([*tags, "O"]):
        if tag.startswith("I-") and tag[2:] == kind:
            continue
        if kind:
            out.append((kind, start, i))
        kind, start = (tag[2:], i) if tag != "O" and tag[2:] in _TYPES else ("", -1)
    return out


def _is_nationality(tokens: Sequence[Token], tagger: Tagger) -> bool:
    """A lone adjective of nationality (السوري، الروسية), which is not the country itself.

    Such adjectives come in both genders (السوري / السورية); a place that merely ends like one
    (اللاذقية) has no common masculine twin. Names known as places from training stay places.
    """
    if len(tokens) != 1:
        return False
    split = split_clitics(tokens[0].norm)
    word = split.article + split.stem
    if not split.article or not word.endswith(("ي", "يه")):
        return False
    if {"LOC:B", "ORG:B"} & tagger.known_roles(word):
        return False
    twin = word[:-1] if word.endswith("يه") else word + "ه"
    lexicon = default_lexicon()
    twin_count = lexicon.count(twin)
    return twin_count >= MIN_TWIN_COUNT and twin_count >= TWIN_SHARE * lexicon.count(word)


def _is_possessed_noun(tokens: Sequence[Token], tagger: Tagger) -> bool:
    """A lone common noun with a possessive pronoun (بلاده، عاصمتها), not a name."""
    if len(tokens) != 1 or not tokens[0].text.endswith(POSSESSIVE_SUFFIXES):
        return False
    word = _bare(tokens[0])
    if {"LOC:B", "ORG:B", "PER:B"} & tagger.known_roles(word):
        return False
    lexicon = default_lexicon()
    for suffix in POSSESSIVE_SUFFIXES:
        if not tokens[0].text.endswith(suffix):
            continue
        base = word[: -len(suffix)]
        bases = [base, base[:-1] + "ه"] if base.endswith("ت") else [base]
        for b in bases:
            if max(lexicon.count(b), lexicon.count("ال" + b)) >= POSSESSED_BASE_MIN_COUNT:
                return True
    return False


def _split_coordination(kind: str, span: Sequence[Token], tagger: Tagger) -> list[Sequence[Token]]:
    """Cut a person or place span at a word opening with the conjunction و (الأسد وبوتين)."""
    if kind not in ("PER", "LOC"):
        return [span]
    parts: list[Sequence[Token]] = []
    start = 0
    for i in range(1, len(span)):
        token = span[i]
        if not token.norm.isalpha() or not proclitics(token.norm).startswith("و"):
            continue
        if f"{kind}:I" in tagger.known_roles(token.norm):
            continue  # و belongs to the name (البوسنة والهرسك)
        parts.append(span[start:i])
        start = i
    parts.append(span[start:])
    return parts


def _place_only(token: Token, tagger: Tagger) -> bool:
    """A word known as a place's first word, never in a person's name nor opening an organisation's
    (السعودية، إيران)."""
    roles = tagger.known_roles(_bare(token))
    return (
        "LOC:B" in roles and "ORG:B" not in roles and not any(r.startswith("PER:") for r in roles)
    )


def _is_group_of_people(span: Sequence[Token], tagger: Tagger) -> bool:
    """A span opening with a dual or plural title (الرئيسان، الوزراء) and no known name after."""
    stem = split_clitics(span[0].norm).stem
    plural = any(
        stem.endswith(ending) and stem[: -len(ending)] in PERSON_TITLES for ending in PLURAL_ENDINGS
    )
    if not plural:
        return False
    return not any(
        any(r.startswith("PER:") for r in tagger.known_roles(_bare(t))) for t in span[1:]
    )


def _fix_spans(
    sentence: Sequence[Token], spans: list[tuple[str, int, int]], tagger: Tagger
) -> list[tuple[str, int, int]]:
    """Repair common tagger slips at span edges, using what the tagger knows about words.

    A person span opening with a dual or plural title and holding no known name (الرئيسان
    ترحيبهما) is no name; a given name closing a place or organisation span (الشرق الأوسط ميخائيل
    + بوغدانوف) is cut off, for the person after it to take; an untagged place-only word
    coordinated with a tagged place (السعودية وإيران) is a place too; listed given names before
    an untagged rare word make a person (``_given_name_spans``).
    """
    taken = {i for _, first, last in spans for i in range(first, last)}
    person_starts = {first for kind, first, _ in spans if kind == "PER"}
    out: list[tuple[str, int, int]] = []
    for kind, first, last in spans:
        if kind == "PER" and _is_group_of_people(sentence[first:last], tagger):
            continue
        if kind != "PER":
            while last - first > 1 and _opens_next_person(
                sentence, last - 1, person_starts, tagger
            ):
                last -= 1
        if (
            kind == "LOC"
            and first > 0
            and first - 1 not in taken
            and proclitics(sentence[first].norm).startswith("و")
            and sentence[first - 1].norm.isalpha()
            and _place_only(sentence[first - 1], tagger)
        ):
            out.append(("LOC", first - 1, first))
        out.append((kind, first, last))
    return _given_name_spans(sentence, out, tagger)


def _opens_next_person(
    sentence: Sequence[Token], i: int, person_starts: set[int], tagger: Tagger
) -> bool:
    """Token ``i``, closing a place or organisation span, is a given name opening the person
    after it: a name training only saw in people's names, or a listed one followed by a person
    span, another given name or a likely surname (الشرق الأوسط ميخائيل + بوغدانوف)."""
    if _is_learnt_given_name(sentence[i], tagger):
        return True
    if not _is_listed_given_name(sentence[i]) or i + 1 >= len(sentence):
        return False
    after = sentence[i + 1]
    return i + 1 in person_starts or _is_listed_given_name(after) or _may_be_surname(after, tagger)


def _given_name_spans(
    sentence: Sequence[Token], spans: list[tuple[str, int, int]], tagger: Tagger
) -> list[tuple[str, int, int]]:
    """Add a person span for each untagged run of listed given names followed by an untagged,
    rare word (ميخائيل بوغدانوف when the tagger saw neither)."""
    memo = _LISTED_BY_NORM
    listed = [memo[t.norm] for t in sentence]
    if not any(listed):
        return spans  # most sentences (_is_listed_given_name of each token, inlined)
    taken = {i for _, first, last in spans for i in range(first, last)}
    added: list[tuple[str, int, int]] = []
    i = 0
    while i < len(sentence):
        if i in taken or not listed[i]:
            i += 1
            continue
        last = i + 1
        while (
            last < len(sentence)
            and last - i < MAX_GIVEN_NAMES
            and last not in taken
            and listed[last]
        ):
            last += 1
        if last < len(sentence) and last not in taken and _may_be_surname(sentence[last], tagger):
            added.append(("PER", i, last + 1))
            i = last + 1
        else:
            i = last
    return sorted(spans + added, key=lambda span: span[1]) if added else spans


def _may_be_surname(token: Token, tagger: Tagger) -> bool:
    """A word that can close a person's name after a given name: written without a clitic, rare
    in news text, neither a title nor a word training knows only outside people's names."""
    norm = token.norm
    if not norm.isalpha() or _bare(token) != norm or len(norm) < MIN_SURNAME_LETTERS:
        return False
    if norm in PERSON_TITLES or split_clitics(norm).stem in PERSON_TITLES:
        return False
    roles = tagger.known_roles(norm)
    if roles and not any(r.startswith("PER:") for r in roles):
        return False
    return default_lexicon().per_million(norm) <= SURNAME_MAX_PER_MILLION


def _tag_mentions(
    text: str, tokens: Sequence[Token], tagger: Tagger, in_title: bool
) -> list[Mention]:
    """Mentions the tagger finds in one text."""
    sentences = list(sentence_chunks(text, tokens))
    tagged = tagger.tag_batch([[t.text for t in sentence] for sentence in sentences])
    return _tagged_mentions(text, sentences, tagged, tagger, in_title)


def _tagged_mentions(
    text: str,
    sentences: Sequence[Sequence[Token]],
    tagged: Sequence[Sequence[str]],
    tagger: Tagger,
    in_title: bool,
) -> list[Mention]:
    """Mentions of one text's sentences from the tags the tagger gave them."""
    mentions: list[Mention] = []
    for sentence, tags in zip(sentences, tagged, strict=True):
        spans = [
            (kind, part)
            for kind, first, last in _fix_spans(sentence, bio_spans(tags), tagger)
            for part in _split_coordination(kind, sentence[first:last], tagger)
        ]
        for kind, span in spans:
            if not any(t.norm.isalpha() for t in span):
                continue
            if kind == "LOC" and _is_nationality(span, tagger):
                continue
            if _is_possessed_noun(span, tagger):
                continue
            mention = _mention(text, span, kind, in_title)
            if mention:
                mentions.append(mention)
    return mentions


def _mention(text: str, span: Sequence[Token], kind: str, in_title: bool) -> Mention | None:
    """The mention covering ``span``, its first token's clitics left out."""
    start = span[0].start + clitic_chars(span[0])
    end = span[-1].end
    if end <= start:
        return None
    entity_type: EntityType = kind  # type: ignore[assignment]
    return Mention(text[start:end], entity_type, start, end, in_title=in_title)


def _names_to_repeat(
    found: Sequence[tuple[str, tuple[str, ...]]],
) -> dict[tuple[str, ...], str]:
    """Names found once, to look for again: each mention's words (``(type, bare words)`` pairs),
    and people's surnames; one-word names only when the word is rare."""
    lexicon = default_lexicon()
    votes: dict[tuple[str, ...], dict[str, int]] = {}
    for kind, words in found:
        if not any(w.isalpha() for w in words):
            continue
        rare = len(words) > 1 or lexicon.per_million(words[0]) <= REPEAT_MAX_PER_MILLION
        forms = [words] if rare else []
        surname = words[-1]
        if (
            kind == "PER"
            and len(words) > 1
            and len(surname) >= MIN_SURNAME_LETTERS
            and surname not in PERSON_TITLES
            and lexicon.per_million(surname) <= REPEAT_MAX_PER_MILLION
        ):
            forms.append((surname,))
        for form in forms:
            votes.setdefault(form, {}).setdefault(kind, 0)
            votes[form][kind] += 1
    return {form: max(v, key=lambda k: v[k]) for form, v in votes.items()}


def repeat_names_in_tags(
    sentences: Sequence[Sequence[str]], tags: Sequence[Sequence[str]]
) -> list[list[str]]:
    """BIO tags of a block of sentences (one document, or a few dozen sentences of one) with the
    names tagged somewhere in it tagged again where the tagger passed over them.

    The token-level twin of what :func:`recognize` does within an article, for input that comes
    already tokenised (``khabar tag-entities``); a repeated name takes its whole tokens, clitics
    included, as CoNLL data tags them.
    """
    bare = [[_bare_word(token) for token in sentence] for sentence in sentences]
    found = [
        (kind, tuple(words[first:last]))
        for words, sentence_tags in zip(bare, tags, strict=True)
        for kind, first, last in bio_spans(sentence_tags)
    ]
    names = _names_to_repeat(found)
    out: list[list[str]] = []
    for words, sentence_tags in zip(bare, tags, strict=True):
        new = list(sentence_tags)
        for first, last, kind in _repeats(words, [t != "O" for t in new], names):
            new[first:last] = [f"B-{kind}"] + [f"I-{kind}"] * (last - first - 1)
            _join_neighbours(new, first, last, kind)
        out.append(new)
    return _majority_types(bare, out)


def _join_neighbours(tags: list[str], first: int, last: int, kind: str) -> None:
    """Make a repeated name at ``first:last`` one mention with a tagged name of its type right
    before or after it (كيني tagged, ميلر repeated from «ميلر» elsewhere: كيني ميلر), in place.

    Two names of one type side by side are mostly one name cut in two when one of them was
    repeated (ANERcorp development part, tag-entities: 0.750 → 0.754, PER boundary errors 49 →
    45); the tagger's own adjacent names are left apart (joining those too: 0.748).
    """
    inside = (f"B-{kind}", f"I-{kind}")
    if first > 0 and tags[first - 1] in inside:
        tags[first] = f"I-{kind}"
    if last < len(tags) and tags[last] == f"B-{kind}":
        tags[last] = f"I-{kind}"


def _majority_types(bare: Sequence[Sequence[str]], tags: list[list[str]]) -> list[list[str]]:
    """The block's tags with each name given the type most of its mentions in the block have,
    when one type has more of them than the mention's own (بنفيكا twice ORG, once LOC → ORG)."""
    votes: dict[tuple[str, ...], dict[str, int]] = {}
    for words, sentence_tags in zip(bare, tags, strict=True):
        for kind, first, last in bio_spans(sentence_tags):
            count = votes.setdefault(tuple(words[first:last]), {})
            count[kind] = count.get(kind, 0) + 1
    for words, sentence_tags in zip(bare, tags, strict=True):
        for kind, first, last in bio_spans(sentence_tags):
            count = votes[tuple(words[first:last])]
            best = max(count, key=lambda k: count[k])
            if count[best] > count[kind]:
                sentence_tags[first:last] = [f"B-{best}"] + [f"I-{best}"] * (last - first - 1)
    return tags


def _repeats(
    bare: Sequence[str], taken: Sequence[bool], names: dict[tuple[str, ...], str]
) -> list[tuple[int, int, str]]:
    """``(first, last + 1, type)`` of the known ``names`` among the words ``bare`` (bare forms)
    outside the ``taken`` ones: longest match first, left to right."""
    first_words = {form[0] for form in names}
    out: list[tuple[int, int, str]] = []
    i = 0
    while i < len(bare):
        hit = None
        if not taken[i] and bare[i] in first_words and bare[i].isalpha():
            for n in range(min(MAX_PROPAGATED_TOKENS, len(bare) - i), 0, -1):
                if not any(taken[i : i + n]):
                    kind = names.get(tuple(bare[i : i + n]))
                    if kind:
                        hit = (n, kind)
                        break
        if hit:
            out.append((i, i + hit[0], hit[1]))
            i += hit[0]
        else:
            i += 1
    return out


@functools.lru_cache(maxsize=BARE_WORD_CACHE)
def _bare_word(token: str) -> str:
    """A raw token's normalised form without one-letter clitics (the article kept)."""
    return bare_form(normalize(token) or token)


def _covered(tokens: Sequence[Token], mentions: Sequence[Mention]) -> list[bool]:
    """For each token (in text order), whether it overlaps one of the ``mentions``."""
    starts = [t.start for t in tokens]
    taken = [False] * len(tokens)
    for m in mentions:
        # The first token that could overlap ``m`` ends after m.start; tokens do not overlap
        # each other, so a search on the starts finds it and the walk stops at m.end.
        i = max(bisect.bisect_right(starts, m.start) - 1, 0)
        while i < len(tokens) and tokens[i].start < m.end:
            if tokens[i].end > m.start:
                taken[i] = True
            i += 1
    return taken


def _repeat_names(
    text: str,
    tokens: Sequence[Token],
    names: dict[tuple[str, ...], str],
    mentions: list[Mention],
    in_title: bool,
) -> list[Mention]:
    """Mentions of already-found names at places the tagger passed over."""
    taken = _covered(tokens, mentions)
    extra: list[Mention] = []
    forms = BARE_FORMS
    for first, last, kind in _repeats([forms[t.norm] for t in tokens], taken, names):
        mention = _mention(text, tokens[first:last], kind, in_title)
        if mention:
            extra.append(mention)
    return sorted(mentions + extra, key=lambda m: m.start)


def _is_given_name(token: Token, tagger: Tagger) -> bool:
    """A given name: listed (khabar/entities/data/given_names.py) or learnt from training."""
    return _is_listed_given_name(token) or _is_learnt_given_name(token, tagger)


def _is_listed_given_name(token: Token) -> bool:
    """A word of the hand-written given-name list, clitics aside (وميخائيل)."""
    return token.norm.isalpha() and _bare(token) in LISTED_GIVEN_NAMES


def _is_learnt_given_name(token: Token, tagger: Tagger) -> bool:
    """A word that training data only ever saw inside people's names (سيرغي)."""
    bare = _bare(token)
    if (
        not token.norm.isalpha()
        or bare in PERSON_TITLES
        or split_clitics(bare).stem in PERSON_TITLES
    ):
        return False
    roles = tagger.known_roles(bare)
    return bool(roles) and all(r.startswith("PER:") for r in roles)


def _extend_given_names(
    text: str, tokens: Sequence[Token], mentions: list[Mention], tagger: Tagger
) -> list[Mention]:
    """Pull the given names just before a person mention into it (ميخائيل + بوغدانوف)."""
    starts = {t.start: i for i, t in enumerate(tokens)}
    taken_ends = {m.end for m in mentions}
    out: list[Mention] = []
    for m in mentions:
        i = starts.get(m.start)
        if m.type == "PER" and i is not None:
            first = i
            while (
                first > 0
                and i - first < MAX_PROPAGATED_TOKENS
                and tokens[first - 1].end not in taken_ends
                and text[tokens[first - 1].end : tokens[first].start].strip() == ""
                and _is_given_name(tokens[first - 1], tagger)
            ):
                first -= 1
            if first < i:
                start = tokens[first].start + clitic_chars(tokens[first])
                m = Mention(text[start : m.end], m.type, start, m.end, in_title=m.in_title)
        out.append(m)
    return out


def find_mentions(
    text: str, tagger: Tagger, in_title: bool = False, span_rules: bool = True
) -> list[Mention]:
    """Mentions in ``text`` (offsets into it), clitic prefixes left out of the spans."""
    tokens = tokenize(text)
    mentions = _tag_mentions(text, tokens, tagger, in_title)
    names = _names_to_repeat(_found_names(text, tokens, mentions))
    rules = SpanRules(tagger)
    mentions = _name_rules(text, tokens, mentions, names, tagger, rules, in_title)
    if not span_rules:
        return mentions
    return rules.apply(text, tokens, mentions, in_title)


def _name_rules(
    text: str,
    tokens: Sequence[Token],
    mentions: list[Mention],
    names: dict[tuple[str, ...], str],
    tagger: Tagger,
    rules: SpanRules,
    in_title: bool,
) -> list[Mention]:
    """The tagger's mentions of one text after the name rules, in order: names found elsewhere
    repeated, places joined by و, people after a title phrase, given names extended."""
    mentions = _repeat_names(text, tokens, names, mentions, in_title)
    mentions = _coordinated_places(text, tokens, mentions, tagger)
    mentions = _titled_people(text, tokens, mentions, tagger, rules, in_title)
    return _extend_given_names(text, tokens, mentions, tagger)


def _coordinated_places(
    text: str, tokens: Sequence[Token], mentions: list[Mention], tagger: Tagger
) -> list[Mention]:
    """A place name joined by و to a place mention (طرطوس واللاذقية), which the tagger passed
    over, as a place: a word of MIN_PLACE_LETTERS or more opening a CLDR or GeoNames place name,
    rare in news text (at most REPEAT_MAX_PER_MILLION: commoner ones are common words too, قوم،
    صور، المنطقة، شمال), that training never saw outside places."""
    taken = _covered(tokens, mentions)
    ends = {m.end: m for m in mentions if m.type == "LOC"}
    extra: list[Mention] = []
    for i in range(1, len(tokens)):
        token = tokens[i]
        if (
            taken[i]
            or tokens[i - 1].end not in ends
            or text[tokens[i - 1].end : token.start].strip()
            or not token.norm.isalpha()
            or not proclitics(token.norm).startswith("و")
            or not _coordinated_place(token, tagger)
        ):
            continue
        mention = _mention(text, [token], "LOC", ends[tokens[i - 1].end].in_title)
        if mention:
            extra.append(mention)
            ends[mention.end] = mention  # a list of places: طرطوس واللاذقية وبانياس
    return sorted(mentions + extra, key=lambda m: m.start) if extra else mentions


def _coordinated_place(token: Token, tagger: Tagger) -> bool:
    """Whether a word after a place mention and و names a place (``_coordinated_places``)."""
    word = _bare(token)
    if len(word) < MIN_PLACE_LETTERS:
        return False
    roles = tagger.known_roles(word)
    if roles and not all(r.startswith("LOC:") for r in roles):
        return False
    return (
        tagger.extractor_.places.get(word, "").endswith(":B")
        and default_lexicon().per_million(word) <= REPEAT_MAX_PER_MILLION
    )


def _titled_people(
    text: str,
    tokens: Sequence[Token],
    mentions: list[Mention],
    tagger: Tagger,
    rules: SpanRules,
    in_title: bool,
) -> list[Mention]:
    """A name after a title phrase with a nationality adjective (لوزير الخارجية السوري + أسعد
    الشيباني), which the tagger passed over, as a person: two or three untagged words, each
    without clitics, not a title, not known to training outside people's names, the first no
    definite word, each a given name or rare (TITLED_NAME_MAX_PER_MILLION), the last a likely
    surname (``_may_be_surname``)."""
    taken = _covered(tokens, mentions)
    forms, titles = BARE_FORMS, _TITLES
    bare = [forms[t.norm] for t in tokens]

    def adjacent(i: int) -> bool:
        return text[tokens[i].end : tokens[i + 1].start].strip() == ""

    extra: list[Mention] = []
    for i, word in enumerate(bare):
        if taken[i] or not word.isalpha() or not titles[word]:
            continue
        j = i + 1
        while (
            j < len(tokens)
            and j - i <= MAX_TITLE_COMPLEMENTS
            and adjacent(j - 1)
            and not taken[j]
            and bare[j].startswith(ARTICLE)
            and not rules.is_nationality_adjective(bare[j])
        ):
            j += 1
        if j >= len(tokens) or taken[j] or not adjacent(j - 1):
            continue
        if not rules.is_nationality_adjective(bare[j]):
            continue
        first = j + 1
        last = first
        while (
            last < len(tokens)
            and last - first < MAX_GIVEN_NAMES + 1
            and adjacent(last - 1)
            and not taken[last]
            and _may_be_name_word(tokens[last], tagger)
            and (_is_given_name(tokens[last], tagger) or _is_rare(tokens[last]))
        ):
            last += 1
        # the shortest run of two or more ending in a likely surname (ساندرين بونار, not ساندرين
        # بونار المكافأة)
        end = next(
            (
                k
                for k in range(first + MIN_TITLED_NAME_WORDS, last + 1)
                if _may_be_surname(tokens[k - 1], tagger)
            ),
            first,
        )
        last = end
        if last - first < MIN_TITLED_NAME_WORDS or bare[first].startswith(ARTICLE):
            continue
        mention = _mention(text, tokens[first:last], "PER", in_title)
        if mention:
            extra.append(mention)
    return sorted(mentions + extra, key=lambda m: m.start) if extra else mentions


def _may_be_name_word(token: Token, tagger: Tagger) -> bool:
    """A word that can be part of a person's name after a title phrase: written without a
    clitic, no title, not known to training only outside people's names."""
    norm = token.norm
    if not norm.isalpha() or _bare(token) != norm or is_title(norm):
        return False
    roles = tagger.known_roles(norm)
    return not roles or any(r.startswith("PER:") for r in roles)


def _is_rare(token: Token) -> bool:
    """A word rare enough in the word-count corpus to be part of a name after a title phrase
    (TITLED_NAME_MAX_PER_MILLION)."""
    return default_lexicon().per_million(token.norm) <= TITLED_NAME_MAX_PER_MILLION


def _found_names(
    text: str, tokens: Sequence[Token], mentions: Sequence[Mention]
) -> list[tuple[str, tuple[str, ...]]]:
    """``(type, bare words)`` of each mention, its words those of ``tokenize(mention.text)``.

    A mention ends where a token of ``text`` ends and starts at a token's start or after its
    proclitics, so tokenising its text again would give the same tokens, the first one less its
    clitics: that one's bare form is taken from what is left of it, the others' from the tokens.
    """
    starts = [t.start for t in tokens]
    out: list[tuple[str, tuple[str, ...]]] = []
    for mention in mentions:
        i = max(bisect.bisect_right(starts, mention.start) - 1, 0)
        words: list[str] = []
        while i < len(tokens) and tokens[i].start < mention.end:
            token = tokens[i]
            if token.start < mention.start:  # the first token, its clitics cut off
                words.append(bare_form(normalize(text[mention.start : token.end])))
            else:
                words.append(_bare(token))
            i += 1
        out.append((mention.type, tuple(words)))
    return out


def recognize(
    article: Article,
    tagger: Tagger,
    tokens: tuple[Sequence[Token], Sequence[Token]] | None = None,
) -> tuple[Mention, ...]:
    """Entity mentions of an article: the title's (``in_title=True``) and then the body's.

    ``tokens`` are the title's and the body's tokens when the caller has them already (the
    annotator's analysis); without them both texts are tokenised here."""
    title = article.title or ""
    body = article.text
    title_tokens, body_tokens = (tokenize(title), tokenize(body)) if tokens is None else tokens
    title_sentences = list(sentence_chunks(title, title_tokens))
    body_sentences = list(sentence_chunks(body, body_tokens))
    tagged = tagger.tag_batch([[t.text for t in s] for s in title_sentences + body_sentences])
    split = len(title_sentences)
    in_title = _tagged_mentions(title, title_sentences, tagged[:split], tagger, True)
    in_body = _tagged_mentions(body, body_sentences, tagged[split:], tagger, False)
    found = _found_names(body, body_tokens, in_body) + _found_names(title, title_tokens, in_title)
    names = _names_to_repeat(found)
    rules = SpanRules(tagger)
    in_title = _name_rules(title, title_tokens, in_title, names, tagger, rules, True)
    in_body = _name_rules(body, body_tokens, in_body, names, tagger, rules, False)
    return tuple(
        rules.apply(title, title_tokens, in_title, True)
        + rules.apply(body, body_tokens, in_body, False)
    )
