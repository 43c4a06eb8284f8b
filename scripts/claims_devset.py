"""Score khabar's claims stage on the labelled claims set (issue 17), beside simple baselines.

Usage:
    python scripts/claims_devset.py                 # dev and held-out, khabar and baselines
    python scripts/claims_devset.py --split dev     # one split
    python scripts/claims_devset.py --show dev      # every gold claim with khabar's reading
    python scripts/claims_devset.py --check         # every labelled clause is in its text
    python scripts/claims_devset.py --pile 2018-04-14,2018-04-15   # every contradiction khabar
                                                    # reports on whole articles of those days

The labels (`tests/quality/data/claims_{dev,heldout}.jsonl`, see the README there) cover each
article's title and lead (first paragraph). The articles are read from the ANT archive and cut
to title + lead, annotated with the team's Annotator, entity resolution and build_events, and
run through `analyze_claims`, so that everything the stage says can be scored.

Measures:
- speaker accuracy: gold claims whose speaker khabar gives right (the outlet's own voice = no
  speaker), over all gold claims (a claim khabar did not find counts wrong) and over the found;
- stance accuracy, same two ways (khabar's "reported" counts as "attributed", "questioned" as
  "hedged");
- clause: mean token F1 of the found claim's text against the gold clause, and how many found
  texts start mid-phrase with عن / إلى;
- contradictions: a predicted contradiction is right when two of its sides, from different
  articles, hold claims of the two sides of one gold issue; precision over predictions, recall
  over gold issues. ``certainty`` records (a hedge beside an assertion) are differences of
  certainty, not contradictions, and are counted apart.

Baselines, in the same run: speaker = the nearest PER/ORG mention before the gold clause in its
sentence (outlet's voice when none); stance = the majority label; contradiction = every two
statements of different articles in one khabar event whose contents ``agreement()`` calls
"disagree".
"""

from __future__ import annotations

import argparse
import json
import pickle
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

import ant_devset  # noqa: E402  (needs sys.path above)

from khabar.arabic.normalize import normalize  # noqa: E402
from khabar.model import AnnotatedArticle, Article, Contradiction, Statement  # noqa: E402

DATA = ROOT / "tests" / "quality" / "data"
SPLITS = {
    "dev": DATA / "claims_dev.jsonl",
    "heldout": DATA / "claims_heldout.jsonl",
    "heldout_b": DATA / "claims_heldout_b.jsonl",
    "heldout_c": DATA / "claims_heldout_c.jsonl",
    "heldout_d": DATA / "claims_heldout_d.jsonl",
    "heldout_e": DATA / "claims_heldout_e.jsonl",
    "heldout_f": DATA / "claims_heldout_f.jsonl",
    "heldout_g": DATA / "claims_heldout_g.jsonl",
}
"""heldout_b (2018-04-16) labels only contradictions and the claims that are their sides;
heldout_c (2018-10-06, 10-07, one 10-09 article) was labelled before the second round of
speaker and contradiction work, heldout_d (eight disputes of 2018-03..08, ten contradiction
issues) before the third, and is a dev set since the fourth (HALVES); heldout_c and heldout_e
(labelled apart during the fourth round) are never tuned on, and only the lead scores them."""
HALVES = {
    "heldout_d_a": ("heldout_d", True),
    "heldout_d_b": ("heldout_d", False),
    "heldout_f_a": ("heldout_f", True),
    "heldout_f_b": ("heldout_f", False),
    "heldout_g_a": ("heldout_g", True),
    "heldout_g_b": ("heldout_g", False),
}
"""Held-out D's disputes in two halves, a development set since issue 17's fourth round: half a
(the Skripal poisoning, Hamdallah's convoy, the Douma inspectors: 2018-03-12..04-18, four issues)
was tuned on, half b (the strikes near Hama, Netanyahu's archive, Morocco and the Polisario,
Hezbollah in Yemen, the Dahyan bus: 2018-04-29..08-10, six issues) only checked. Held-out G
(labelled before issue 17's seventh round, no issues) likewise: half a 2018-03-15..20 tuned,
half b 2018-10-01..02 only checked. Held-out F (eight contradiction issues, labelled before the
seventh round's contradiction work): half a 2018-02-23..28 tuned, half b 2018-07-03..25 checked."""
HALF_A_LAST_DAY = "2018-04-18"
OUTLET = "OUTLET"

MIN_CLAUSE_COVER = 0.5
"""Share of a gold clause's words a predicted claim text must hold to be that claim."""

SPEAKER_SLACK_WORDS = 3
"""Words a predicted speaker may have beyond the written speaker (titles, a comma-set name)."""

MID_PHRASE = ("عن", "إلى", "الى")
"""Words a claim's text must not start with (what follows them is an object, not a clause)."""

STANCE_MAP = {"reported": "attributed", "questioned": "hedged"}
"""khabar stances read as the set's five labels."""

OWN_VOICE = frozenset({"asserted", "hedged", "unconfirmed", "questioned"})


@dataclass(frozen=True)
class GoldClaim:
    id: str
    doc: str
    where: str
    clause: str
    speaker: str
    keys: tuple[str, ...]
    stance: str


@dataclass(frozen=True)
class GoldSet:
    claims: tuple[GoldClaim, ...]
    issues: tuple[tuple[str, tuple[frozenset[str], ...]], ...]
    docs: tuple[str, ...]
    days: frozenset[str]
    contradictions_only: bool = False
    """Only the claims that are sides of an issue are labelled: speaker and stance not scored."""


def load_gold(path: Path) -> GoldSet:
    """Read one labelled split."""
    claims: list[GoldClaim] = []
    issues: list[tuple[str, tuple[frozenset[str], ...]]] = []
    docs: list[str] = []
    days: set[str] = set()
    scope = False
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        scope = scope or row.get("scope") == "contradictions"
        if "doc" in row:
            docs.append(row["doc"])
            days.add(row["day"])
            for c in row["claims"]:
                claims.append(
                    GoldClaim(
                        c["id"],
                        row["doc"],
                        c["where"],
                        c["clause"],
                        c["speaker"],
                        tuple(c["speaker_keys"]),
                        c["stance"],
                    )
                )
        elif "contradiction" in row:
            issues.append((row["contradiction"], tuple(frozenset(s) for s in row["sides"])))
    return GoldSet(tuple(claims), tuple(issues), tuple(docs), frozenset(days), scope)


def load_split(name: str) -> GoldSet:
    """A labelled split, or one half of held-out D (HALVES)."""
    if name not in HALVES:
        return load_gold(SPLITS[name])
    base, first = HALVES[name]
    gold = load_gold(SPLITS[base])
    day_of = _days(SPLITS[base])
    keep = {doc for doc, day in day_of.items() if (day <= HALF_A_LAST_DAY) == first}
    docs = tuple(d for d in gold.docs if d in keep)
    claims = tuple(c for c in gold.claims if c.doc in keep)
    kept = {c.id for c in claims}
    issues = tuple(
        (issue, sides) for issue, sides in gold.issues if all(side & kept for side in sides)
    )
    days = frozenset(d for d in gold.days if (d <= HALF_A_LAST_DAY) == first)
    return GoldSet(claims, issues, docs, days, gold.contradictions_only)


def _days(path: Path) -> dict[str, str]:
    """Each labelled article's UTC day."""
    rows = (json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line)
    return {row["doc"]: row["day"] for row in rows if "doc" in row}


def _tokens(text: str) -> list[str]:
    out = []
    for raw in normalize(text).replace("#", " ").replace("_", " ").split():
        word = raw.strip("\"'«»“”().,،:؛;!?؟-–—")
        if word:
            out.append(word)
    return out


def _cover(gold: str, text: str) -> float:
    """Share of the gold clause's words found in ``text``."""
    g, t = _tokens(gold), set(_tokens(text))
    return sum(1 for w in g if w in t) / len(g) if g else 0.0


def _f1(gold: str, text: str) -> float:
    g, t = set(_tokens(gold)), set(_tokens(text))
    if not g or not t:
        return 0.0
    common = len(g & t)
    if not common:
        return 0.0
    p, r = common / len(t), common / len(g)
    return 2 * p * r / (p + r)


def lead_article(record: Mapping[str, Any]) -> Article:
    """The ANT record cut to its title and first paragraph."""
    full = ant_devset.to_khabar_article(record)
    return replace(full, paragraphs=full.paragraphs[:1])


@dataclass(frozen=True)
class Run:
    annotated: tuple[AnnotatedArticle, ...]
    titles: Mapping[str, tuple[Statement, ...]]
    contradictions: tuple[Contradiction, ...]
    article_event: Mapping[str, str]


def run_khabar(records: Sequence[Mapping[str, Any]]) -> Run:
    """Annotate the title+lead articles and run the claims stage on them."""
    from khabar.annotate import Annotator
    from khabar.claims import analyze_claims
    from khabar.config import Config
    from khabar.entities import resolve_entities
    from khabar.events import build_events

    config = Config()
    annotator = Annotator(config)
    annotated, entities = resolve_entities(
        [annotator(lead_article(r)) for r in records], config.entities
    )
    events, stories = build_events(annotated, entities, config.events)
    result = analyze_claims(annotated, events, stories, entities, config.claims)
    titles = {a.id: _title_statements(a) for a in annotated}
    article_event = {doc: e.id for e in events for doc in e.articles}
    return Run(tuple(annotated), titles, result.contradictions, article_event)


def _title_statements(art: AnnotatedArticle) -> tuple[Statement, ...]:
    """The statements khabar reads in a title (none where the code has no title reader)."""
    try:
        from khabar.claims.statements import title_statements
    except ImportError:  # the code before issue 17 read no claims in titles
        return ()
    return title_statements(art.article, art.mentions)


def _match(claim: GoldClaim, run: Run, by_id: Mapping[str, AnnotatedArticle]) -> Statement | None:
    """khabar's statement that makes the gold claim, if any."""
    art = by_id[claim.doc]
    pool = run.titles.get(claim.doc, ()) if claim.where == "title" else art.statements
    best, best_cover = None, 0.0
    for stmt in pool:
        cover = _cover(claim.clause, stmt.content)
        if cover > best_cover:
            best, best_cover = stmt, cover
    return best if best_cover >= MIN_CLAUSE_COVER else None


def speaker_right(claim: GoldClaim, speaker: str | None) -> bool:
    """Whether ``speaker`` (None = the outlet's own voice) is the gold speaker."""
    if claim.speaker == OUTLET:
        return speaker is None
    if speaker is None:
        return False
    said = _tokens(speaker)
    if len(said) > len(_tokens(claim.speaker)) + SPEAKER_SLACK_WORDS:
        return False
    joined = " ".join(said)
    return any(" ".join(_tokens(k)) in joined for k in claim.keys)


def _stance(stance: str) -> str:
    return STANCE_MAP.get(stance, stance)


def _source_claims(article: str, quote: str, gold: GoldSet, titles: Mapping[str, str]) -> set[str]:
    """Gold claims a contradiction side (article, quoted sentence) stands for."""
    out = set()
    for claim in gold.claims:
        if claim.doc != article:
            continue
        if claim.where == "title":
            if quote.strip() == titles.get(article, "").strip():
                out.add(claim.id)
        elif _cover(claim.clause, quote) >= MIN_CLAUSE_COVER:
            out.add(claim.id)
    return out


def contradiction_scores(
    predicted: Sequence[tuple[tuple[str, str], ...]], gold: GoldSet, titles: Mapping[str, str]
) -> tuple[int, int, int, int]:
    """(right predictions, predictions, gold issues found, gold issues)."""
    found: set[str] = set()
    right = 0
    for sides in predicted:
        mapped = [(art, _source_claims(art, quote, gold, titles)) for art, quote in sides]
        hit = None
        for name, (side_a, side_b) in gold.issues:
            for x, (art_x, cx) in enumerate(mapped):
                for art_y, cy in mapped[x + 1 :]:
                    if art_x == art_y:
                        continue
                    if (cx & side_a and cy & side_b) or (cx & side_b and cy & side_a):
                        hit = name
        if hit is not None:
            right += 1
            found.add(hit)
    return right, len(predicted), len(found), len(gold.issues)


def baseline_contradictions(run: Run) -> list[tuple[tuple[str, str], ...]]:
    """Every two statements of different articles in one event that agreement() calls
    "disagree" (titles count as statements)."""
    from khabar.claims import agreement

    by_event: dict[str, list[tuple[str, Statement]]] = {}
    for art in run.annotated:
        event = run.article_event.get(art.id)
        if event is None:
            continue
        for stmt in (*run.titles.get(art.id, ()), *art.statements):
            by_event.setdefault(event, []).append((art.id, stmt))
    out = []
    for members in by_event.values():
        for x, (art_a, a) in enumerate(members):
            for art_b, b in members[x + 1 :]:
                if art_a != art_b and agreement(a.content, b.content) == "disagree":
                    out.append(((art_a, a.text), (art_b, b.text)))
    return out


def baseline_speaker(claim: GoldClaim, art: AnnotatedArticle) -> str | None:
    """The nearest PER/ORG mention before the gold clause in its sentence, else None."""
    from khabar.arabic.sentences import split_sentences

    in_title = claim.where == "title"
    text = (art.article.title or "") if in_title else art.article.text
    at = text.find(claim.clause)
    if at < 0:
        at = 0
    start = 0
    if not in_title:
        for s, e in split_sentences(text):
            if s <= at < e:
                start = s
    before = [
        m
        for m in art.mentions
        if m.in_title == in_title and m.type in ("PER", "ORG") and start <= m.start and m.end <= at
    ]
    return max(before, key=lambda m: m.end).text if before else None


@dataclass(frozen=True)
class Scores:
    speaker_all: float
    speaker_found: float
    stance_all: float
    stance_found: float
    found: int
    claims: int
    clause_f1: float
    mid_phrase: int
    base_speaker: float
    base_stance: float
    contra: tuple[int, int, int, int]
    base_contra: tuple[int, int, int, int]
    certainty: int


def score(gold: GoldSet, records: Sequence[Mapping[str, Any]], show: bool = False) -> Scores:
    """Run khabar on the split's articles and score it and the baselines."""
    run = run_khabar(records)
    by_id = {a.id: a for a in run.annotated}
    titles = {a.id: a.article.title or "" for a in run.annotated}
    majority = max(
        {c.stance for c in gold.claims}, key=lambda s: sum(c.stance == s for c in gold.claims)
    )
    sp = st = found = mid = base_sp = base_st = 0
    f1s: list[float] = []
    for claim in gold.claims:
        stmt = _match(claim, run, by_id)
        base = baseline_speaker(claim, by_id[claim.doc])
        base_sp += speaker_right(claim, base)
        base_st += claim.stance == majority
        if stmt is None:
            if show:
                print(f"MISS {claim.id} [{claim.speaker}|{claim.stance}] {claim.clause[:70]}")
            continue
        found += 1
        ok_sp = speaker_right(claim, stmt.speaker)
        ok_st = _stance(stmt.stance) == claim.stance
        sp += ok_sp
        st += ok_st
        f1s.append(_f1(claim.clause, stmt.content))
        mid += _tokens(stmt.content)[:1] in ([w] for w in MID_PHRASE)
        if show:
            mark = ("S" if ok_sp else "s") + ("T" if ok_st else "t")
            print(
                f"{mark} {claim.id} gold [{claim.speaker}|{claim.stance}] "
                f"got [{stmt.speaker}|{stmt.stance}] {stmt.content[:70]}"
            )
    contradictions = [c for c in run.contradictions if c.kind != "certainty"]
    predicted = [tuple((s.article, s.quote) for s in c.sides) for c in contradictions]
    if show:
        for c in contradictions:
            print("CONTRA", c.kind, c.detail[:160])
    n = len(gold.claims)
    return Scores(
        speaker_all=sp / n,
        speaker_found=sp / found if found else 0.0,
        stance_all=st / n,
        stance_found=st / found if found else 0.0,
        found=found,
        claims=n,
        clause_f1=sum(f1s) / len(f1s) if f1s else 0.0,
        mid_phrase=mid,
        base_speaker=base_sp / n,
        base_stance=base_st / n,
        contra=contradiction_scores(predicted, gold, titles),
        base_contra=contradiction_scores(baseline_contradictions(run), gold, titles),
        certainty=sum(c.kind == "certainty" for c in run.contradictions),
    )


def load_records(gold: GoldSet) -> list[dict[str, Any]]:
    """The split's ANT records, in the label file's order."""
    records = {
        r["docno"]: r for r in ant_devset.load_ant(ant_devset.default_root(), days=set(gold.days))
    }
    missing = [d for d in gold.docs if d not in records]
    if missing:
        raise SystemExit(f"articles not in the corpus: {missing}")
    return [records[d] for d in gold.docs]


def check(gold: GoldSet, records: Sequence[Mapping[str, Any]]) -> list[str]:
    """Clauses not found (whitespace aside) in their title or lead."""
    by_doc = {r["docno"]: lead_article(r) for r in records}
    bad = []
    for claim in gold.claims:
        art = by_doc[claim.doc]
        text = (art.title or "") if claim.where == "title" else art.text
        if " ".join(claim.clause.split()) not in " ".join(text.split()):
            bad.append(claim.id)
    return bad


PILE_CACHE = Path("/tmp/khabar-claims-pile")
"""Where the annotated pile (articles, entities, events) is kept between runs, so that a change
of the claims stage is compared on the same input (the other stages change under other hands)."""


def _annotated_pile(days: Sequence[str]) -> tuple[Any, ...]:
    """Whole ANT articles of ``days`` annotated, with entities, events and stories (cached)."""
    cache = PILE_CACHE / f"{'_'.join(days)}.pickle"
    if cache.exists():
        return tuple(pickle.loads(cache.read_bytes()))
    from khabar.annotate import Annotator
    from khabar.config import Config
    from khabar.entities import resolve_entities
    from khabar.events import build_events

    if set(days) & ant_devset.RESERVED_DAYS:
        raise SystemExit("reserved days are never read closely (../shared/EVENTS.md)")
    config = Config()
    annotator = Annotator(config)
    records = ant_devset.load_ant(ant_devset.default_root(), days=set(days))
    annotated, entities = resolve_entities(
        [annotator(ant_devset.to_khabar_article(r)) for r in records], config.entities
    )
    events, stories = build_events(annotated, entities, config.events)
    PILE_CACHE.mkdir(parents=True, exist_ok=True)
    cache.write_bytes(pickle.dumps((annotated, entities, events, stories)))
    return (annotated, entities, events, stories)


def pile(days: Sequence[str]) -> int:
    """Print every contradiction khabar reports on the whole articles of ``days``, numbered,
    with its sides, for reading; certainty differences are listed apart."""
    from khabar.claims import analyze_claims
    from khabar.config import Config

    annotated, entities, events, stories = _annotated_pile(days)
    result = analyze_claims(annotated, events, stories, entities, Config().claims)
    outlet = {a.id: a.article.outlet for a in annotated}
    contras = [c for c in result.contradictions if c.kind != "certainty"]
    certain = [c for c in result.contradictions if c.kind == "certainty"]
    print(
        f"{len(annotated)} articles, {len(result.claims)} claims, {len(contras)} contradictions, "
        f"{len(certain)} certainty differences"
    )
    for n, c in enumerate([*contras, *certain], 1):
        print(f"\n#{n} [{c.kind}] {c.detail}")
        for s in c.sides:
            print(
                f"   {s.article} ({outlet.get(s.article)}) {s.stance}: {' '.join(s.quote.split())}"
            )
    return 0


def _pr(values: tuple[int, int, int, int]) -> str:
    right, predicted, hit, issues = values
    p = right / predicted if predicted else 0.0
    r = hit / issues if issues else 0.0
    return f"P {p:.2f} ({right}/{predicted}) R {r:.2f} ({hit}/{issues})"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=sorted([*SPLITS, *HALVES]), action="append")
    parser.add_argument("--show", choices=sorted([*SPLITS, *HALVES]))
    parser.add_argument("--check", action="store_true")
    parser.add_argument("--pile", metavar="DAYS", help="comma-separated UTC days of ANT")
    args = parser.parse_args(argv)
    if args.pile:
        return pile(args.pile.split(","))
    present = [name for name, path in SPLITS.items() if path.exists()]
    splits = [args.show] if args.show else (args.split or present)
    for name in splits:
        gold = load_split(name)
        records = load_records(gold)
        bad = check(gold, records)
        if bad:
            print(f"{name}: clauses not in their text: {bad}")
            return 1
        if args.check:
            print(f"{name}: {len(gold.claims)} clauses found in their texts")
            continue
        s = score(gold, records, show=bool(args.show))
        print(f"== {name}: {len(gold.docs)} articles, {s.claims} claims, {len(gold.issues)} issues")
        contra = f"khabar    contradictions {_pr(s.contra)}  certainty differences {s.certainty}"
        base = (
            f"baseline  contradictions {_pr(s.base_contra)} (agreement()=='disagree' in an event)"
        )
        if not gold.contradictions_only:
            print(
                f"khabar    speaker {s.speaker_all:.3f} (found {s.speaker_found:.3f}, "
                f"{s.found}/{s.claims} claims found)  stance {s.stance_all:.3f} "
                f"(found {s.stance_found:.3f})  clause F1 {s.clause_f1:.3f}  "
                f"mid-phrase starts {s.mid_phrase}"
            )
            print(
                f"baseline  speaker {s.base_speaker:.3f} (nearest PER/ORG before the clause)  "
                f"stance {s.base_stance:.3f} (majority)"
            )
        print(contra)
        print(base)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
