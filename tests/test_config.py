"""The root config: defaults, TOML overrides and clear errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from khabar.config import Config, config_from_dict, load_config
from khabar.errors import ConfigError


def test_config_defaults_without_file() -> None:
    assert load_config(None) == Config()


def test_config_toml_overrides_one_key_and_keeps_the_rest(tmp_path: Path) -> None:
    path = tmp_path / "k.toml"
    path.write_text("[read]\nmax_bytes = 1234\n", encoding="utf-8")
    config = load_config(path)
    assert config.read.max_bytes == 1234
    assert config.read.max_archive_members == Config().read.max_archive_members
    assert config.clean == Config().clean


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ({"nope": {}}, "unknown config section [nope]"),
        ({"read": {"max_byte": 1}}, "unknown key(s) in [read]: max_byte"),
        ({"read": 3}, "must be a table"),
    ],
)
def test_config_rejects_unknown_names_with_what_is_known(values: dict, message: str) -> None:
    with pytest.raises(ConfigError) as info:
        config_from_dict(values)
    assert message in str(info.value)


def test_config_missing_or_broken_file_names_it(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="not found"):
        load_config(tmp_path / "absent.toml")
    bad = tmp_path / "bad.toml"
    bad.write_text("[read\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"bad\.toml is not valid TOML"):
        load_config(bad)
