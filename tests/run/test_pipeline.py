"""``analyze`` with its per-page stages on an executor: the same dossier wherever they run."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import khabar
import khabar.pipeline
from khabar.config import Config, RunConfig
from khabar.model import AnnotatedArticle, Dossier, Failure, Page
from khabar.read import iter_pages
from khabar.run import LocalExecutor, process_page


def _same(a: Dossier, b: Dossier) -> bool:
    return dataclasses.replace(a, meta=()) == dataclasses.replace(b, meta=())


def test_executor_given_explicitly_equals_the_configured_one(examples_dir: Path) -> None:
    with LocalExecutor() as executor:
        given = khabar.pipeline.analyze([examples_dir], executor=executor)
    assert _same(given, khabar.analyze([examples_dir]))


def test_process_pool_gives_the_in_process_dossier(seeds_dir: Path) -> None:
    config = Config(run=RunConfig(executor="local", workers=2))
    assert _same(khabar.analyze([seeds_dir], config), khabar.analyze([seeds_dir]))


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
