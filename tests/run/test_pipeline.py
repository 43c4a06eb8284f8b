"""``analyze`` with its per-page stages on an executor: the same dossier wherever they run, and
one page or input that breaks a stage costs only itself."""

from __future__ import annotations

import dataclasses
import os
import pickle
from collections.abc import Iterator
from pathlib import Path

import pytest

import khabar
import khabar.pipeline
from khabar.annotate import Annotator
from khabar.config import Config, RunConfig
from khabar.model import AnnotatedArticle, Article, Dossier, Failure, Page
from khabar.read import iter_pages
from khabar.report.write import write_outputs
from khabar.run import (
    LocalExecutor,
    PageWorker,
    annotate_pages,
    make_executor,
    process_page,
    process_pages,
)
from khabar.run.base import available_cores
from khabar.run.work import process_annotator


def _same(a: Dossier, b: Dossier) -> bool:
    return dataclasses.replace(a, meta=()) == dataclasses.replace(b, meta=())


def test_executor_given_explicitly_equals_the_configured_one(examples_dir: Path) -> None:
    with LocalExecutor() as executor:
        given = khabar.pipeline.analyze([examples_dir], executor=executor)
    assert _same(given, khabar.analyze([examples_dir]))


def _written(dossier: Dossier, out: Path) -> dict[str, bytes]:
    """Every file the dossier's default formats write, by name, with the run facts fixed."""
    write_outputs(dataclasses.replace(dossier, meta=(("created", "-"),)), out)
    return {str(f.relative_to(out)): f.read_bytes() for f in sorted(out.rglob("*")) if f.is_file()}


def test_process_pool_writes_the_in_process_dossier_byte_for_byte(
    seeds_dir: Path, examples_dir: Path, tmp_path: Path
) -> None:
    inputs = [seeds_dir, examples_dir]
    pooled = Config(run=RunConfig(executor="local", workers=2, pool_min_pages=1))
    alone = Config(run=RunConfig(workers=1))
    files = [
        _written(khabar.analyze(inputs, config), tmp_path / name)
        for name, config in (("pool", pooled), ("alone", alone))
    ]
    assert files[0] == files[1] and "dossier.json" in files[0]


def test_a_batch_below_pool_min_pages_never_starts_the_pool(examples_dir: Path) -> None:
    config = Config(run=RunConfig(workers=2, pool_min_pages=10_000))
    with LocalExecutor(workers=2) as executor:
        dossier = khabar.pipeline.analyze([examples_dir], config, executor=executor)
        assert executor._pool is None
    assert dossier.articles and _same(dossier, khabar.analyze([examples_dir], Config()))


def test_annotate_pages_starts_the_pool_only_past_pool_min_pages() -> None:
    pages = [_record(n) for n in range(5)]
    results = {}
    for threshold in (6, 5):
        config = Config(run=RunConfig(workers=2, pool_min_pages=threshold))
        with LocalExecutor(workers=2) as executor:
            results[threshold] = list(annotate_pages(iter(pages), config, executor))
            assert (executor._pool is not None) == (threshold == 5)
    assert results[5] == results[6] and len(results[5]) == 5


def test_zero_workers_means_every_core() -> None:
    assert make_executor("local", workers=0).workers == available_cores()
    assert LocalExecutor(workers=0).workers == available_cores() >= 1


def test_copies_of_a_page_worker_in_one_process_share_its_annotator() -> None:
    """A pool worker receives a fresh copy of the page worker with each task; the copies use the
    annotator the process keeps, loaded once (it used to be loaded once per task)."""
    config = Config()
    first, second = (pickle.loads(pickle.dumps(PageWorker(config))) for _ in range(2))
    assert all(isinstance(r, AnnotatedArticle) for r in first([_record(0)]) + second([_record(1)]))
    assert first._annotator is second._annotator is process_annotator(config)


def test_a_local_pool_serves_the_per_page_stages_only(
    seeds_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    handed: list[object] = []
    real = khabar.pipeline.analyze_annotated

    def spy(*args: object) -> Dossier:
        handed.append(args[4])
        return real(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(khabar.pipeline, "analyze_annotated", spy)
    khabar.pipeline.analyze([seeds_dir], Config(run=RunConfig(workers=2)))
    assert handed == [None]


def test_process_page_turns_a_page_without_article_into_a_failure(tmp_path: Path) -> None:
    stub = tmp_path / "menu.txt"
    stub.write_text("الرئيسية\nأخبار\nرياضة\n", encoding="utf-8")
    pages = [p for p in iter_pages([str(stub)], Config().read) if isinstance(p, Page)]
    result = process_page(pages[0], Config())
    assert isinstance(result, Failure) and result.source == str(stub) and result.error


def test_process_page_annotates_a_real_page(seeds_dir: Path) -> None:
    page = next(p for p in iter_pages([str(seeds_dir)], Config().read) if isinstance(p, Page))
    result = process_page(page, Config())
    assert isinstance(result, AnnotatedArticle)
    assert result.article.paragraphs and result.mentions


BODY = (
    "أعلنت وزارة الخارجية اليوم أن المفاوضات بين الجانبين ستستأنف الأسبوع المقبل في العاصمة، "
    "بعد أشهر من التوقف بسبب الخلافات حول ملف الحدود والمياه. وقال المتحدث باسم الوزارة إن "
    "الوفد سيضم خبراء في القانون الدولي."
)


def _record(n: int, text: str = BODY, source: str | None = None) -> Page:
    body = f"{text} الجولة رقم {n}."
    return Page(
        source or f"feed.jsonl#{n}",
        body.encode("utf-8", "surrogatepass"),
        body,
        "utf-8",
        "record",
        url=f"https://news.example/{n}",
        title_hint=f"استئناف المفاوضات في الجولة {n}",
        published_hint="2019-03-05",
    )


def test_a_page_that_breaks_the_annotator_becomes_an_error_and_the_batch_goes_on(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    real = Annotator.__call__

    def breaks_on_round_2(self: Annotator, article: Article) -> AnnotatedArticle:
        if "الجولة رقم 2." in article.text:
            raise RuntimeError("tagger state corrupted")
        return real(self, article)

    monkeypatch.setattr(Annotator, "__call__", breaks_on_round_2)
    pages = [_record(n) for n in range(4)]
    with LocalExecutor() as executor:
        annotated, failures = khabar.pipeline.annotate_all(pages, Config(), executor)
    assert [a.article.source for a in annotated] == ["feed.jsonl#0", "feed.jsonl#1", "feed.jsonl#3"]
    (failure,) = failures
    assert failure.source == "feed.jsonl#2"
    assert "annotate" in failure.error and "RuntimeError: tagger state corrupted" in failure.error


def test_a_page_that_breaks_the_cleaner_becomes_an_error(monkeypatch: pytest.MonkeyPatch) -> None:
    import khabar.run.work

    real = khabar.run.work.clean_or_fail

    def breaks_on_round_1(page: Page, *args: object) -> object:
        if page.source.endswith("#1"):
            raise RecursionError("maximum recursion depth exceeded")
        return real(page, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(khabar.run.work, "clean_or_fail", breaks_on_round_1)
    results = process_pages([_record(0), _record(1)], Config())
    assert isinstance(results[0], AnnotatedArticle)
    assert isinstance(results[1], Failure) and results[1].source == "feed.jsonl#1"
    assert "clean" in results[1].error and "RecursionError" in results[1].error


NAMED = (
    "قال الرئيس الروسي فلاديمير بوتين إن المفاوضات مع الحكومة السورية ستستأنف الأسبوع المقبل، "
    "بعد أشهر من التوقف بسبب الخلافات حول ملف الحدود والمياه."
)


def test_lone_surrogates_in_a_record_never_crash_the_annotator() -> None:
    result = process_page(_record(0, NAMED + " \ud800 \udfff"), Config())
    clean = process_page(_record(0, NAMED), Config())
    assert isinstance(result, AnnotatedArticle) and isinstance(clean, AnnotatedArticle)
    result.article.text.encode("utf-8")
    # the tagger ran over the scrubbed text and found what it finds without the surrogates
    assert result.mentions and result.mentions == clean.mentions


def test_a_reader_that_breaks_on_one_input_costs_only_that_input(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    real = khabar.pipeline.iter_pages

    def breaks_after_one_page(paths: list[str], cfg: object) -> Iterator[Page | Failure]:
        for n, item in enumerate(real(paths, cfg)):  # type: ignore[arg-type]
            if "bad" in paths[0] and n == 1:
                raise AttributeError("'NoneType' object has no attribute 'rec_headers'")
            yield item

    monkeypatch.setattr(khabar.pipeline, "iter_pages", breaks_after_one_page)
    good, bad = tmp_path / "good", tmp_path / "bad"
    for folder in (good, bad):
        folder.mkdir()
        for n in range(3):
            (folder / f"{n}.txt").write_text(f"{BODY}\n{folder.name} {n}", encoding="utf-8")
    items = list(khabar.pipeline.read_inputs([bad, good], Config().read))
    pages = [i for i in items if isinstance(i, Page)]
    failures = [i for i in items if isinstance(i, Failure)]
    assert len(pages) == 1 + 3  # the first page of the broken input is kept
    (failure,) = failures
    assert failure.source == str(bad) and "AttributeError" in failure.error


def test_undecodable_file_names_are_shown_not_crashed_on(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    name = os.path.join(os.fsencode(folder), b"\xff\xfe-news.txt")
    with open(name, "wb") as handle:
        handle.write(BODY.encode("utf-8") + b"\n\n" + BODY.encode("utf-8"))
    missing = os.fsdecode(os.path.join(os.fsencode(folder), b"gone-\xff.txt"))
    dossier = khabar.analyze([folder, missing])
    sources = [a.article.source for a in dossier.articles] + [e.source for e in dossier.errors]
    assert len(sources) == 2
    assert all("\\xff" in s for s in sources), sources
    dossier.to_json().encode("utf-8")


@pytest.mark.parametrize(
    ("target", "stage"),
    [
        ("resolve_entities", "entities"),
        ("build_events", "events"),
        ("analyze_claims", "claims"),
        ("summarize_event", "summaries"),
        ("settle_annotated", "outlet names"),
        ("copy_map", "copies"),
    ],
)
def test_a_collection_stage_that_breaks_costs_only_its_own_output(
    monkeypatch: pytest.MonkeyPatch, target: str, stage: str
) -> None:
    pages = [_record(n, NAMED) for n in range(3)]
    whole = khabar.pipeline.analyze_annotated(
        [a for a in process_pages(pages, Config()) if isinstance(a, AnnotatedArticle)], Config()
    )

    def breaks(*args: object, **kwargs: object) -> object:
        raise RuntimeError("a bug in the stage")

    monkeypatch.setattr(khabar.pipeline, target, breaks)
    annotated = [a for a in process_pages(pages, Config()) if isinstance(a, AnnotatedArticle)]
    dossier = khabar.pipeline.analyze_annotated(annotated, Config())
    assert len(dossier.articles) == 3  # every article is still in the dossier
    (error,) = dossier.errors  # one entry for the stage, however often it broke
    assert error.source == khabar.pipeline.COLLECTION_SOURCE
    assert f"the {stage} of this collection" in error.error and "RuntimeError" in error.error
    if stage != "events":
        assert len(dossier.events) == len(whole.events) > 0  # the other stages' results stay
    if stage not in ("claims", "events", "entities"):
        assert len(dossier.claims) == len(whole.claims) > 0
    dossier.to_json()  # and the dossier is still written


def test_every_stage_reports_its_start_and_end_with_counts(examples_dir: Path) -> None:
    calls: list[tuple[str, int, int | None]] = []
    dossier = khabar.pipeline.analyze(
        examples_dir, Config(), lambda stage, done, total: calls.append((stage, done, total))
    )
    stages = list(dict.fromkeys(stage for stage, _, _ in calls))
    assert stages == ["read", "annotate", "entities", "events", "claims", "summaries"]
    for stage in stages:
        mine = [(done, total) for s, done, total in calls if s == stage]
        assert mine[0][0] == 0, stage  # the bar is there before the work, not after it
        done, total = mine[-1]
        assert total is None or done == total, stage
        assert [d for d, _ in mine] == sorted(d for d, _ in mine), stage  # never goes back
    n = len(dossier.articles)
    assert ("events", n, n) in calls and (
        "summaries",
        len(dossier.events),
        len(dossier.events),
    ) in calls


def test_released_pages_are_not_held_once_annotated_and_give_the_same_result() -> None:
    import sys

    kept = [_record(n) for n in range(3)]
    pages = [_record(n) for n in range(3)]
    probe = pages[0]
    with LocalExecutor() as executor:
        released = khabar.pipeline.annotate_all(pages, Config(), executor, release=True)
        held = khabar.pipeline.annotate_all(kept, Config(), executor)
    assert pages == [] and len(kept) == 3
    assert released == held
    assert sys.getrefcount(probe) == 2  # ``probe`` and the call's argument: nothing else


def test_analyze_leaves_the_garbage_collector_unfrozen(examples_dir: Path) -> None:
    import gc

    khabar.pipeline.analyze([examples_dir])
    assert gc.get_freeze_count() == 0


def test_workers_zero_on_the_command_line_asks_for_every_core() -> None:
    from argparse import Namespace

    from khabar.cli import _with_run_options

    assert _with_run_options(Config(), Namespace(workers=0)).run.workers == 0
    assert _with_run_options(Config(), Namespace(workers=None)).run.workers == 1
