"""The command line: files written, exit codes, progress on stderr only."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from khabar.cli import main


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "khabar.cli", *args], capture_output=True, text=True, timeout=600
    )


def test_cli_analyze_writes_json_and_html(seeds_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    missing = tmp_path / "missing.txt"
    result = _run("analyze", str(seeds_dir), str(missing), "--out", str(out))
    assert result.returncode == 0, result.stderr
    data = json.loads((out / "dossier.json").read_text(encoding="utf-8"))
    assert len(data["articles"]) == 5
    assert [Path(e["source"]).name for e in data["errors"]] == ["missing.txt"]
    html = (out / "dossier.html").read_text(encoding="utf-8")
    assert 'dir="rtl"' in html
    assert str(out / "dossier.json") in result.stdout
    assert "missing.txt" in result.stderr


def test_cli_quiet_prints_nothing_on_stderr(seeds_dir: Path, tmp_path: Path) -> None:
    result = _run(
        "analyze", str(seeds_dir / "002_8fc73ac330813a26.txt"), "-q", "--out", str(tmp_path / "o")
    )
    assert result.returncode == 0
    assert result.stderr == ""


@pytest.mark.parametrize(
    "argv",
    [
        [],
        ["analyze"],
        ["analyze", "x.txt"],  # --out is required
        ["no-such-command"],
    ],
)
def test_cli_usage_errors_exit_non_zero(argv: list[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(argv)
    assert info.value.code == 2


def test_cli_bad_config_is_an_error_not_a_traceback(tmp_path: Path) -> None:
    config = tmp_path / "bad.toml"
    config.write_text("[nope]\n", encoding="utf-8")
    result = _run("analyze", "x", "--out", str(tmp_path / "o"), "--config", str(config))
    assert result.returncode == 1
    assert "unknown config section [nope]" in result.stderr
    assert "Traceback" not in result.stderr


def test_cli_tag_entities_writes_token_tab_tag(tmp_path: Path) -> None:
    conll = tmp_path / "in.conll"
    conll.write_text(
        "التقى\nالرئيس\nفلاديمير\nبوتين\nفي\nموسكو\n.\n\nوقال\nالكرملين\n\n", encoding="utf-8"
    )
    result = _run("tag-entities", str(conll))
    assert result.returncode == 0, result.stderr
    blocks = result.stdout.rstrip("\n").split("\n\n")
    assert len(blocks) == 2
    rows = [line.split("\t") for line in blocks[0].splitlines()]
    assert [r[0] for r in rows] == ["التقى", "الرئيس", "فلاديمير", "بوتين", "في", "موسكو", "."]
    tags = dict((r[0], r[1]) for r in rows)
    assert tags["فلاديمير"] == "B-PER" and tags["بوتين"] == "I-PER"
    assert tags["موسكو"] == "B-LOC"
    assert all(r[1] == "O" or r[1][:2] in ("B-", "I-") for r in rows)


def test_cli_tag_entities_block_option(tmp_path: Path) -> None:
    conll = tmp_path / "in.conll"
    first = "استقبل الرئيس السوري أحمد الشرع الوفد في دمشق ."
    conll.write_text(
        "\n".join(first.split()) + "\n\nوأوضح\nالشرع\nأن\nالزيارة\nناجحة\n.\n", encoding="utf-8"
    )
    tags = {}
    for block in ("20", "0"):
        result = _run("tag-entities", str(conll), "--block", block)
        assert result.returncode == 0, result.stderr
        tags[block] = [line.split("\t")[1] for line in result.stdout.splitlines() if line]
    assert tags["20"][-5] == "B-PER"  # الشرع of the second sentence, repeated
    assert tags["0"][-5] == "O"
    bad = _run("tag-entities", str(conll), "--block", "-1")
    assert bad.returncode == 2 and "--block" in bad.stderr
