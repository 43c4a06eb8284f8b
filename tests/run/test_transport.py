"""Model objects sent over the pool's pipes come back equal, their tokens' forms shared."""

from __future__ import annotations

import pickle
from multiprocessing.reduction import ForkingPickler

from khabar.config import Config
from khabar.model import AnnotatedArticle, Page, Tokens
from khabar.run import PageWorker
from khabar.run.transport import rebuild, rebuild_tokens

BODY = (
    "قال وزير الخارجية اليوم إن المفاوضات ستستأنف الأسبوع المقبل في العاصمة بعد أشهر من "
    "التوقف، وأضاف أن الوفد سيضم خبراء في القانون الدولي."
)


def _page(n: int) -> Page:
    text = f"{BODY} الجولة {n}."
    return Page(
        f"feed.jsonl#{n}",
        text.encode("utf-8"),
        text,
        "utf-8",
        "record",
        title_hint=f"استئناف المفاوضات {n}",
        published_hint="2019-03-05",
    )


def _over_the_pipe(value: object) -> object:
    return pickle.loads(ForkingPickler.dumps(value))


def test_annotated_articles_come_back_equal_through_the_pools_pickler() -> None:
    results = PageWorker(Config())([_page(1), _page(2)])
    assert all(isinstance(r, AnnotatedArticle) for r in results)
    back = _over_the_pipe(results)
    assert back == results and back is not results
    assert ForkingPickler.dumps(results) != pickle.dumps(results)  # the pool's own reduction


def test_tokens_sent_apart_share_one_string_per_word() -> None:
    first = Tokens(b"", b"", ("".join(["و", "زير"]),), ("".join(["و", "زير"]),))
    second = Tokens(b"", b"", ("".join(["وز", "ير"]),), ("".join(["وز", "ير"]),))
    assert first.norms[0] is not second.norms[0]  # made apart: two objects
    a, b = _over_the_pipe(first), _over_the_pipe(second)
    assert a == first and b == second
    assert a.norms[0] is b.norms[0] is a.stems[0]  # type: ignore[attr-defined]


def test_rebuild_sets_every_field_of_a_frozen_class() -> None:
    tokens = rebuild(Tokens, (b"\x00" * 4, b"\x01\x00\x00\x00", ("a",), ("a",)))
    assert tokens == Tokens(b"\x00" * 4, b"\x01\x00\x00\x00", ("a",), ("a",))
    assert rebuild_tokens(b"", b"", (), ()) == Tokens()
