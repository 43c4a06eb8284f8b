"""``analyze_with_executor``: the per-page stages on an executor, the dossier of ``analyze``."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import khabar
from khabar.config import Config, RunConfig
from khabar.model import AnnotatedArticle, Dossier, Failure, Page
from khabar.read import iter_pages
from khabar.run import analyze_with_executor, process_page


def _same(a: Dossier, b: Dossier) -> bool:
    return dataclasses.replace(a, meta=()) == dataclasses.replace(b, meta=())


def test_executor_pipeline_equals_analyze_in_process(examples_dir: Path) -> None:
    assert _same(analyze_with_executor([examples_dir]), khabar.analyze([examples_dir]))


def test_executor_pipeline_equals_analyze_on_a_process_pool(seeds_dir: Path) -> None:
    config = Config(run=RunConfig(executor="local", workers=2))
    assert _same(analyze_with_executor([seeds_dir], config), khabar.analyze([seeds_dir]))


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
