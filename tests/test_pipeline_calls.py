"""One analysis per article (issue 16): over a whole ``analyze`` run, each article's text is split
into sentences once, tokenised once (body and title) and searched for time expressions once
(body and title); every later stage reads the annotator's results. (An event's own title, a
headline respaced or without its label, is the one other text the summaries tokenise.)

The example pages make no story whose chronology looks for dated falls of rulers
(``khabar.events.chronology``), which still searches those sentences for dates itself."""

from __future__ import annotations

import importlib
import sys
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

import khabar.pipeline
from khabar.model import AnnotatedArticle, Dossier, Tokens

COUNTED = {
    "split_sentences": importlib.import_module("khabar.arabic.sentences"),
    "tokenize": importlib.import_module("khabar.arabic.tokenize"),
    "find_times": importlib.import_module("khabar.time.extract"),
}
"""The counted functions and the modules that define them."""


class Calls:
    """Counts the calls of the counted functions, by function and calling place."""

    def __init__(self) -> None:
        self.by_site: Counter[tuple[str, str]] = Counter()
        self.by_text: Counter[tuple[str, str]] = Counter()

    def wrap(self, name: str, fn: Callable[..., Any]) -> Callable[..., Any]:
        """``fn``, counting its calls under ``name`` and the caller's file and function."""

        def counted(*args: Any, **kwargs: Any) -> Any:
            caller = sys._getframe(1).f_code
            site = f"{Path(caller.co_filename).name}:{caller.co_name}"
            self.by_site[name, site] += 1
            if args and isinstance(args[0], str):
                self.by_text[name, args[0]] += 1
            return fn(*args, **kwargs)

        return counted

    def total(self, name: str) -> int:
        """Calls of ``name`` from anywhere."""
        return sum(n for (f, _), n in self.by_site.items() if f == name)

    def sites(self, name: str) -> dict[str, int]:
        """Calls of ``name`` by calling place (for the failure message)."""
        return {site: n for (f, site), n in self.by_site.items() if f == name}


@pytest.fixture(scope="module")
def counted_run(examples_dir: Path) -> Iterator[tuple[Dossier, Calls]]:
    """``analyze`` over the example pages with the counted functions wrapped wherever a khabar
    module holds them."""
    calls = Calls()
    patch = pytest.MonkeyPatch()
    for name, module in COUNTED.items():
        original = getattr(module, name)
        wrapper = calls.wrap(name, original)
        for mod_name, mod in list(sys.modules.items()):
            if mod_name.startswith("khabar") and getattr(mod, name, None) is original:
                patch.setattr(mod, name, wrapper)
    try:
        dossier = khabar.pipeline.analyze([examples_dir])
        yield dossier, calls
    finally:
        patch.undo()


def _titled(dossier: Dossier) -> int:
    return sum(1 for a in dossier.articles if a.article.title)


def _on_event_titles(dossier: Dossier, calls: Calls, name: str) -> int:
    """Calls of ``name`` on an event's own title (an event-level text no article holds: a
    headline respaced or without its label)."""
    titles = {e.title for e in dossier.events} - {a.article.title for a in dossier.articles}
    return sum(calls.by_text[name, t] for t in titles)


def test_the_run_analyses_articles(counted_run: tuple[Dossier, Calls]) -> None:
    dossier, _ = counted_run
    assert len(dossier.articles) >= 5 and dossier.events


def test_each_body_is_split_into_sentences_once(counted_run: tuple[Dossier, Calls]) -> None:
    dossier, calls = counted_run
    assert calls.total("split_sentences") == len(dossier.articles), calls.sites("split_sentences")


def test_each_body_and_title_is_tokenised_once(counted_run: tuple[Dossier, Calls]) -> None:
    dossier, calls = counted_run
    expected = (
        len(dossier.articles) + _titled(dossier) + _on_event_titles(dossier, calls, "tokenize")
    )
    assert calls.total("tokenize") == expected, calls.sites("tokenize")


def test_each_body_and_title_is_searched_for_times_once(
    counted_run: tuple[Dossier, Calls],
) -> None:
    dossier, calls = counted_run
    expected = len(dossier.articles) + _titled(dossier)
    assert calls.total("find_times") == expected, calls.sites("find_times")


def test_the_annotator_and_the_summaries_call_each_once_per_text(
    counted_run: tuple[Dossier, Calls],
) -> None:
    dossier, calls = counted_run
    n, titled = len(dossier.articles), _titled(dossier)
    assert calls.sites("split_sentences").get("annotate.py:__call__") == n
    assert calls.sites("tokenize").get("annotate.py:__call__") == n + titled
    assert calls.sites("find_times").get("extract.py:extract_times") == n + titled
    for name in COUNTED:
        sites = calls.sites(name)
        assert not any(site.startswith(("select.py", "dating.py")) for site in sites), sites
    titles = calls.sites("tokenize").get("terms.py:terms_of", 0)
    assert titles == _on_event_titles(dossier, calls, "tokenize")


def test_the_analysis_is_what_the_text_gives(counted_run: tuple[Dossier, Calls]) -> None:
    dossier, _ = counted_run
    for annotated in dossier.articles:
        assert annotated.analysis is not None
        text, title = annotated.article.text, annotated.article.title or ""
        bare = AnnotatedArticle(annotated.article, times=annotated.times)
        assert annotated.sentences == bare.sentences
        assert annotated.tokens == bare.tokens and annotated.title_tokens == bare.title_tokens
        assert annotated.title_times == bare.title_times
        assert annotated.body_times() == bare.body_times()
        assert [text[s:e] for s, e in annotated.sentences]
        assert [t.text for t in annotated.tokens.of(text)] == [
            text[s:e]
            for s, e in zip(
                annotated.tokens.start_offsets(), annotated.tokens.end_offsets(), strict=True
            )
        ]
        assert len(annotated.title_tokens) == (0 if not title else len(bare.title_tokens))


def test_tokens_inside_a_span() -> None:
    from khabar.arabic.tokenize import tokenize

    text = "قال الرئيس، وبوتين 3.5 مليون"
    tokens = Tokens.pack(tokenize(text))
    inside = tokens.indices(4, 12)
    assert [tokens.of(text)[i].text for i in inside] == ["الرئيس", "،"]
    assert list(tokens.indices(5, 9)) == []
    assert tokens.of(text) == tokenize(text)
