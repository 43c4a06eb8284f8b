"""Hand-computed cases for the clustering metrics; the ANT dev set and its reader."""

from __future__ import annotations

import importlib.util
import re
import sys
from collections import Counter
from datetime import UTC, datetime
from fractions import Fraction
from pathlib import Path
from types import ModuleType

import pytest
from hypothesis import given
from hypothesis import strategies as st

from khabar.events.metrics import bcubed, evaluate, f1, pairwise


def _labels(clusters: list[list[str]], prefix: str = "c") -> dict[str, str]:
    """Turn a list of clusters of item ids into an item → cluster-id mapping."""
    return {item: f"{prefix}{i}" for i, members in enumerate(clusters) for item in members}


def _f1(p: Fraction, r: Fraction) -> float:
    return float(2 * p * r / (p + r))


# Manning, Raghavan & Schütze, "Introduction to Information Retrieval", fig. 16.4: three
# clusters of 17 items from classes x (8), o (5) and d (4).
IIR_PRED = _labels(
    [
        ["x1", "x2", "x3", "x4", "x5", "o1"],
        ["x6", "o2", "o3", "o4", "o5", "d1"],
        ["x7", "x8", "d2", "d3", "d4"],
    ]
)
IIR_GOLD = {item: item[0] for item in IIR_PRED}


def test_all_singletons_have_perfect_bcubed_precision_and_recall_one_over_cluster_size() -> None:
    gold = _labels([["a", "b", "c", "d"], ["e"]])
    pred = _labels([["a"], ["b"], ["c"], ["d"], ["e"]])
    p, r, f = bcubed(pred, gold)
    assert p == pytest.approx(1.0)
    # four items recall 1/4 each, one item recall 1: (4 * 1/4 + 1) / 5
    assert r == pytest.approx(2 / 5)
    assert f == pytest.approx(2 * 1.0 * 0.4 / 1.4)


def test_all_singletons_have_no_predicted_pairs_so_pairwise_f1_is_zero() -> None:
    gold = _labels([["a", "b", "c"], ["d"]])
    pred = _labels([["a"], ["b"], ["c"], ["d"]])
    p, r, f = pairwise(pred, gold)
    assert (p, r, f) == (1.0, 0.0, 0.0)


def test_one_big_cluster_has_perfect_recall_and_precision_from_cluster_shares() -> None:
    gold = _labels([["a", "b", "c"], ["d"]])
    pred = {item: "all" for item in gold}
    p, r, f = bcubed(pred, gold)
    assert f == pytest.approx(2 * 0.625 / 1.625)
    # three items see 3/4 of their cluster right, one sees 1/4: (3 * 3/4 + 1/4) / 4
    assert p == pytest.approx(10 / 16)
    assert r == pytest.approx(1.0)
    pp, pr, pf = pairwise(pred, gold)
    # 6 predicted links, 3 of them gold
    assert (pp, pr) == (pytest.approx(0.5), pytest.approx(1.0))
    assert pf == pytest.approx(2 / 3)


def test_identical_clusterings_score_one_whatever_the_label_names() -> None:
    gold = _labels([["a", "b"], ["c", "d", "e"], ["f"]], prefix="gold-")
    pred = _labels([["c", "d", "e"], ["f"], ["a", "b"]], prefix="pred-")
    assert bcubed(pred, gold) == pytest.approx((1.0, 1.0, 1.0))
    assert pairwise(pred, gold) == pytest.approx((1.0, 1.0, 1.0))


def test_textbook_example_pairwise_matches_manning_counts() -> None:
    # IIR section 16.3 gives TP = 20, FP = 20, FN = 24 for this clustering.
    p, r, f = pairwise(IIR_PRED, IIR_GOLD)
    assert p == pytest.approx(20 / 40)
    assert r == pytest.approx(20 / 44)
    assert f == pytest.approx(_f1(Fraction(20, 40), Fraction(20, 44)))


def test_textbook_example_bcubed_matches_hand_computation() -> None:
    # precision per item: 5 x 5/6, 1/6, 1/6, 4 x 4/6, 1/6, 2 x 2/5, 3 x 3/5
    precision = (Fraction(25 + 1 + 1 + 16 + 1, 6) + Fraction(4 + 9, 5)) / 17
    # recall per item: x: 5 x 5/8, 1/8, 2 x 2/8; o: 1/5, 4 x 4/5; d: 1/4, 3 x 3/4
    recall = (Fraction(25 + 1 + 4, 8) + Fraction(1 + 16, 5) + Fraction(1 + 9, 4)) / 17
    p, r, f = bcubed(IIR_PRED, IIR_GOLD)
    assert p == pytest.approx(float(precision))
    assert r == pytest.approx(float(recall))
    assert f == pytest.approx(_f1(precision, recall))


def test_items_missing_from_prediction_count_as_singletons() -> None:
    gold = _labels([["a", "b"], ["c"]])
    assert bcubed({"a": "1"}, gold) == bcubed(_labels([["a"], ["b"], ["c"]]), gold)
    assert pairwise({}, gold) == (1.0, 0.0, 0.0)


def test_predicted_items_absent_from_gold_are_ignored() -> None:
    gold = _labels([["a", "b"], ["c"]])
    pred = {"a": "1", "b": "1", "c": "2", "z": "1", "y": "2"}
    assert bcubed(pred, gold) == pytest.approx((1.0, 1.0, 1.0))
    assert pairwise(pred, gold) == pytest.approx((1.0, 1.0, 1.0))


def test_pairwise_without_gold_pairs_is_one_only_when_prediction_has_none() -> None:
    gold = _labels([["a"], ["b"], ["c"]])
    assert pairwise(_labels([["a"], ["b"], ["c"]]), gold) == (1.0, 1.0, 1.0)
    assert pairwise(_labels([["a", "b"], ["c"]]), gold) == (0.0, 1.0, 0.0)


def test_empty_gold_scores_one() -> None:
    assert bcubed({"a": "1"}, {}) == (1.0, 1.0, 1.0)
    assert pairwise({"a": "1"}, {}) == (1.0, 1.0, 1.0)


def test_f1_of_zero_precision_and_recall_is_zero() -> None:
    assert f1(0.0, 0.0) == 0.0
    assert f1(0.5, 1.0) == pytest.approx(2 / 3)


def test_evaluate_gathers_both_metrics_and_counts() -> None:
    scores = evaluate(IIR_PRED, IIR_GOLD)
    assert (scores.bcubed_precision, scores.bcubed_recall, scores.bcubed_f1) == bcubed(
        IIR_PRED, IIR_GOLD
    )
    assert scores.pairwise_f1 == pairwise(IIR_PRED, IIR_GOLD)[2]
    assert (scores.n_items, scores.n_gold_clusters, scores.n_pred_clusters) == (17, 3, 3)


@given(
    st.dictionaries(
        st.text(min_size=1, max_size=3), st.sampled_from("abcd"), min_size=1, max_size=25
    ),
    st.lists(st.sampled_from("wxyz"), min_size=25, max_size=25),
)
def test_scores_stay_in_unit_interval_and_perfect_on_self(
    gold: dict[str, str], pred_labels: list[str]
) -> None:
    pred = dict(zip(gold, pred_labels, strict=False))
    for metric in (bcubed, pairwise):
        assert all(0.0 <= v <= 1.0 + 1e-12 for v in metric(pred, gold))
        assert metric(gold, gold) == pytest.approx((1.0, 1.0, 1.0))


# --- the ANT development set and its reader (scripts/ant_devset.py) ---------------------------

DEVSET_TSV = Path(__file__).resolve().parents[1] / "quality" / "data" / "ant_events_dev.tsv"
LABEL_PATTERN = re.compile(r"^\d{4}-\d{2}-\d{2}-[a-z0-9]+(?:-[a-z0-9]+)*$")
DOCNO_PATTERN = re.compile(r"^(AL|BB|CN|FR|SK)-(middleEast|internationalNews)-\d+-\d{8}$")

SAMPLE_DOC = (
    "<DOC>\n<DOCNO>AL-internationalNews-7-20180219</DOCNO>\n<URL>http://x/1</URL>\n"
    "<SRC>alarabia</SRC>\n<CAT>internationalNews</CAT>\n<TITLE>عنوان &amp; خبر</TITLE>\n"
    "<TIME>Mon, 19 Feb 2018 02:16:11 +0400</TIME>\n<AUTHOR></AUTHOR>\n"
    "<ABSTRACT>\nملخص\n</ABSTRACT>\n"
    "<TEXT>\nنص الخبر الأول.\nوالفقرة الثانية.\n</TEXT>\n</DOC>\n"
)


@pytest.fixture(scope="module")
def devset_module() -> ModuleType:
    """scripts/ant_devset.py imported as a module."""
    path = Path(__file__).resolve().parents[2] / "scripts" / "ant_devset.py"
    spec = importlib.util.spec_from_file_location("ant_devset", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["ant_devset"] = module
    spec.loader.exec_module(module)
    return module


def test_dev_set_rows_have_wellformed_docnos_and_dated_slug_labels(
    devset_module: ModuleType,
) -> None:
    labels = devset_module.load_devset(DEVSET_TSV)
    assert len(labels) >= 150
    assert all(DOCNO_PATTERN.match(docno) for docno in labels)
    assert all(LABEL_PATTERN.match(label) for label in labels.values())
    sizes = Counter(labels.values())
    assert sum(1 for n in sizes.values() if n > 1) >= 20  # a realistic share of shared events
    assert sum(1 for n in sizes.values() if n == 1) >= 50  # and of singletons


def test_dev_set_has_no_article_text(devset_module: ModuleType) -> None:
    header, *rows = DEVSET_TSV.read_text(encoding="utf-8").splitlines()
    assert header.split("\t") == ["docno", "event", "note"]
    assert all(len(row.split("\t")) == 3 for row in rows)
    assert max(len(row.split("\t")[2]) for row in rows) < 120


def test_load_devset_rejects_a_docno_labelled_twice(
    devset_module: ModuleType, tmp_path: Path
) -> None:
    tsv = tmp_path / "dev.tsv"
    tsv.write_text("docno\tevent\tnote\nA-1\te1\t\nA-1\te2\t\n", encoding="utf-8")
    with pytest.raises(ValueError, match="twice"):
        devset_module.load_devset(tsv)


def test_parse_documents_reads_fields_and_converts_time_to_utc(devset_module: ModuleType) -> None:
    (article,) = devset_module.parse_documents(SAMPLE_DOC)
    assert article["docno"] == "AL-internationalNews-7-20180219"
    assert article["title"] == "عنوان & خبر"
    assert article["text"] == "نص الخبر الأول.\nوالفقرة الثانية."
    assert article["published"] == datetime(2018, 2, 18, 22, 16, 11, tzinfo=UTC)
    assert devset_module.day_of(article) == "2018-02-18"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1256"])
def test_decode_bytes_recovers_arabic_in_common_encodings(
    devset_module: ModuleType, encoding: str
) -> None:
    assert devset_module.decode_bytes(SAMPLE_DOC.encode(encoding)) == SAMPLE_DOC


def test_load_ant_reads_an_extracted_folder_filtered_by_category_and_day(
    devset_module: ModuleType, tmp_path: Path
) -> None:
    folder = tmp_path / "Alarabia" / "internationalNews"
    folder.mkdir(parents=True)
    (folder / "a.txt").write_bytes(SAMPLE_DOC.encode("cp1256"))
    other = SAMPLE_DOC.replace("-7-", "-8-").replace("Mon, 19 Feb", "Tue, 20 Feb")
    (folder / "b.txt").write_text(other, encoding="utf-8")
    sport = tmp_path / "Alarabia" / "sport"
    sport.mkdir()
    (sport / "c.txt").write_text(SAMPLE_DOC.replace("internationalNews", "sport"), "utf-8")
    assert [a["docno"] for a in devset_module.load_ant(tmp_path)] == [
        "AL-internationalNews-7-20180219",
        "AL-internationalNews-8-20180219",
    ]
    # 02:16 at +0400 on 20 February is still 19 February in UTC
    only = devset_module.load_ant(tmp_path, days={"2018-02-19"})
    assert [a["docno"] for a in only] == ["AL-internationalNews-8-20180219"]


@pytest.mark.slow
def test_every_article_of_the_labelled_days_is_labelled(
    devset_module: ModuleType, shared_dir: Path
) -> None:
    gold = devset_module.load_devset(DEVSET_TSV)
    articles = devset_module.load_ant(shared_dir / "data" / "ant")
    days = devset_module.devset_days(gold, articles)
    present = {a["docno"] for a in articles if devset_module.day_of(a) in days}
    assert present == set(gold)
    scores = devset_module.baseline_scores([a for a in articles if a["docno"] in gold], gold)
    assert scores["singletons"].bcubed_precision == 1.0
    assert scores["singletons"].pairwise_f1 == 0.0


def test_ant_article_becomes_a_khabar_article_keyed_by_docno(devset_module: ModuleType) -> None:
    (parsed,) = devset_module.parse_documents(SAMPLE_DOC)
    article = devset_module.to_khabar_article(parsed)
    assert article.id == "AL-internationalNews-7-20180219"
    assert article.paragraphs == ("نص الخبر الأول.", "والفقرة الثانية.")
    assert article.published == datetime(2018, 2, 18, tzinfo=UTC).date()
    assert (article.outlet, article.language) == ("alarabia", "ar")
