"""The command line: files written, exit codes, progress on stderr only."""

from __future__ import annotations

import csv
import io
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from khabar.cli import main
from khabar.pipeline import missing_paths

ROOT = Path(__file__).resolve().parents[1]


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "khabar.cli", *args], capture_output=True, text=True, timeout=600
    )


def test_cli_analyze_writes_json_and_html(seeds_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    missing = tmp_path / "missing.txt"
    result = _run("analyze", str(seeds_dir), str(missing), "--out", str(out))
    # the missing input makes the exit non-zero; the rest is analysed and written all the same
    assert result.returncode == 1, result.stderr
    data = json.loads((out / "dossier.json").read_text(encoding="utf-8"))
    assert len(data["articles"]) == 5
    assert [Path(e["source"]).name for e in data["errors"]] == ["missing.txt"]
    html = (out / "dossier.html").read_text(encoding="utf-8")
    assert 'dir="rtl"' in html
    assert str(out / "dossier.json") in result.stdout
    assert f"khabar: {missing}: no such file or directory" in result.stderr


def test_cli_reads_a_csv_export_on_stdin_as_one_article_a_row(
    seeds_dir: Path, tmp_path: Path
) -> None:
    table = io.StringIO()
    writer = csv.writer(table)
    writer.writerow(["Title", "Text", "URL"])
    seeds = sorted(seeds_dir.glob("*.txt"))[:2]
    for n, seed in enumerate(seeds):
        lines = seed.read_text(encoding="utf-8").splitlines()
        writer.writerow([lines[0], "\n".join(lines[1:]), f"https://n.example/{n}"])
    out = tmp_path / "out"
    result = subprocess.run(
        [sys.executable, "-m", "khabar.cli", "analyze", "-", "-q", "--out", str(out)],
        input=table.getvalue(),
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr
    data = json.loads((out / "dossier.json").read_text(encoding="utf-8"))
    assert sorted(a["source"] for a in data["articles"]) == ["<stdin>:row 1", "<stdin>:row 2"]
    assert sorted(a["url"] for a in data["articles"]) == [
        "https://n.example/0",
        "https://n.example/1",
    ]


def test_missing_paths_names_what_names_nothing(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("x", encoding="utf-8")
    paths = [
        str(tmp_path / "a.txt"),
        str(tmp_path / "*.txt"),
        str(tmp_path / "*.html"),
        str(tmp_path / "gone.txt"),
        "-",
        "https://n.example/x",
    ]
    assert missing_paths(paths) == [str(tmp_path / "*.html"), str(tmp_path / "gone.txt")]


def test_cli_add_exits_non_zero_for_a_missing_path(seeds_dir: Path, tmp_path: Path) -> None:
    seed = sorted(seeds_dir.glob("*.txt"))[0]
    db = tmp_path / "store.db"
    code = main(["add", str(seed), str(tmp_path / "gone.txt"), "--db", str(db), "-q"])
    assert code == 1
    code = main(["add", str(seed), "--db", str(db), "-q"])
    assert code == 0


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


BODY = (
    "أعلنت وزارة الخارجية اليوم أن المفاوضات بين الجانبين ستستأنف الأسبوع المقبل في العاصمة، "
    "بعد أشهر من التوقف بسبب الخلافات حول ملف الحدود والمياه.\n\n"
    "وقال المتحدث باسم الوزارة في مؤتمر صحفي إن الوفد سيضم خبراء في القانون الدولي، مضيفا أن "
    "بلاده تأمل في التوصل إلى اتفاق قبل نهاية العام الجاري.\n"
)

STALLED_WRITE = """
import os, sys, time
from pathlib import Path

out, ready = Path(sys.argv[1]), Path(sys.argv[2])
real_replace = os.replace

def stalled_replace(src, dst, *args, **kwargs):
    # the temporary file is written; stall before it is renamed over the dossier
    if Path(dst).parent == out:
        ready.write_text("writing")
        time.sleep(120)
    return real_replace(src, dst, *args, **kwargs)

os.replace = stalled_replace
from khabar.cli import main
from khabar.pipeline import missing_paths
sys.exit(main(["analyze", sys.argv[3], "--out", str(out), "-q"]))
"""


def test_cli_analyze_terminated_mid_write_leaves_no_temporary_file(tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_text(BODY, encoding="utf-8")
    out, ready = tmp_path / "out", tmp_path / "ready"
    script = tmp_path / "stall.py"
    script.write_text(STALLED_WRITE, encoding="utf-8")
    proc = subprocess.Popen(
        [sys.executable, str(script), str(out), str(ready), str(page)],
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    deadline = time.monotonic() + 300
    while not ready.exists() and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    assert ready.exists(), "the write never started"
    assert any(p.name.endswith(".tmp") for p in out.iterdir())  # caught mid-write
    proc.send_signal(signal.SIGTERM)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 128 + signal.SIGTERM, err
    assert "terminated" in err and "Traceback" not in err
    assert sorted(p.name for p in out.iterdir()) == []


def test_cli_wait_must_be_seconds(tmp_path: Path) -> None:
    for bad in ("-1", "soon", "nan"):
        with pytest.raises(SystemExit) as info:
            main(["add", "x.txt", "--db", str(tmp_path / "k.db"), "--wait", bad])
        assert info.value.code == 2


def test_cli_format_writes_tables_jsonl_and_svg_from_the_dossier(
    seeds_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    code = main(["analyze", str(seeds_dir), "-q", "--out", str(out), "--format", "all"])
    assert code == 0
    written = capsys.readouterr().out.split()
    assert len(written) == 9  # dossier (2), tables (4 CSV, 1 XLSX), JSON Lines, timeline
    assert {Path(p).name for p in written} == {p.name for p in out.iterdir()}
    data = json.loads((out / "dossier.json").read_text(encoding="utf-8"))
    with (out / "claims.csv").open(encoding="utf-8-sig", newline="") as handle:
        claims = list(csv.DictReader(handle))
    assert len(claims) == sum(len(c["sources"]) for c in data["claims"])
    lines = (out / "articles.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["id"] for line in lines] == [a["id"] for a in data["articles"]]
    assert (out / "timeline.svg").read_text(encoding="utf-8").startswith("<?xml")


def test_cli_format_chooses_the_files(seeds_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    seed = str(sorted(seeds_dir.glob("*.txt"))[0])
    assert (
        main(["analyze", seed, "-q", "--out", str(out), "--format", "csv", "--format", "svg"]) == 0
    )
    assert sorted(p.name for p in out.iterdir()) == [
        "articles.csv",
        "claims.csv",
        "contradictions.csv",
        "events.csv",
        "timeline.svg",
    ]
    with pytest.raises(SystemExit) as info:
        main(["analyze", seed, "--out", str(out), "--format", "ods"])
    assert info.value.code == 2


def test_progress_bars_show_each_stage_with_its_counts(capsys: pytest.CaptureFixture[str]) -> None:
    from khabar.cli import _Progress

    progress = _Progress(quiet=False, live=True)  # as on a terminal
    progress("events", 0, 3)
    assert progress._ticker is not None and progress._ticker.is_alive()  # redraws meanwhile
    drawn = capsys.readouterr().err.count("0/3")
    progress.redraw()  # what the ticker does while the stage works between two counts
    assert capsys.readouterr().err.count("0/3") >= 1
    progress("events", 3, 3)
    progress.close()
    assert progress._ticker is None
    assert "3/3" in capsys.readouterr().err and drawn >= 1
    in_a_log = _Progress(quiet=False, live=False)  # stderr is a file: no redraws between counts
    in_a_log("events", 0, 3)
    assert in_a_log._ticker is None
    in_a_log.close()


def test_analyze_summary_counts_in_words(
    examples_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = examples_dir / "almadar-2025-03-18-call.txt"
    assert main(["analyze", str(page), "--out", str(tmp_path / "out")]) == 0
    err = capsys.readouterr().err
    assert "1 article, 1 event, 1 story, " in err and "0 inputs not analysed" in err
