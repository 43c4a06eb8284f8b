"""The bundled outlet table: one row per outlet, nothing claimed twice, every row reachable."""

from __future__ import annotations

from pathlib import Path

import pytest

from khabar.clean.outlet_data import KNOWN_OUTLETS, read_known_outlets
from khabar.clean.outlets import compact_name, known_by_address, known_by_name
from khabar.errors import ModelError


def test_table_keys_names_and_addresses_are_one_per_outlet() -> None:
    keys = [o.key for o in KNOWN_OUTLETS]
    names = [o.name for o in KNOWN_OUTLETS]
    addresses = [a for o in KNOWN_OUTLETS for a in o.addresses]
    assert len(set(keys)) == len(keys)
    assert len(set(names)) == len(names)
    assert len(set(addresses)) == len(addresses)
    claimed: dict[str, str] = {}
    for outlet in KNOWN_OUTLETS:
        for name in outlet.names:
            assert claimed.setdefault(compact_name(name), outlet.key) == outlet.key, name


def test_every_table_outlet_is_found_by_its_names_and_addresses() -> None:
    for outlet in KNOWN_OUTLETS:
        for name in outlet.names:
            found = known_by_name(name)
            assert found is not None and found.key == outlet.key, name
        for address in outlet.addresses:
            found = known_by_address(f"https://www.{address}/2025/x")
            assert found is not None and found.key == outlet.key, address


def test_table_rows_read_with_comments_and_kinds(tmp_path: Path) -> None:
    path = tmp_path / "outlets.tsv"
    path.write_text(
        "# a comment\n"
        "example\tالمثال\toutlet\texample.org news.example.org/ar\tالمثال | The Example\n"
        "\n"
        "wire\tالوكالة\tagency\twire.example\tالوكالة\n",
        encoding="utf-8",
    )
    first, second = read_known_outlets(path)
    assert first.addresses == ("example.org", "news.example.org/ar")
    assert first.names == ("المثال", "The Example")
    assert (first.agency, second.agency) == (False, True)


@pytest.mark.parametrize(
    "row",
    ["example\tالمثال\toutlet\texample.org", "example\tالمثال\tpaper\texample.org\tالمثال"],
)
def test_malformed_table_row_is_a_model_error_naming_the_line(tmp_path: Path, row: str) -> None:
    path = tmp_path / "outlets.tsv"
    path.write_text(f"# header\n{row}\n", encoding="utf-8")
    with pytest.raises(ModelError, match=r"outlets.tsv:2"):
        read_known_outlets(path)
