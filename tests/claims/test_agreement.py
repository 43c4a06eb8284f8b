"""Agreement between two reports: agree, disagree, unrelated.

``agreement`` is the stance model learned from ANS pairs; ``rule_agreement`` the earlier rule,
calibrated on headlines that different outlets wrote independently (ANT pairs).
"""

from __future__ import annotations

import json
import sys
import tarfile
from pathlib import Path

import pytest

from khabar.claims import agreement
from khabar.claims.agreement import (
    StanceModel,
    numbers_conflict,
    pair_features,
    place_conflict,
    places,
    rule_agreement,
    stance_model,
)
from khabar.errors import ModelError

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))

import agreement_corpus  # noqa: E402  (needs sys.path above)
import train_stance  # noqa: E402

RULE_MACRO_F1_FLOOR = 0.77
"""Pinned floor of ``rule_agreement``'s macro-F1 on tests/quality/data/agreement_pairs.tsv
(measured 0.809 when it was ``agreement``)."""

ANS_DEV_MACRO_F1_FLOOR = 0.80
"""Pinned floor of ``agreement``'s macro-F1 on the ANS dev split (measured 0.816; mBERT, the
goal, is 0.767 on the test split, which the project never opens)."""

FUEL = "الحكومة المصرية ترفع أسعار الوقود اعتبارا من الشهر المقبل"
BLAST = "مقتل 12 شخصا في انفجار سيارة مفخخة شمال بغداد"
STRIKE = "اتفاق بين الحكومة والنقابات ينهي الإضراب في قطاع النقل"


@pytest.mark.parametrize(
    ("b", "expected"),
    [
        (FUEL, "agree"),
        ("مصر: رفع أسعار الوقود الشهر المقبل", "agree"),
        ("الحكومة المصرية لن ترفع أسعار الوقود الشهر المقبل", "disagree"),
        ("الحكومة المصرية تخفض أسعار الوقود اعتبارا من الشهر المقبل", "disagree"),
        ("المنتخب البرازيلي يفوز على نظيره الألماني في مباراة ودية", "unrelated"),
    ],
)
def test_model_reads_negation_and_opposites_against_a_fuel_headline(b: str, expected: str) -> None:
    assert agreement(FUEL, b) == expected
    assert agreement(b, FUEL) == expected


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        (BLAST, "انفجار سيارة مفخخة شمال بغداد يقتل 12 شخصا", "agree"),
        (BLAST, "مقتل 40 شخصا في انفجار سيارة مفخخة شمال بغداد", "disagree"),
        (
            "وزير الخارجية الفرنسي يزور الجزائر الأسبوع المقبل",
            "وزير الخارجية الفرنسي يزور المغرب الأسبوع المقبل",
            "disagree",
        ),
        ("الشركة تنفي تسريح ألف موظف من مصانعها", "الشركة تسرح ألف موظف من مصانعها", "disagree"),
        (STRIKE, "الحكومة والنقابات تتوصل إلى اتفاق لإنهاء إضراب النقل", "agree"),
        (
            STRIKE,
            "استمرار الإضراب في قطاع النقل بعد فشل المفاوضات بين الحكومة والنقابات",
            "disagree",
        ),
    ],
)
def test_model_sees_what_replaced_what(a: str, b: str, expected: str) -> None:
    assert agreement(a, b) == expected


@pytest.mark.parametrize(("a", "b"), [("", ""), ("", BLAST), ("؟؟؟", "..."), ("لا", "لم")])
def test_a_report_without_content_words_is_unrelated_to_anything(a: str, b: str) -> None:
    assert agreement(a, b) == agreement(b, a) == "unrelated"


def test_pair_features_name_the_change_between_two_reports() -> None:
    negated = pair_features(FUEL, "الحكومة المصرية لن ترفع أسعار الوقود الشهر المقبل")
    assert negated.dense["negation_one_side"] == 1.0
    assert negated.dense["negates_shared_word"] == 1.0
    recount = pair_features(BLAST, "مقتل 40 شخصا في انفجار سيارة مفخخة شمال بغداد")
    assert recount.dense["figures_disjoint"] == 1.0
    assert recount.dense["single_substitution"] == 1.0
    assert any(k.startswith("replaced:") for k in recount.lexical)
    same = pair_features(FUEL, FUEL)
    assert same.dense["shared_cosine"] == pytest.approx(1.0)
    assert same.dense["unshared_max"] == 0.0
    assert not same.lexical


def test_stance_model_round_trips_through_json() -> None:
    model = stance_model()
    again = StanceModel.from_json(json.loads(json.dumps(model.to_json())))
    features = pair_features(FUEL, "الحكومة المصرية تخفض أسعار الوقود")
    assert again.predict(features) == model.predict(features)
    assert again.stance.probability(features.dense, features.lexical) == pytest.approx(
        model.stance.probability(features.dense, features.lexical)
    )


@pytest.mark.parametrize(
    "data",
    [{}, {"related": {"intercept": 0.0}}, {"related": [], "stance": 3}, "not a model"],
)
def test_a_malformed_stance_model_is_a_model_error_naming_the_file(data: object) -> None:
    with pytest.raises(ModelError, match=r"broken\.json.*train_stance"):
        StanceModel.from_json(data, "broken.json")


def test_training_on_a_few_pairs_gives_a_model_that_separates_them() -> None:
    pairs = [
        train_stance.Pair(FUEL, "مصر: رفع أسعار الوقود الشهر المقبل", "agree"),
        train_stance.Pair(FUEL, "الحكومة المصرية تخفض أسعار الوقود", "disagree"),
        train_stance.Pair(BLAST, "انفجار سيارة مفخخة شمال بغداد يقتل 12 شخصا", "agree"),
        train_stance.Pair(BLAST, "مقتل 40 شخصا في انفجار شمال بغداد", "disagree"),
        train_stance.Pair(FUEL, "المنتخب البرازيلي يفوز على نظيره الألماني", "unrelated"),
        train_stance.Pair(BLAST, "ارتفاع أسعار الذهب في الأسواق العالمية", "unrelated"),
    ]
    model = train_stance.fit(pairs, train_stance.featurize(pairs))
    scored = train_stance.scores(
        [p.label for p in pairs], [model.predict(pair_features(p.first, p.second)) for p in pairs]
    )
    assert scored["accuracy"] == 1.0


def test_ans_dev_macro_f1_stays_above_floor(shared_dir: Path) -> None:
    ans = shared_dir / "data" / "stance" / "ans"
    if not (ans / "dev.csv").exists():
        pytest.skip(f"{ans / 'dev.csv'} is absent")
    dev = train_stance.read_pairs(ans / "dev.csv")
    predicted = [agreement(p.first, p.second) for p in dev]
    scored = train_stance.scores([p.label for p in dev], predicted)
    assert scored["macro_f1"] >= ANS_DEV_MACRO_F1_FLOOR


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        (
            "حفتر يعلن سيطرته على مدينة درنة",
            "ليبيا: المشير خليفة حفتر يعلن سيطرة قواته على درنة",
            "agree",
        ),
        (
            "مجلس الأمن يفرض حظراً للأسلحة على جنوب السودان",
            "مجلس الأمن يفرض حظر تسليح على جنوب السودان",
            "agree",
        ),
        (
            "كوريا الشمالية تزود سوريا بمواد لإنتاج أسلحة كيماوية",
            "كوريا الشمالية: لا علاقة لنا بالأسلحة الكيماوية في سوريا",
            "disagree",
        ),
        (
            "الحرس الثوري الإيراني ينفي تزويد الحوثيين بالصواريخ",
            "التحالف يعرض أدلة على تزويد إيران الحوثيين بالصواريخ",
            "disagree",
        ),
        (
            "مقتل 48 مهاجرا غرقا قبالة سواحل تونس",
            "مقتل 35 مهاجرا غرقا قبالة سواحل تونس",
            "disagree",
        ),
        (
            "غرق 9 مهاجرين في المتوسط قبالة سواحل تركيا",
            "انتشال 11 جثة قبالة سواحل تونس",
            "unrelated",
        ),
        (
            "ارتفاع أسعار النفط في الأسواق العالمية",
            "المنتخب المغربي يفوز على نظيره الإيراني",
            "unrelated",
        ),
    ],
)
def test_rule_agreement_on_headline_pairs(a: str, b: str, expected: str) -> None:
    assert rule_agreement(a, b) == expected


def test_rule_agreement_is_symmetric_on_a_denial() -> None:
    a = "روسيا تنفي تورطها بتسميم الجاسوس في بريطانيا"
    b = "رئيسة وزراء بريطانيا ترجح أن تكون روسيا وراء تسميم الجاسوس"
    assert rule_agreement(a, b) == rule_agreement(b, a) == "disagree"


def test_lower_bounds_are_compatible_with_larger_counts() -> None:
    assert not numbers_conflict(
        "أكثر من 200 قتيل في هجمات السويداء", "حصيلة هجمات السويداء تتخطى 220 قتيلا"
    )
    assert numbers_conflict("11 قتيلا في قصف على عفرين", "أكثر من 40 قتيلا في قصف على عفرين")


def test_amounts_in_different_currencies_are_not_compared() -> None:
    assert not numbers_conflict("غرامة 4.3 مليار يورو على غوغل", "تغريم غوغل 5 مليارات دولار")


def test_capitals_stand_for_their_country() -> None:
    assert places("واشنطن تحذر طهران") == places("الولايات المتحدة تحذر إيران")
    assert not place_conflict("الكرملين يرد على لندن", "روسيا ترد على بريطانيا")
    assert place_conflict("انفجار في كابول", "انفجار في التشيك")


@pytest.mark.slow
def test_rule_agreement_macro_f1_on_ant_pairs_stays_above_floor(
    shared_dir: Path, tmp_path: Path
) -> None:
    with tarfile.open(shared_dir / "data" / "ant" / "ant-multisource-v2.1.tar.xz") as tar:
        tar.extractall(tmp_path, filter="data")
    docs = agreement_corpus.read_ant(str(tmp_path))
    gold: list[str] = []
    predicted: list[str] = []
    for line in agreement_corpus.PAIRS_FILE.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        a, b, label = line.split("\t")
        gold.append(label)
        predicted.append(rule_agreement(docs[a]["TITLE"], docs[b]["TITLE"]))
    assert train_stance.scores(gold, predicted)["macro_f1"] >= RULE_MACRO_F1_FLOOR
