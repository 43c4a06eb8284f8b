"""Contradictions between claims that alignment keeps apart: opposite answers to one act.

Alignment joins statements that say nearly the same words, so two reports that answer one
question with opposite words are often left in different claims:
- ``claim``: the same act of the same actor with opposite predicates (Macron: he convinced
  Trump to stay in Syria; the White House: Trump wants the troops home as soon as possible),
  from a small lexicon of opposite answers (OPPOSITE_PREDICATES), a negation turning a word
  into the other answer (لن تنسحب = stays);
- ``stance``: a report passed on as true by one outlet and called baseless, denied or
  unconfirmed by another (an accusation against "no basis"; "killed in the consulate" against
  the consulate's denial; full control of an airport against "reports conflict"), when the two
  share the act denied and whom it concerns.
Only firm statements take part (a hedge beside an assertion is a difference of certainty), only
articles of different outlets are set against each other, and only reports of one happening
(``related``). Figures are left to :func:`~khabar.claims.contradict.quantity_contradictions`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from khabar.arabic.data.places import SEAT_COUNTRIES
from khabar.arabic.normalize import normalize
from khabar.claims.align import Item, Profile, overlap, profile
from khabar.claims.contradict import (
    FIRM,
    NEGATIVE,
    Related,
    Side,
    dates_only,
    denial_verb,
    denier_keys,
    describe,
    record,
    side,
    takes_no_side,
)
from khabar.claims.contradiction_data import (
    REJECTED_CLAIM_NOUNS,
    REJECTION_REACH,
    REJECTION_VERBS,
)
from khabar.claims.data import (
    ACT_COMPLETION,
    ACT_SYNONYMS,
    BASELESS_CUES,
    DOUBT_NOUNS,
    OPPOSITE_PREDICATES,
    OPPOSITION_NEGATIONS,
    REPORTING_VERBS,
)
from khabar.claims.proposition import NEGATION_SCOPE, asserts, negates, negative_claim
from khabar.claims.statements import has_hedge_cue
from khabar.claims.text import Word, background_idf, content_terms, norm_text, stem_keys, words
from khabar.model import Contradiction

ARGUMENT_REACH = 3
"""Words after an opposite-predicate word searched for what it is said of (ببقاء القوات)."""

MIN_SHARED_TOPIC = 2
"""Content stems (names included, predicate words not) two statements with opposite predicates
must share: the same actor and the same thing (ترامب … القوات … سوريا)."""

DOUBT_LINK = 0.3
"""Similarity (mean of weighted cosine and containment) a doubting statement needs with a firm
one of another claim to be read as answering it; the shared act and actor are required too."""

DOUBT_LINK_ALL_NAMED = 0.2
"""The lower similarity that suffices when the firm statement names at least
DOUBT_NAMES_FOR_LOOSE_LINK of the actors and places the doubt names and misses at most
DOUBT_NAMES_MISSED of them, besides sharing its act and naming its denier: the same act of the
same actors at the same place told in other words («بعرقلة وصول بعثة … إلى دوما» against «نفت …
الاتهامات البريطانية بمنع روسيا وسوريا دخول مفتشي … إلى دوما»)."""

DOUBT_NAMES_FOR_LOOSE_LINK = 2
"""Names the two must share for DOUBT_LINK_ALL_NAMED to apply (one name is often the topic)."""

DOUBT_NAMES_MISSED = 1
"""Names of the doubt the firm statement may lack under DOUBT_LINK_ALL_NAMED (a name spelt
otherwise: منظمة الأسلحة الكيماوية / الكيميائية)."""

MIN_ACT_CHARS = 3
"""Shortest normalised word read as the act a doubt answers."""

POSSESSIVE_ENDINGS = ("ه", "ها", "هم", "هما")
"""Endings (as written, ة apart) of a noun with a possessive pronoun (بلاده): the subject's
words, not the act."""


@dataclass(frozen=True, slots=True)
class _Opposites:
    """The opposite-predicate lexicon, normalised once."""

    words: Mapping[str, tuple[int, int]]
    """Stem key → (group, side)."""
    phrases: tuple[tuple[str, int, int], ...]
    """Normalised phrase, group, side."""
    negations: frozenset[str]
    doubt_nouns: frozenset[str]
    """Stem keys of the words that name what a doubt answers, or are no act (التقارير، نفى)."""
    synonyms: Mapping[str, frozenset[str]]
    """Stem key → the keys of every word naming the same act."""
    word_keys: frozenset[str]
    """The keys of ``words``, for a quick test."""
    phrase_keys: tuple[frozenset[str], ...]
    """The content stems of each phrase, for a quick test."""


def _opposites() -> _Opposites:
    table: dict[str, tuple[int, int]] = {}
    phrases: list[tuple[str, int, int]] = []
    for g, (_, _, side_a, side_b) in enumerate(OPPOSITE_PREDICATES):
        for s, forms in enumerate((side_a, side_b)):
            for form in forms:
                if " " in form:
                    phrases.append((norm_text(form).strip(), g, s))
                    continue
                for key in stem_keys(normalize(form)):
                    table.setdefault(key, (g, s))
    not_acts = (
        *DOUBT_NOUNS,
        *(w for cue in BASELESS_CUES for w in cue.split()),
        *(f for forms in REPORTING_VERBS.values() for f in forms),
    )
    doubt = frozenset(k for w in not_acts for k in stem_keys(normalize(w)))
    synonyms: dict[str, frozenset[str]] = {}
    for group in ACT_SYNONYMS:
        keys = frozenset(k for w in group for k in stem_keys(normalize(w)))
        for key in keys:
            synonyms[key] = synonyms.get(key, frozenset()) | keys
    negations = frozenset(normalize(w) for w in OPPOSITION_NEGATIONS)
    phrase_keys = tuple(frozenset(t.stem for t in content_terms(p)) for p, _, _ in phrases)
    return _Opposites(
        table, tuple(phrases), negations, doubt, synonyms, frozenset(table), phrase_keys
    )


_LEXICON = _opposites()


def readings(text: str) -> dict[tuple[int, int], frozenset[str]]:
    """The (group, side) answers ``text`` gives to the acts of OPPOSITE_PREDICATES — a word of
    one side, or of the other side under a negation (لن تنسحب = stays) — each with the stem
    keys of what it is said of: the first content word within ARGUMENT_REACH after it (ببقاء
    القوات، سحب قواته: القوات), empty when none follows (a phrase's answer has none)."""
    found: dict[tuple[int, int], frozenset[str]] = {}
    ws = words(text)
    for i, group, answer in _word_hits(ws):
        after = (x for x in ws[i + 1 : i + 1 + ARGUMENT_REACH] if content_terms(x.text))
        argument = next(after, None)
        keys = stem_keys(argument.norm) if argument is not None else frozenset()
        found[(group, answer)] = found.get((group, answer), frozenset()) | keys
    spaced = norm_text(text)
    for phrase, group, answer in _LEXICON.phrases:
        if f" {phrase} " in f" {spaced} ":
            found.setdefault((group, answer), frozenset())
    return found


def _word_hits(ws: Sequence[Word]) -> Iterator[tuple[int, int, int]]:
    """(word index, group, side) of each lexicon word of ``ws``, in order, its side turned by a
    negation within NEGATION_SCOPE words before it."""
    for i, w in enumerate(ws):
        hit = next((_LEXICON.words[k] for k in stem_keys(w.norm) if k in _LEXICON.words), None)
        if hit is None:
            continue
        group, answer = hit
        if any(_negation(b.norm) for b in ws[max(0, i - NEGATION_SCOPE) : i]):
            answer = 1 - answer
        yield i, group, answer


def superseded(sentence: str, found: tuple[int, int]) -> bool:
    """Whether the answer ``found`` is one its own sentence turns from: the sentence gives both
    answers and the other one last («قال ترامب إن الولايات المتحدة تريد الانسحاب من سوريا، لقد
    أقنعناه بضرورة البقاء»: wanting to withdraw is what changed, staying is what is said)."""
    group, answer = found
    said = [a for _, g, a in _word_hits(words(sentence)) if g == group]
    return answer in said and 1 - answer in said and said[-1] != answer


def _negation(norm: str) -> bool:
    """Whether a normalised word is a negation, a clitic (و، ف، ب، ل) aside: بعدم الانسحاب."""
    return norm in _LEXICON.negations or (
        norm[:1] in ("و", "ف", "ب", "ل") and norm[1:] in _LEXICON.negations
    )


def answers(text: str) -> frozenset[tuple[int, int]]:
    """The (group, side) answers ``text`` gives (see :func:`readings`)."""
    return frozenset(readings(text))


def _predicate_keys(item: Item) -> frozenset[str]:
    """Stem keys of the words of ``item`` that belong to the opposite-predicate lexicon."""
    return frozenset(k for t in item.terms for k in t.keys if k in _LEXICON.words)


def _same_argument(a: frozenset[str], b: frozenset[str]) -> bool:
    """Whether two answers are said of the same thing (القوات / قواته), when both name one:
    «البقاء لاعبا» (remain a player) is not «انسحاب القوات»."""
    return not a or not b or bool(a & b)


def _topic_shared(a: Item, b: Item) -> int:
    """Content stems (not predicate words) ``a`` and ``b`` share."""
    pa, pb = _predicate_keys(a), _predicate_keys(b)
    keys_b = frozenset().union(*(t.keys for t in b.terms if not t.keys & pb)) if b.terms else set()
    return len({t.stem for t in a.terms if not t.keys & pa and t.keys & keys_b})


class _Groups:
    """Pairs of sides joined into issues (union-find over items)."""

    def __init__(self) -> None:
        self.parent: dict[int, int] = {}
        self.items: dict[int, Item] = {}
        self.answer: dict[int, int] = {}

    def find(self, x: int) -> int:
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def join(self, a: Item, answer_a: int, b: Item, answer_b: int) -> None:
        for item, answer in ((a, answer_a), (b, answer_b)):
            key = id(item)
            if key not in self.parent:
                self.parent[key] = key
                self.items[key] = item
                self.answer[key] = answer
        self.parent[self.find(id(a))] = self.find(id(b))

    def issues(self) -> list[list[tuple[Item, int]]]:
        out: dict[int, list[tuple[Item, int]]] = {}
        for key, item in self.items.items():
            out.setdefault(self.find(key), []).append((item, self.answer[key]))
        return list(out.values())


def _may_answer(item: Item) -> bool:
    """A quick test on ``item``'s terms: whether it holds a lexicon word or every word of a
    lexicon phrase (most statements hold neither, and are not read further)."""
    keys = frozenset(k for t in item.terms for k in t.keys)
    return bool(keys & _LEXICON.word_keys) or any(p <= keys for p in _LEXICON.phrase_keys)


def _outlet(item: Item, outlets: Mapping[str, str]) -> str:
    return outlets.get(item.article, item.article)


def opposite_predicates(
    items: Iterable[Item], related: Related, outlets: Mapping[str, str]
) -> list[Contradiction]:
    """One ``claim`` record per issue where outlets give one act of one actor opposite answers."""
    by_answer: dict[tuple[int, int], list[Item]] = {}
    argument: dict[tuple[int, tuple[int, int]], frozenset[str]] = {}
    for item in items:
        if item.statement.stance not in FIRM or not _may_answer(item):
            continue
        found_here = readings(item.statement.content)
        if not found_here or has_hedge_cue(item.statement.content):
            continue
        for found, said_of in found_here.items():
            if superseded(item.statement.text, found):
                continue
            by_answer.setdefault(found, []).append(item)
            argument[(id(item), found)] = said_of
    out: list[Contradiction] = []
    for g, (name_a, name_b, _, _) in enumerate(OPPOSITE_PREDICATES):
        side_a, side_b = by_answer.get((g, 0), []), by_answer.get((g, 1), [])
        groups = _Groups()
        for a in side_a:
            for b in side_b:
                # an article reporting both answers still stands, by each of its statements,
                # against another outlet's opposite answer; one outlet is never set against itself
                if (
                    _outlet(a, outlets) == _outlet(b, outlets)
                    or not related(a.article, b.article)
                    or _topic_shared(a, b) < MIN_SHARED_TOPIC
                    or not _same_argument(argument[(id(a), (g, 0))], argument[(id(b), (g, 1))])
                ):
                    continue
                groups.join(a, 0, b, 1)
        # two statements giving one answer about the same thing in one happening are one side
        # of one issue, whichever opposite statements each was paired with
        for answer, members in ((0, side_a), (1, side_b)):
            placed = [i for i in members if id(i) in groups.parent]
            for x, a in enumerate(placed):
                for b in placed[x + 1 :]:
                    if (
                        related(a.article, b.article)
                        and _topic_shared(a, b) >= MIN_SHARED_TOPIC
                        and _same_argument(
                            argument[(id(a), (g, answer))], argument[(id(b), (g, answer))]
                        )
                    ):
                        groups.join(a, answer, b, answer)
        for issue in groups.issues():
            positions = [
                (name, [side(i, outlets) for i, answer in issue if answer == n])
                for n, name in enumerate((name_a, name_b))
            ]
            detail = f"whether it {name_a} or {name_b}: {describe(positions)}"
            out.append(record("claim", name_a, detail, None, positions))
    return out


def _act_keys(item: Item) -> frozenset[str]:
    """Stem keys (with synonyms) of the act a doubting statement answers: its first word that
    is neither a name, nor a definite noun (the subject: المواطن السعودي …), nor a word naming
    the doubt itself (صحة التقارير، تضارب الأنباء) — قُتل in «… خاشقجي قد قُتل في القنصلية»,
    منع in «الاتهامات البريطانية بمنع روسيا …»."""
    ws = words(item.statement.content)
    # a denial verb still inside the content (… التي تنفي أي مسؤولية لها): the act follows it;
    # after a rejection of a claim, the act follows the claim noun
    rejected = _rejected_claim(ws)
    after = rejected + 1 if rejected is not None else None
    if after is None:
        after = next((i + 1 for i, w in enumerate(ws) if denial_verb(w.norm)), 0)
    for w in ws[after:]:
        keys = stem_keys(w.norm)
        if (
            not content_terms(w.text)  # a function word (بأنها، التي)
            or dates_only(w.norm)
            or len(w.norm) < MIN_ACT_CHARS
            or w.stem in item.names
            or keys & _LEXICON.doubt_nouns
            or _definite(w.norm)
            or w.text.endswith(POSSESSIVE_ENDINGS)  # a possessed noun: بلاده، قواته (not ة)
        ):
            continue
        out = set(keys)
        for key in keys:
            out |= _LEXICON.synonyms.get(key, frozenset())
        return frozenset(out)
    return frozenset()


_REJECTION_VERBS = frozenset(normalize(w) for w in REJECTION_VERBS)
_REJECTED = frozenset(k for w in REJECTED_CLAIM_NOUNS for k in stem_keys(normalize(w)))


def _rejected_claim(ws: Sequence[Word]) -> int | None:
    """Index of the claim noun a statement opening with a rejection verb rejects (رفضت
    الخارجية التشيكية اتهامات أنقرة …: اتهامات), or None."""
    if not ws:
        return None
    first = ws[0].norm
    if first not in _REJECTION_VERBS and not (
        first[:1] in ("و", "ف") and first[1:] in _REJECTION_VERBS
    ):
        return None
    for i, w in enumerate(ws[1 : 1 + REJECTION_REACH], 1):
        if stem_keys(w.norm) & _REJECTED:
            return i
    return None


def rejects_claim(item: Item) -> bool:
    """Whether an own-voice statement tells a rejection of a claim (رفضت وزارة الخارجية في
    جمهورية التشيك اتهامات أنقرة لها برعاية الإرهاب): a denial by the sentence's subject, however
    the statement's stance was read."""
    stmt = item.statement
    if stmt.stance != "asserted":
        return False
    head = stmt.content.split(None, 1)
    first = normalize(head[0]).lstrip("\"'«“(") if head else ""
    if first not in _REJECTION_VERBS and first[1:] not in _REJECTION_VERBS:
        return False  # a quick test on the first word as written: most statements stop here
    return _rejected_claim(words(stmt.content)) is not None


def _seat_folds() -> dict[str, frozenset[str]]:
    """Stem key of each seat of government (SEAT_COUNTRIES: أنقرة) → the keys of its country."""
    out: dict[str, frozenset[str]] = {}
    for seat, country in SEAT_COUNTRIES.items():
        if " " in seat:
            continue
        country_keys = frozenset(k for t in content_terms(country) for k in t.keys)
        for key in stem_keys(normalize(seat)):
            out[key] = out.get(key, frozenset()) | country_keys
    return out


_SEAT_FOLDS = _seat_folds()


def _said_by(item: Item, names: frozenset[str]) -> bool:
    """Whether ``item``'s speaker is one of ``names`` (a seat of government standing for its
    state): a denial of «اتهامات أنقرة» answers what Turkey's deputy prime minister said, though
    his words name neither Ankara nor Turkey."""
    speaker = item.statement.speaker
    if not speaker:
        return False
    said = frozenset(k for t in content_terms(speaker) for k in t.keys)
    return any(k in said or not _SEAT_FOLDS.get(k, frozenset()).isdisjoint(said) for k in names)


def _definite(norm: str) -> bool:
    """Whether a normalised word carries the article (ال، وال، بال، لل …)."""
    bare = norm[1:] if norm[:1] in ("و", "ف") and len(norm) > 4 else norm
    return bare.startswith(("ال", "بال", "كال", "لل"))


def doubted_elsewhere(
    items: Sequence[Item],
    related: Related,
    outlets: Mapping[str, str],
    covered: Iterable[Contradiction] = (),
) -> list[Contradiction]:
    """One ``stance`` record per issue where one outlet passes on as true what another calls
    baseless, denies or calls unconfirmed, the two statements being in different claims (pairs
    of articles ``covered`` by an existing stance record are left to it). A denial with its
    speaker is compared by its content or by its whole sentence, whichever is nearer, and a report
    said by whom the denial names (the accuser: اتهامات أنقرة, Turkey's minister) is about it."""
    done = {
        frozenset({a.article, b.article})
        for c in covered
        if c.kind == "stance" and len(c.positions) == 2
        for a in c.positions[0].sources
        for b in c.positions[1].sources
    }
    weight = background_idf().idf
    doubting = [
        i
        for i in items
        if (i.statement.stance in NEGATIVE and not takes_no_side(i)) or rejects_claim(i)
    ]
    if not doubting:
        return []
    rejecting = {id(i) for i in doubting if i.statement.stance not in NEGATIVE}
    acts_of = {id(b): _act_keys(b) for b in doubting}
    wanted = frozenset().union(*acts_of.values())
    # firm statements indexed by the doubted acts they hold: each doubt meets only those
    holding: dict[str, list[Item]] = {}
    for item in items:
        if item.statement.stance in FIRM and id(item) not in rejecting:
            for key in {k for t in item.terms for k in t.keys if k in wanted}:
                holding.setdefault(key, []).append(item)
    hedged: dict[int, bool] = {}
    profiles: dict[int, Profile] = {}
    sentences: dict[int, Profile] = {}
    groups = _Groups()
    for b in doubting:
        acts = acts_of[id(b)]
        whole_sentence = b.statement.stance == "denied"
        candidates = {id(a): a for k in acts for a in holding.get(k, ())}
        for a in candidates.values():
            if (
                _outlet(a, outlets) == _outlet(b, outlets)
                or frozenset({a.article, b.article}) in done
                or not related(a.article, b.article)
            ):
                continue
            a_keys = frozenset().union(*(t.keys for t in a.terms)) if a.terms else frozenset()
            shared_acts = frozenset(k for k in acts if k in a_keys)
            content = a.statement.content
            if id(a) not in hedged:
                hedged[id(a)] = has_hedge_cue(content)
            if (
                hedged[id(a)]
                or not shared_acts
                or not asserts(content, shared_acts)
                or negates(content, shared_acts)
                or negative_claim(content)
            ):
                continue
            if b.names and not (b.names & (a_keys | a.names)) and not _said_by(a, b.names):
                continue  # not about the same actor or place, nor said by whom it names
            denier = denier_keys(b)
            if denier and not (denier & (a_keys | a.names)):
                continue  # طهران تنفي دعم الحوثيين: a report of support not naming Tehran
            for x in (a, b):
                if id(x) not in profiles:
                    profiles[id(x)] = profile(x.terms, weight)
            if whole_sentence and id(b) not in sentences:
                sentences[id(b)] = profile(tuple(content_terms(b.statement.text)), weight)
            named = len(b.names & (a_keys | a.names))
            all_named = (
                named >= DOUBT_NAMES_FOR_LOOSE_LINK and len(b.names) - named <= DOUBT_NAMES_MISSED
            )
            link = DOUBT_LINK_ALL_NAMED if all_named else DOUBT_LINK
            near = overlap(profiles[id(a)], profiles[id(b)])
            if whole_sentence:
                # a named denial's content is only what it rejects (اتهامات أنقرة لها برعاية
                # الإرهاب); its sentence names the denier and what the accusation was about
                near = max(near, overlap(profiles[id(a)], sentences[id(b)]))
            if near < link:
                continue
            groups.join(a, 0, b, 1)
    out: list[Contradiction] = []
    for issue in groups.issues():
        passing = [side(i, outlets) for i, answer in issue if answer == 0]
        doubters = [side(i, outlets) for i, answer in issue if answer == 1]
        positions: list[tuple[str, Sequence[Side]]] = [
            ("passes it on", passing),
            ("doubts or denies it", doubters),
        ]
        detail = "; ".join(
            f"{s.item.article} {'passes it on' if n == 0 else s.item.statement.stance}"
            for n, sides in enumerate((passing, doubters))
            for s in sides
        )
        key = "|".join(sorted({s.item.article for s in (*passing, *doubters)}))
        out.append(record("stance", f"doubted|{key}", detail, None, positions))
    return out


def _completion_forms() -> tuple[dict[str, tuple[int, str]], frozenset[str]]:
    """Each form of ACT_COMPLETION (normalised) with its act and kind; every form's stem keys."""
    table: dict[str, tuple[int, str]] = {}
    for n, (_, done, opening, negatable, pending) in enumerate(ACT_COMPLETION):
        for kind, forms in (("done", done), ("opening", opening), ("negatable", negatable)):
            for form in forms:
                table[normalize(form)] = (n, kind)
        for form in pending:
            table[normalize(form)] = (n, "pending")
    keys = frozenset(k for form in table for k in stem_keys(form))
    return table, keys


_COMPLETION, _COMPLETION_KEYS = _completion_forms()
_COMPLETION_HOOKS = tuple(
    sorted({f for _, *kinds in ACT_COMPLETION for forms in kinds for f in forms} | set(_COMPLETION))
)
"""Every form of ACT_COMPLETION as written and normalised, for a quick test on a text."""


def completion(text: str) -> dict[int, bool]:
    """Whether ``text`` tells each act of ACT_COMPLETION as done (True) or not done yet (False),
    by its last word of that act (a sentence that turns from one to the other ends on it)."""
    if not any(form in text for form in _COMPLETION_HOOKS):
        return {}
    ws = words(text)
    found: dict[int, bool] = {}
    for i, w in enumerate(ws):
        norm = w.norm
        hit = _COMPLETION.get(norm)
        if hit is None and norm[:1] in ("و", "ف"):
            hit = _COMPLETION.get(norm[1:])
        if hit is None:
            continue
        act, kind = hit
        negated = any(_negation(b.norm) for b in ws[max(0, i - NEGATION_SCOPE) : i])
        if kind == "pending":
            found[act] = False
        elif kind == "negatable":
            if negated:
                found[act] = False
        elif kind == "opening":
            if i == 0:
                found[act] = True
        else:
            found[act] = not negated
    return found


COMPLETION_REACH_BEFORE = 4
"""Words before an act word of ACT_COMPLETION that may name who does it (الفريق الأممي دخل)."""

COMPLETION_REACH_AFTER = 6
"""Words after it that may name who does it and where (دخل مفتشو المنظمة إلى مدينة دوما)."""


def _around_act(text: str) -> list[frozenset[str]]:
    """Stem keys of the content words near the act words of ACT_COMPLETION in ``text``: who does
    the act and where, not the rest of a long sentence."""
    ws = words(text)
    near: set[int] = set()
    for i, w in enumerate(ws):
        if w.norm in _COMPLETION or (w.norm[:1] in ("و", "ف") and w.norm[1:] in _COMPLETION):
            near.update(range(max(0, i - COMPLETION_REACH_BEFORE), i))
            near.update(range(i + 1, min(len(ws), i + 1 + COMPLETION_REACH_AFTER)))
    return [
        keys
        for j in sorted(near)
        if content_terms(ws[j].text) and not (keys := stem_keys(ws[j].norm)) & _COMPLETION_KEYS
    ]


def _shared_topic(a: Item, b: Item) -> int:
    """Words near the act in ``a`` that name a word near the act in ``b`` (the same actor, the
    same place): «مفتشو المنظمة … دوما» and «مفتشو الأسلحة سيدخلون دوما» share two."""
    keys_b = frozenset().union(*_around_act(b.statement.content))
    return len({min(keys) for keys in _around_act(a.statement.content) if keys & keys_b})


def completion_contradictions(
    items: Iterable[Item],
    related: Related,
    outlets: Mapping[str, str],
    published: Mapping[str, date | None],
) -> list[Contradiction]:
    """One ``claim`` record per issue where outlets tell one act (ACT_COMPLETION) of one actor as
    done and as not done yet on the same day (the inspectors entered Douma / they did not enter,
    they will enter on Wednesday): reports of different days may both hold (planned, then done)."""
    told: dict[int, dict[bool, list[Item]]] = {}
    for item in items:
        if item.statement.stance not in FIRM:
            continue
        found = completion(item.statement.content)
        if not found or has_hedge_cue(item.statement.content):
            continue
        for act, done in found.items():
            told.setdefault(act, {}).setdefault(done, []).append(item)
    out: list[Contradiction] = []
    for act, answers in sorted(told.items()):
        groups = _Groups()
        for a in answers.get(True, []):
            for b in answers.get(False, []):
                day = published.get(a.article)
                if (
                    _outlet(a, outlets) == _outlet(b, outlets)
                    or day is None
                    or day != published.get(b.article)
                    or not related(a.article, b.article)
                    or _shared_topic(a, b) < MIN_SHARED_TOPIC
                ):
                    continue
                groups.join(a, 0, b, 1)
        name = ACT_COMPLETION[act][0]
        for issue in groups.issues():
            positions = [
                (answer, [side(i, outlets) for i, n in issue if n == k])
                for k, answer in enumerate((f"{name}", f"not yet {name}"))
            ]
            detail = f"whether it {name} or not yet: {describe(positions)}"
            out.append(record("claim", f"completion|{name}", detail, None, positions))
    return out
