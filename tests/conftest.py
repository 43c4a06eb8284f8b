"""Shared fixtures: where ../shared is, the seed pages and their gold answers."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "samples" / "seeds"
GOLD = SHARED / "gold" / "seeds.json"
EXAMPLES = ROOT / "examples"


def _need(path: Path) -> Path:
    if not path.exists():
        pytest.skip(f"{path} is absent: these tests need ../shared beside the project root")
    return path


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """The ../shared folder (tests using it skip when it is absent)."""
    return _need(SHARED)


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    """The folder of the five real seed pages."""
    return _need(SEEDS)


@pytest.fixture(scope="session")
def gold() -> dict[str, Any]:
    """The gold answers for the seed pages."""
    return json.loads(_need(GOLD).read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def examples_dir() -> Path:
    """The project's own example pages."""
    return EXAMPLES
