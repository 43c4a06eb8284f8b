"""Run many regular expressions over one text by trying each only where its first word fits.

``pattern.finditer(text)`` tries a pattern at every character of the text; with some thirty
patterns per article that was most of the time spent finding time expressions, though only a
few words of an article can begin any of them. :class:`PatternScanner` reads the text once,
cut into runs (of digits, of other word characters, or one other character), and asks of each
run which patterns a match could begin with it. A pattern is then tried (``pattern.match``)
only at the runs that fit it, in text order, skipping those inside its previous match: the
matches are exactly ``pattern.finditer``'s.

That is exact because both facts are derived from each pattern's parse tree, never written by
hand:

- **where a match can start** (:func:`starts_on_runs`): every way into the pattern either
  begins with a character class that cannot continue a run (a digit cannot follow a digit, a
  letter a letter) or is guarded by a look-behind that forbids it (``(?<![\\w])``,
  ``(?<!\\d)``); and no match can begin with a space or be empty. Then every match begins
  where a run begins.
- **which runs can open a match** (:class:`RunAutomaton`): the run is a prefix of something
  the pattern matches, or starts with a whole match. An automaton built from the pattern with
  its look-arounds dropped (so it accepts at least what the pattern does) reads the run; it is
  made deterministic lazily, one state per set of positions actually met, so a run costs a few
  dictionary look-ups, and the answer per distinct run is remembered. A run that opens some
  pattern is read on with the next run (في opens a dozen patterns, في الحكومة none): the runs
  left as candidates fall from 52 to 12 per article (2,000 ANT bodies).

A pattern for which either cannot be shown (an unusual construct, a match that may be empty,
or one that may begin with any word, which would make every run a candidate) is run with plain
``finditer``, skipped when the text lacks a character every match holds: slower, never
different.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator, Sequence
from itertools import accumulate, compress
from re import _constants as C  # the parser's own opcode names
from re import _parser as sre_parse

RUN = re.compile(r"\d+|[^\W\d]+|\S")
"""The runs a text is cut into: digits, other word characters, any other single character."""

PIECE = re.compile(r"\s*(?:[^\W\d]+|\d+|\S)")
"""A run with the spaces before it: pieces that follow one another from the text's start."""

MEMO_MAX_RUNS = 500_000
"""Entries of each remembered table (runs; pairs of runs): 2,000 ANT articles, titles and
bodies, hold 67,000 distinct runs and 34,000 pairs whose first run opens a pattern. A full
table is emptied and filled again, so a long-lived process stays bounded."""

MEMO_MAX_CHARS = 64
"""Longer runs (no word is this long) are looked at each time and never remembered."""

# Character kinds a class may match: digit, other word character, space, anything else.
DIGIT, LETTER, SPACE, OTHER = "D", "L", "S", "P"
ALL_KINDS = frozenset({DIGIT, LETTER, SPACE, OTHER})

_CATEGORY_KINDS = {
    C.CATEGORY_DIGIT: frozenset({DIGIT}),
    C.CATEGORY_NOT_DIGIT: frozenset({LETTER, SPACE, OTHER}),
    C.CATEGORY_WORD: frozenset({DIGIT, LETTER}),
    C.CATEGORY_NOT_WORD: frozenset({SPACE, OTHER}),
    C.CATEGORY_SPACE: frozenset({SPACE}),
    C.CATEGORY_NOT_SPACE: frozenset({DIGIT, LETTER, OTHER}),
}
"""Kinds each category may match (Unicode: ``\\d`` is ``str.isdecimal``, ``\\w`` alphanumeric
or ``_``)."""

_CATEGORY_COVERS = _CATEGORY_KINDS
"""Kinds every character of which a category matches: the same sets, since each category is a
union of whole kinds."""

_CATEGORY_SOURCE = {
    C.CATEGORY_DIGIT: r"\d",
    C.CATEGORY_NOT_DIGIT: r"\D",
    C.CATEGORY_WORD: r"\w",
    C.CATEGORY_NOT_WORD: r"\W",
    C.CATEGORY_SPACE: r"\s",
    C.CATEGORY_NOT_SPACE: r"\S",
}

_REPEATS = (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT)
_ZERO_WIDTH = (C.ASSERT, C.ASSERT_NOT, C.AT)
_SINGLE_CHAR = (C.LITERAL, C.NOT_LITERAL, C.IN, C.ANY)

RANGE_KINDS_MAX = 4096
"""Characters of a class range looked at one by one to tell their kinds; a wider range is
taken to match every kind (safe: it only makes more runs candidates)."""


class Unsupported(ValueError):
    """The pattern uses something the analysis does not read; it is run with ``finditer``."""


def _kind(ch: str) -> str:
    if re.match(r"\s", ch):
        return SPACE
    if re.match(r"\d", ch):
        return DIGIT
    if re.match(r"\w", ch):
        return LETTER
    return OTHER


def _class_kinds(op: int, av: object) -> frozenset[str]:
    """Kinds of character a single-character item may match (more rather than fewer)."""
    if op == C.LITERAL:
        return frozenset({_kind(chr(av))})  # type: ignore[arg-type]
    if op in (C.NOT_LITERAL, C.ANY):
        return ALL_KINDS
    kinds: set[str] = set()
    for sub_op, sub_av in av:  # type: ignore[attr-defined]
        if sub_op == C.NEGATE:
            return ALL_KINDS
        if sub_op == C.LITERAL:
            kinds.add(_kind(chr(sub_av)))
        elif sub_op == C.RANGE:
            lo, hi = sub_av
            if hi - lo > RANGE_KINDS_MAX:
                return ALL_KINDS
            kinds.update(_kind(chr(c)) for c in range(lo, hi + 1))
        elif sub_op == C.CATEGORY and sub_av in _CATEGORY_KINDS:
            kinds |= _CATEGORY_KINDS[sub_av]
        else:
            raise Unsupported(f"class item {sub_op}")
    return frozenset(kinds)


def _class_covers(op: int, av: object) -> frozenset[str]:
    """Kinds all of whose characters a single-character item matches (fewer rather than more)."""
    if op != C.IN:
        return frozenset()
    covered: set[str] = set()
    for sub_op, sub_av in av:  # type: ignore[attr-defined]
        if sub_op == C.NEGATE:
            return frozenset()
        if sub_op == C.CATEGORY and sub_av in _CATEGORY_COVERS:
            covered |= _CATEGORY_COVERS[sub_av]
    return frozenset(covered)


def _class_source(op: int, av: object) -> str:
    """Regex source of a single-character item."""
    if op == C.LITERAL:
        return re.escape(chr(av))  # type: ignore[arg-type]
    if op == C.NOT_LITERAL:
        return "[^" + _in_class(chr(av)) + "]"  # type: ignore[arg-type]
    if op == C.ANY:
        return "."
    parts = []
    negate = ""
    for sub_op, sub_av in av:  # type: ignore[attr-defined]
        if sub_op == C.NEGATE:
            negate = "^"
        elif sub_op == C.LITERAL:
            parts.append(_in_class(chr(sub_av)))
        elif sub_op == C.RANGE:
            parts.append(_in_class(chr(sub_av[0])) + "-" + _in_class(chr(sub_av[1])))
        elif sub_op == C.CATEGORY and sub_av in _CATEGORY_SOURCE:
            parts.append(_CATEGORY_SOURCE[sub_av])
        else:
            raise Unsupported(f"class item {sub_op}")
    return "[" + negate + "".join(parts) + "]"


def _in_class(ch: str) -> str:
    return "\\" + ch if ch in "\\]^-[" else ch


# --------------------------------------------------------------------------------------------
# Where a match can start
# --------------------------------------------------------------------------------------------


def _lookbehind_forbids(av: object) -> frozenset[str]:
    """Kinds of preceding character that a negative look-behind of one character rules out."""
    direction, sub = av  # type: ignore[misc]
    if direction != -1 or len(sub.data) != 1:
        return frozenset()
    op, item = sub.data[0]
    return _class_covers(op, item) if op in _SINGLE_CHAR else frozenset()


def _firsts(
    items: Sequence[tuple[int, object]], forbidden: frozenset[str]
) -> tuple[list[tuple[frozenset[str], frozenset[str]]], bool]:
    """The first characters a sequence may consume, each with the kinds of preceding character
    ruled out before it; and whether the sequence may match nothing."""
    out: list[tuple[frozenset[str], frozenset[str]]] = []
    for op, av in items:
        if op == C.ASSERT_NOT:
            forbidden = forbidden | _lookbehind_forbids(av)
            continue
        if op in (C.ASSERT, C.AT):
            continue
        firsts, empty = _item_firsts(op, av, forbidden)
        out += firsts
        if not empty:
            return out, False
    return out, True


def _item_firsts(
    op: int, av: object, forbidden: frozenset[str]
) -> tuple[list[tuple[frozenset[str], frozenset[str]]], bool]:
    if op in _SINGLE_CHAR:
        return [(_class_kinds(op, av), forbidden)], False
    if op == C.SUBPATTERN:
        _, add_flags, del_flags, sub = av  # type: ignore[misc]
        if add_flags or del_flags:
            raise Unsupported("inline flags")
        return _firsts(sub.data, forbidden)
    if op == C.BRANCH:
        out: list[tuple[frozenset[str], frozenset[str]]] = []
        empty = False
        for branch in av[1]:  # type: ignore[index]
            firsts, branch_empty = _firsts(branch.data, forbidden)
            out += firsts
            empty = empty or branch_empty
        return out, empty
    if op in _REPEATS:
        least, most, sub = av  # type: ignore[misc]
        if most == 0:
            return [], True
        firsts, empty = _firsts(sub.data, forbidden)
        return firsts, empty or least == 0
    if op == C.GROUPREF_EXISTS:
        _, yes, no = av  # type: ignore[misc]
        out, empty = _firsts(yes.data, forbidden)
        if no is None:
            return out, True
        more, no_empty = _firsts(no.data, forbidden)
        return out + more, empty or no_empty
    if op == C.ATOMIC_GROUP:
        return _firsts(av.data, forbidden)  # type: ignore[attr-defined]
    raise Unsupported(f"opcode {op}")  # a group reference first, or something new


def starts_on_runs(parsed: sre_parse.SubPattern) -> bool:
    """Whether every match of the pattern begins where a :data:`RUN` begins and is not empty."""
    firsts, empty = _firsts(parsed.data, frozenset())
    if empty:
        return False
    for kinds, forbidden in firsts:
        if SPACE in kinds:
            return False
        if DIGIT in kinds and DIGIT not in forbidden:  # could start inside a run of digits
            return False
        if LETTER in kinds and LETTER not in forbidden:  # ... or inside a word
            return False
    return True


# --------------------------------------------------------------------------------------------
# Which runs can open a match
# --------------------------------------------------------------------------------------------


class _Nfa:
    """A nondeterministic automaton over characters for a set of patterns, look-arounds read as
    always true. Each pattern's accepting state leads to a sink that reads any character: a run
    that starts with a whole match keeps the pattern alive."""

    def __init__(self) -> None:
        self.epsilon: list[list[int]] = []
        self.edges: list[list[tuple[int, int]]] = []  # (class id, target)
        self.owner: list[int] = []
        self.classes: list[re.Pattern[str]] = []
        self.kinds: list[frozenset[str]] = []
        self._class_ids: dict[str, int] = {}
        self._pattern = 0

    def state(self) -> int:
        self.epsilon.append([])
        self.edges.append([])
        self.owner.append(self._pattern)
        return len(self.owner) - 1

    def _class(self, source: str, kinds: frozenset[str] = ALL_KINDS) -> int:
        if source not in self._class_ids:
            self._class_ids[source] = len(self.classes)
            self.classes.append(re.compile(source, re.DOTALL))
            self.kinds.append(kinds)
        return self._class_ids[source]

    def add(self, index: int, parsed: sre_parse.SubPattern) -> int:
        """Add pattern ``index``; return its start state."""
        self._pattern = index
        start = self.state()
        end = self._sequence(parsed.data, start)
        sink = self.state()
        self.epsilon[end].append(sink)
        self.edges[sink].append((self._class("."), sink))
        return start

    def _sequence(self, items: Sequence[tuple[int, object]], at: int) -> int:
        for op, av in items:
            at = self._item(op, av, at)
        return at

    def _item(self, op: int, av: object, at: int) -> int:
        if op in _ZERO_WIDTH:
            return at
        if op in _SINGLE_CHAR:
            to = self.state()
            cls = self._class(_class_source(op, av), _class_kinds(op, av))
            self.edges[at].append((cls, to))
            return to
        if op == C.SUBPATTERN:
            return self._sequence(av[3].data, at)  # type: ignore[index]
        if op == C.ATOMIC_GROUP:
            return self._sequence(av.data, at)  # type: ignore[attr-defined]
        if op == C.BRANCH:
            return self._either([b.data for b in av[1]], at)  # type: ignore[index]
        if op == C.GROUPREF_EXISTS:
            _, yes, no = av  # type: ignore[misc]
            return self._either([yes.data, no.data if no is not None else []], at)
        if op == C.GROUPREF:  # what an earlier group matched: read as any text
            loop = self.state()
            self.epsilon[at].append(loop)
            self.edges[loop].append((self._class("."), loop))
            return loop
        if op in _REPEATS:
            least, most, sub = av  # type: ignore[misc]
            for _ in range(least):
                at = self._sequence(sub.data, at)
            if most == C.MAXREPEAT:
                loop = self.state()
                self.epsilon[at].append(loop)
                back = self._sequence(sub.data, loop)
                self.epsilon[back].append(loop)
                return loop
            for _ in range(most - least):
                end = self.state()
                self.epsilon[at].append(end)
                self.epsilon[self._sequence(sub.data, at)].append(end)
                at = end
            return at
        raise Unsupported(f"opcode {op}")

    def _either(self, branches: Sequence[Sequence[tuple[int, object]]], at: int) -> int:
        end = self.state()
        for branch in branches:
            first = self.state()
            self.epsilon[at].append(first)
            self.epsilon[self._sequence(branch, first)].append(end)
        return end

    def closure(self, states: Iterator[int] | Sequence[int]) -> frozenset[int]:
        seen = set(states)
        todo = list(seen)
        while todo:
            for nxt in self.epsilon[todo.pop()]:
                if nxt not in seen:
                    seen.add(nxt)
                    todo.append(nxt)
        return frozenset(seen)


class RunAutomaton:
    """Tells which of several patterns a match could begin with a given run: a bit mask, bit
    ``i`` for pattern ``i``. Deterministic states are built as runs need them."""

    def __init__(self, parsed: Sequence[sre_parse.SubPattern]) -> None:
        self._nfa = _Nfa()
        starts = [self._nfa.add(i, p) for i, p in enumerate(parsed)]
        self._ids: dict[frozenset[int], int] = {}
        self._sets: list[frozenset[int]] = []
        self._masks: list[dict[str, int]] = []
        self._next: list[dict[str, int]] = []
        self._building = threading.Lock()
        self.dead = self._state(frozenset())
        self.start = self._state(self._nfa.closure(starts))

    def _state(self, states: frozenset[int]) -> int:
        known = self._ids.get(states)
        if known is not None:
            return known
        self._ids[states] = len(self._sets)
        self._sets.append(states)
        nfa = self._nfa
        masks = dict.fromkeys((DIGIT, LETTER, OTHER), 0)
        for s in states:
            bit = 1 << nfa.owner[s]
            masks[OTHER] |= bit
            # a run of digits (of letters) ends where a character of another kind follows:
            # the pattern stays open only if it can read one next
            for cls, _ in nfa.edges[s]:
                for kind in (DIGIT, LETTER):
                    if nfa.kinds[cls] - {kind}:
                        masks[kind] |= bit
        self._masks.append(masks)
        self._next.append({})
        return len(self._sets) - 1

    def _step(self, state: int, ch: str) -> int:
        """Build the state ``state`` goes to on ``ch`` (one thread at a time: a state's number
        is its place in the lists)."""
        with self._building:
            nxt = self._next[state].get(ch)
            if nxt is not None:
                return nxt
            nfa = self._nfa
            reached = [
                to
                for s in self._sets[state]
                for cls, to in nfa.edges[s]
                if nfa.classes[cls].match(ch) is not None
            ]
            nxt = self._state(nfa.closure(reached))
            self._next[state][ch] = nxt
            return nxt

    def _walk(self, state: int, chars: str) -> int:
        """The state after reading ``chars`` from ``state`` (the dead state as soon as no
        pattern is left)."""
        dead = self.dead
        table = self._next
        for ch in chars:
            nxt = table[state].get(ch)
            state = self._step(state, ch) if nxt is None else nxt
            if state == dead:
                break
        return state

    def mask(self, run: str, following: str = "") -> int:
        """The patterns a match could begin with ``run`` (a prefix of a match, or a run that
        starts with one); with ``following`` (the spaces and the run after it), the patterns
        a match could begin with both."""
        state = self._walk(self._walk(self.start, run), following)
        last = following.lstrip() or run
        return 0 if state == self.dead else self._masks[state][_kind(last[0])]


BROAD_PROBE = "qxzq"
"""A run no pattern of this project names: a pattern a match of which may begin with it begins
with a general class (``\\S``, ``\\w``), so every run would be a candidate for it."""


def _broad(parsed: sre_parse.SubPattern) -> bool:
    """Whether a match may begin with any word: plain ``finditer`` is then cheaper."""
    return RunAutomaton([parsed]).mask(BROAD_PROBE) != 0


def required_chars(parsed: sre_parse.SubPattern) -> str:
    """Characters that every match of the pattern holds (its top-level literals)."""
    return "".join(chr(av) for op, av in parsed.data if op == C.LITERAL)  # type: ignore[arg-type]


# --------------------------------------------------------------------------------------------
# The scanner
# --------------------------------------------------------------------------------------------


class PatternScanner:
    """Finds the matches of a fixed set of patterns in texts, each text read once.

    >>> scanner = PatternScanner([re.compile(r"(?<!\\w)\\d+ (?:يوم|ايام)")])
    >>> text = scanner.read("بعد 3 ايام و 4 يوم")
    >>> [m.group() for m in text.finditer(scanner.patterns[0])]
    ['3 ايام', '4 يوم']
    """

    def __init__(self, patterns: Sequence[re.Pattern[str]]) -> None:
        self.patterns = tuple(patterns)
        self._bit: dict[re.Pattern[str], int] = {}
        self._required: dict[re.Pattern[str], str] = {}
        scanned = []
        for pattern in self.patterns:
            parsed = sre_parse.parse(pattern.pattern, pattern.flags)
            self._required[pattern] = required_chars(parsed)
            try:
                if pattern.flags & ~re.UNICODE:
                    raise Unsupported("flags")
                if not starts_on_runs(parsed) or _broad(parsed):
                    raise Unsupported("a match may start inside a run, on any run, or be empty")
                _Nfa().add(0, parsed)  # every construct is one the automaton reads
            except Unsupported:
                continue
            self._bit[pattern] = len(scanned)
            scanned.append(parsed)
        runs = RunAutomaton(scanned)
        self._memo = _RunMemo(runs)
        self._pairs = _PairMemo(runs)

    def plain(self, pattern: re.Pattern[str]) -> bool:
        """Whether ``pattern`` is run with ``finditer`` (its starts could not be derived)."""
        return pattern not in self._bit

    def read(self, text: str) -> ScannedText:
        """Cut ``text`` into runs once; the result finds each pattern's matches in it."""
        pieces = PIECE.findall(text)
        masks = list(map(self._memo.__getitem__, pieces))
        ends = list(accumulate(map(len, pieces)))
        last = len(pieces) - 1
        pairs = self._pairs
        hits = []
        for i in compress(range(len(masks)), masks):
            # a run that may open a pattern is read on with the next one (في opens a dozen
            # patterns; في الحكومة none): fewer places to try
            mask = masks[i] if i == last else pairs[pieces[i], pieces[i + 1]]
            if mask:
                hits.append((ends[i] - len(pieces[i].lstrip()), mask))
        return ScannedText(self, text, hits)


class _PairMemo(dict[tuple[str, str], int]):
    """The pattern mask of each pair of pieces (a run that opens some pattern, and the next
    piece), worked out by the automaton the first time the pair is seen."""

    def __init__(self, runs: RunAutomaton) -> None:
        super().__init__()
        self.runs = runs

    def __missing__(self, pair: tuple[str, str]) -> int:
        first, following = pair
        mask = self.runs.mask(first.lstrip(), following)
        if len(first) + len(following) <= 2 * MEMO_MAX_CHARS:
            if len(self) >= MEMO_MAX_RUNS:
                self.clear()
            self[pair] = mask
        return mask


class _RunMemo(dict[str, int]):
    """Each run's pattern mask, worked out by the automaton the first time the run is seen."""

    def __init__(self, runs: RunAutomaton) -> None:
        super().__init__()
        self.runs = runs

    def __missing__(self, piece: str) -> int:
        mask = self.runs.mask(piece.lstrip())
        if len(piece) <= MEMO_MAX_CHARS:
            if len(self) >= MEMO_MAX_RUNS:
                self.clear()
            self[piece] = mask
        return mask


class ScannedText:
    """A text read by a :class:`PatternScanner`: where each pattern's matches may begin."""

    def __init__(self, scanner: PatternScanner, text: str, hits: list[tuple[int, int]]) -> None:
        self.scanner = scanner
        self.text = text
        self._hits = hits

    def finditer(self, pattern: re.Pattern[str]) -> Iterator[re.Match[str]]:
        """The matches of ``pattern.finditer(text)``, trying it only where a match may begin."""
        bit = self.scanner._bit.get(pattern)
        if bit is None:
            required = self.scanner._required.get(pattern, "")
            if all(ch in self.text for ch in required):
                yield from pattern.finditer(self.text)
            return
        text = self.text
        match = pattern.match
        flag = 1 << bit
        end = 0
        for start in [start for start, mask in self._hits if mask & flag]:
            if start < end:
                continue
            m = match(text, start)
            if m is not None:
                yield m
                end = m.end()
