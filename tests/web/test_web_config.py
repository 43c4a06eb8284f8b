"""The ``[web]`` config section (issue 15: it was refused as "unknown config section")."""

from __future__ import annotations

from pathlib import Path

import pytest

from khabar.config import Config, WebConfig, load_config
from khabar.errors import ConfigError


def test_the_web_section_is_read_from_toml(tmp_path: Path) -> None:
    path = tmp_path / "khabar.toml"
    path.write_text(
        "[web]\n"
        'folder_roots = ["/srv/pages", "/data/saved"]\n'
        'token = "a-long-enough-token-0123"\n'
        "workers = 3\n"
        "max_job_seconds = 600\n"
        "max_job_pages = 5000\n"
        "max_job_memory_mb = 1024\n"
        "max_file_bytes = 1_000_000\n"
        "max_request_bytes = 5_000_000\n"
        "max_files = 50\n",
        "utf-8",
    )
    web = load_config(path).web
    assert web == WebConfig(
        folder_roots=("/srv/pages", "/data/saved"),
        token="a-long-enough-token-0123",
        workers=3,
        max_job_seconds=600,
        max_job_pages=5000,
        max_job_memory_mb=1024,
        max_file_bytes=1_000_000,
        max_request_bytes=5_000_000,
        max_files=50,
    )
    assert web.folders_allowed
    hash(web)  # lists from TOML become tuples: the config stays hashable and frozen


def test_the_defaults_keep_folders_off_and_two_workers() -> None:
    web = Config().web
    assert web.folder_roots == () and not web.folders_allowed
    assert web.token is None
    assert web.workers == 2


@pytest.mark.parametrize(
    ("toml", "message"),
    [
        ('folder_roots = ["pages"]', "absolute"),
        ('folder_roots = "/srv"', "list of folder paths"),
        ("workers = 0", "workers must be a whole number"),
        ("max_job_seconds = -5", "max_job_seconds"),
        ("max_job_pages = 1.5", "max_job_pages"),
        ("token = 5", "token must be a string"),
        ("folders = []", "unknown key"),
    ],
)
def test_bad_web_options_are_config_errors(tmp_path: Path, toml: str, message: str) -> None:
    path = tmp_path / "khabar.toml"
    path.write_text(f"[web]\n{toml}\n", "utf-8")
    with pytest.raises(ConfigError, match=message):
        load_config(path)
