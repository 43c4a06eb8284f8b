"""Fuzz campaign (issue 15): hostile inputs through ``khabar analyze``, one subprocess each.

The corpus comes from ``tests/fuzz_support.py`` (the same generator the unit test samples):
over 300 inputs of 30 kinds (random bytes, empty files, huge lines, lone surrogates in JSON
Lines, file names that are not UTF-8, truncated WARC, zip bombs, nested zips, deep HTML,
billion laughs, contradictory BOMs, stray bytes in UTF-8 Arabic, bidi controls, ``javascript:``
links, CSV exports, JSON that is not JSON Lines, link loops, unreadable files, ...), written to
a temporary folder and removed after.

Each input runs as ``python -m khabar analyze INPUT --out DIR --quiet`` with a wall-clock
timeout; the child's own peak RSS comes from ``os.wait4`` (a child that grows past
``MEMORY_KILL_BYTES`` is killed so the shared machine survives, and counted). An input is

* a crash when the exit code is not 0 or no readable dossier.json was written;
* a hang when it ran past the timeout;
* unaccounted for when a file it consists of is neither an article nor an error entry;

and healthy pages it holds must come out as articles. Then a few mixed batches (hostile inputs
together with the example and seed pages, in one run) check that one bad input costs nothing
else. Inputs with unreadable files run without CAP_DAC_OVERRIDE (``setpriv``) when run as root,
so permissions apply.

Run:  nice python benchmarks/fuzz.py [--scale full|small] [--kinds K ...] [--only NAME]
      [--timeout 60] [--batches 6] [--out benchmarks/results_fuzz.md]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

import fuzz_support as fz  # noqa: E402  (needs sys.path above)

SEEDS = ROOT.parent / "shared" / "samples" / "seeds"

TIMEOUT_S = 60.0
"""CPU seconds (user + system) one input may take before it is killed as a hang (issue 15's
bound of 60 s). CPU rather than wall-clock time, because the machine is shared: at a load of 8
on 2 cores a 12 s job takes 60 s of wall-clock time."""

WALL_TIMEOUT_S = 600.0
"""Wall-clock seconds after which an input is killed as a hang whatever its CPU time (one that
blocks without computing, on a pipe or a lock)."""

BATCH_TIMEOUT_S = 300.0
"""CPU seconds one mixed batch (15 hostile inputs and 14 healthy files) may take."""

BATCH_WALL_TIMEOUT_S = 1800.0
"""Wall-clock seconds one mixed batch may take."""

MEMORY_KILL_BYTES = 4 * 1024**3
"""A child whose RSS passes this is killed: the machine (24 GiB) is shared by eight engineers.
Issue 15's bound is 1 GiB; anything between the two is measured and reported as over it."""

MEMORY_BOUND_BYTES = 1024**3
"""Peak RSS one input may need (issue 15: at most 1 GiB for any input up to the limits)."""

POLL_S = 0.05
"""How often a running child is checked (its exit, its RSS, the clock)."""

RETRY_PAUSE_S = 20.0
"""Pause before a crashed input is run again (the work tree is shared and edited live)."""

HOSTILE_PER_BATCH = 15
"""Hostile inputs in each mixed batch."""

BATCH_SKIP_CPU_S = 15.0
"""Inputs that took longer than this alone are left out of the mixed batches (they are already
reported; a batch is about isolation, not about adding up slow inputs)."""

SETPRIV = [
    "setpriv",
    "--inh-caps=-dac_override,-dac_read_search",
    "--bounding-set=-dac_override,-dac_read_search",
]


@dataclass
class Outcome:
    """What one run of ``khabar analyze`` over one input (or one batch) gave."""

    name: str
    kind: str
    note: str
    returncode: int | None = None
    wall_s: float = 0.0
    cpu_s: float = 0.0
    peak_rss_bytes: int = 0
    timed_out: bool = False
    memory_killed: bool = False
    dossier_ok: bool = False
    articles: int = 0
    errors: int = 0
    unaccounted: list[str] = field(default_factory=list)
    healthy_lost: list[str] = field(default_factory=list)
    exposed: list[str] = field(default_factory=list)
    mojibake: list[str] = field(default_factory=list)
    internal_errors: list[str] = field(default_factory=list)
    stderr_tail: str = ""

    @property
    def crashed(self) -> bool:
        """Ended by itself without exit code 0 and a readable dossier."""
        return (
            not self.timed_out
            and not self.memory_killed
            and not (self.returncode == 0 and self.dossier_ok)
        )


_TICKS = os.sysconf("SC_CLK_TCK")

_RUNNING: set[int] = set()
"""Process groups of the children running now, killed if the campaign itself is stopped."""


def _cpu_s(pid: int) -> float:
    """User + system CPU seconds of a running process so far."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as fh:
            fields = fh.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / _TICKS
    except (OSError, ValueError, IndexError):
        return 0.0


def _rss_bytes(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError):
        pass
    return 0


def run_analyze(
    paths: list[Path],
    out: Path,
    timeout: float,
    drop_privileges: bool = False,
    wall_timeout: float = WALL_TIMEOUT_S,
) -> tuple[int | None, float, float, int, bool, bool, str]:
    """Run ``khabar analyze`` on ``paths``, killed past ``timeout`` CPU seconds or
    ``wall_timeout`` seconds; return (exit code, wall s, cpu s, peak RSS bytes, timed out,
    memory killed, stderr tail)."""
    cmd: list[str | bytes] = [sys.executable, "-m", "khabar", "analyze"]
    cmd += [os.fsencode(p) for p in paths]
    cmd += ["--out", str(out), "--quiet"]
    if drop_privileges and os.geteuid() == 0 and shutil.which("setpriv"):
        cmd = [*SETPRIV, *cmd]
    err_path = out.parent / f"{out.name}.stderr"
    start = time.monotonic()
    with open(err_path, "wb") as err:
        proc = subprocess.Popen(
            cmd,
            stdout=subprocess.DEVNULL,
            stderr=err,
            stdin=subprocess.DEVNULL,
            start_new_session=True,
            cwd=ROOT,
        )
        _RUNNING.add(proc.pid)
        timed_out = killed = False
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            if _cpu_s(proc.pid) > timeout or time.monotonic() - start > wall_timeout:
                timed_out = True
            elif _rss_bytes(proc.pid) > MEMORY_KILL_BYTES:
                killed = True
            if timed_out or killed:
                os.killpg(proc.pid, signal.SIGKILL)
                _, status, usage = os.wait4(proc.pid, 0)
                break
            time.sleep(POLL_S)
    _RUNNING.discard(proc.pid)
    proc.returncode = os.waitstatus_to_exitcode(status)
    wall = time.monotonic() - start
    cpu = usage.ru_utime + usage.ru_stime
    tail = err_path.read_bytes()[-600:].decode("utf-8", "replace")
    code = None if timed_out or killed else proc.returncode
    return code, wall, cpu, usage.ru_maxrss * 1024, timed_out, killed, tail


def _load_dossier(out: Path) -> tuple[dict[str, object] | None, str]:
    try:
        text = (out / "dossier.json").read_text(encoding="utf-8")
        return json.loads(text), text
    except (OSError, ValueError):
        return None, ""


def run_input(inp: fz.FuzzInput, work: Path, timeout: float) -> Outcome:
    """Analyse one input alone and judge the dossier; a crash is run once more, so that a
    module another engineer was saving at that moment is not taken for the input's fault."""
    outcome = _run_input_once(inp, work, timeout)
    if outcome.crashed:
        time.sleep(RETRY_PAUSE_S)
        again = _run_input_once(inp, work, timeout)
        if not again.crashed:
            again.note += " (crashed once, not on a second run)"
        return again
    return outcome


def _run_input_once(inp: fz.FuzzInput, work: Path, timeout: float) -> Outcome:
    out = work / "out" / inp.name
    out.parent.mkdir(parents=True, exist_ok=True)
    code, wall, cpu, rss, timed_out, killed, tail = run_analyze(
        [inp.path], out, timeout, inp.drop_privileges
    )
    outcome = Outcome(
        inp.name, inp.kind, inp.note, code, wall, cpu, rss, timed_out, killed, stderr_tail=tail
    )
    dossier, text = _load_dossier(out)
    if dossier is not None:
        outcome.dossier_ok = True
        outcome.articles = len(dossier.get("articles") or [])  # type: ignore[arg-type]
        outcome.errors = len(dossier.get("errors") or [])  # type: ignore[arg-type]
        verdict = fz.judge(inp, dossier, text)
        outcome.unaccounted = verdict.unaccounted
        outcome.healthy_lost = verdict.healthy_lost
        outcome.exposed = verdict.exposed
        outcome.mojibake = verdict.mojibake
        outcome.internal_errors = verdict.internal_errors
    shutil.rmtree(out, ignore_errors=True)
    return outcome


def run_batch(index: int, hostile: list[fz.FuzzInput], work: Path, timeout: float) -> Outcome:
    """Analyse hostile inputs together with fresh copies of the healthy pages, in one run."""
    healthy_paths, healthy = fz.healthy_batch(work / f"batch{index}-healthy", SEEDS)
    paths = [i.path for i in hostile] + healthy_paths
    random.Random(index).shuffle(paths)
    out = work / "out" / f"batch{index}"
    out.parent.mkdir(parents=True, exist_ok=True)
    code, wall, cpu, rss, timed_out, killed, tail = run_analyze(
        paths, out, timeout, wall_timeout=BATCH_WALL_TIMEOUT_S
    )
    outcome = Outcome(
        f"batch-{index}",
        "batch",
        f"{len(hostile)} hostile + {len(healthy_paths)} healthy files",
        code,
        wall,
        cpu,
        rss,
        timed_out,
        killed,
        stderr_tail=tail,
    )
    dossier, text = _load_dossier(out)
    if dossier is not None:
        outcome.dossier_ok = True
        outcome.articles = len(dossier.get("articles") or [])  # type: ignore[arg-type]
        outcome.errors = len(dossier.get("errors") or [])  # type: ignore[arg-type]
        everything = [
            *hostile,
            fz.FuzzInput("healthy", "healthy", work / "none", healthy=tuple(healthy)),
        ]
        for inp in everything:
            if inp.kind == "healthy":
                verdict = fz.judge(inp, {"articles": dossier["articles"], "errors": []})
                verdict.unaccounted = []
            else:
                verdict = fz.judge(inp, dossier, text)
            outcome.unaccounted += [f"{inp.name}: {u}" for u in verdict.unaccounted]
            outcome.healthy_lost += verdict.healthy_lost
            outcome.exposed += [f"{inp.name}: {e}" for e in verdict.exposed]
    shutil.rmtree(out, ignore_errors=True)
    return outcome


# --------------------------------------------------------------------------------------------
# Report
# --------------------------------------------------------------------------------------------


def _mb(n: int) -> str:
    return f"{n / 2**20:,.0f}"


def _short(items: list[str], n: int = 2) -> str:
    shown = "; ".join(s.replace("|", "\\|").replace("\n", " ")[:140] for s in items[:n])
    return shown + (f" (+{len(items) - n})" if len(items) > n else "")


def _problem(o: Outcome) -> str | None:
    if o.timed_out:
        return f"hang: killed after {o.cpu_s:.0f} s CPU ({o.wall_s:.0f} s wall)"
    if o.memory_killed:
        return f"memory: killed at > {_mb(MEMORY_KILL_BYTES)} MB"
    if o.crashed:
        last = o.stderr_tail.strip().splitlines()[-1:] or ["(no stderr)"]
        return f"crash: exit {o.returncode}: {last[0][:160]}"
    parts = []
    if o.unaccounted:
        parts.append(f"unaccounted: {_short(o.unaccounted)}")
    if o.healthy_lost:
        parts.append(f"healthy page lost: {_short(o.healthy_lost)}")
    if o.exposed:
        parts.append(f"exposed: {_short(o.exposed)}")
    if o.peak_rss_bytes > MEMORY_BOUND_BYTES:
        parts.append(f"peak RSS {_mb(o.peak_rss_bytes)} MB > 1 GiB")
    return "; ".join(parts) or None


def write_report(
    path: Path,
    outcomes: list[Outcome],
    batches: list[Outcome],
    args: argparse.Namespace,
    started: str,
    loads: tuple[str, str],
    total_s: float,
) -> None:
    """Write the campaign's figures as Markdown."""
    kinds = sorted({o.kind for o in outcomes})
    crashes = [o for o in outcomes if o.crashed]
    hangs = [o for o in outcomes if o.timed_out]
    memkills = [o for o in outcomes if o.memory_killed]
    unacc = [o for o in outcomes if o.unaccounted]
    lost = [o for o in outcomes if o.healthy_lost]
    exposed = [o for o in outcomes if o.exposed]
    moji = [o for o in outcomes if o.mojibake]
    internal = [o for o in outcomes if o.internal_errors]
    over_mem = [o for o in outcomes if o.peak_rss_bytes > MEMORY_BOUND_BYTES or o.memory_killed]
    top = max(outcomes, key=lambda o: o.peak_rss_bytes)
    lines = [
        "# Fuzz campaign (issue 15)",
        "",
        f"`benchmarks/fuzz.py --scale {args.scale}`, started {started} UTC, {total_s / 60:.0f} "
        f"min in all. Each input alone through `python -m khabar analyze INPUT --out DIR "
        f"--quiet` in its own process ({args.jobs} at a time), killed as a hang past "
        f"{args.timeout:.0f} s of CPU time (or {WALL_TIMEOUT_S:.0f} s wall-clock); peak RSS of "
        "that process from `os.wait4`. Load average (1, 5, 15 min) at the start "
        f"{loads[0]}, at the end {loads[1]}, on 2 cores shared with other engineers' jobs: wall "
        "times are inflated by the load (a 12 s job takes 60 s at a load of 8), so the timeout "
        "and the figures below count CPU seconds.",
        "",
        "## Summary",
        "",
        "| measure | value |",
        "|---|---|",
        f"| inputs | {len(outcomes)} |",
        f"| kinds | {len(kinds)} |",
        f"| crashes (exit code not 0 or no readable dossier.json) | {len(crashes)} |",
        f"| hangs (over {args.timeout:.0f} s CPU, killed) | {len(hangs)} |",
        f"| killed for memory (RSS over {_mb(MEMORY_KILL_BYTES)} MB) | {len(memkills)} |",
        f"| inputs with a file unaccounted for (neither article nor error entry) | {len(unacc)} |",
        f"| inputs whose healthy page did not come out as an article | {len(lost)} |",
        f"| inputs with forbidden text in the dossier (XXE, `javascript:` link, bidi override "
        f"in a name) | {len(exposed)} |",
        f"| inputs over 1 GiB peak RSS | {len(over_mem)} |",
        f"| peak RSS, largest | {_mb(top.peak_rss_bytes)} MB ({top.name}: {top.note}) |",
        f"| peak RSS, median | {_mb(int(statistics.median(o.peak_rss_bytes for o in outcomes)))}"
        " MB |",
        f"| articles made from stray-byte pages that lost their Arabic (mojibake) | {len(moji)} |",
        f"| inputs with an error entry that shows an internal error | {len(internal)} |",
        f"| mixed batches | {len(batches)}: {sum(1 for b in batches if _problem(b) is None)} "
        "clean |",
        "",
        "## By kind",
        "",
        "| kind | inputs | crashes | hangs | unaccounted | healthy lost | exposed "
        "| peak RSS max MB | peak RSS median MB | CPU s max | wall s max |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    by_kind: dict[str, list[Outcome]] = defaultdict(list)
    for o in outcomes:
        by_kind[o.kind].append(o)
    for k in kinds:
        group = by_kind[k]
        rss = [o.peak_rss_bytes for o in group]
        lines.append(
            f"| {k} | {len(group)} | {sum(o.crashed for o in group)} | "
            f"{sum(o.timed_out for o in group)} | {sum(bool(o.unaccounted) for o in group)} | "
            f"{sum(bool(o.healthy_lost) for o in group)} | {sum(bool(o.exposed) for o in group)} "
            f"| {_mb(max(rss))} | {_mb(int(statistics.median(rss)))} | "
            f"{max(o.cpu_s for o in group):.1f} | {max(o.wall_s for o in group):.1f} |"
        )
    lines += ["", "## Failures, by kind", ""]
    lines.append(
        "Each line: input, what it is, what went wrong. Reproduce one with "
        "`python benchmarks/fuzz.py --only NAME --keep` (the corpus is seeded per kind; the "
        "kept folder is printed)."
    )
    lines.append("")
    any_failure = False
    for k in kinds:
        rows = [(o, _problem(o)) for o in by_kind[k]]
        rows = [(o, p) for o, p in rows if p]
        if not rows:
            continue
        any_failure = True
        lines.append(f"### {k}")
        lines.append("")
        for o, p in rows:
            lines.append(f"- `{o.name}` ({o.note}): {p}")
        lines.append("")
    if not any_failure:
        lines += ["None.", ""]
    if moji or internal:
        lines += ["## Softer findings", ""]
        for o in moji:
            lines.append(
                f"- `{o.name}` ({o.note}): an article without the page's Arabic "
                f"({o.mojibake[0].rsplit(' (', 1)[-1]}"
            )
        for o in internal:
            lines.append(
                f"- `{o.name}` ({o.note}): error entry shows an internal error: "
                f"{_short(o.internal_errors, 1)}"
            )
        lines.append("")
    lines += [
        "## Mixed batches",
        "",
        f"Each batch: {HOSTILE_PER_BATCH} hostile inputs drawn at random (seeded) from those "
        f"that finished alone within {BATCH_SKIP_CPU_S:.0f} s of CPU and need no dropped "
        "privileges, "
        "plus fresh copies of the 9 example files (11 articles) and the 5 seed pages, all given "
        f"on one command line in shuffled order; timeout {BATCH_TIMEOUT_S:.0f} s of CPU.",
        "",
        "| batch | inputs | exit | wall s | CPU s | peak RSS MB | articles | errors | problems |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for b in batches:
        lines.append(
            f"| {b.name} | {b.note} | {b.returncode} | {b.wall_s:.0f} | {b.cpu_s:.0f} | "
            f"{_mb(b.peak_rss_bytes)} | {b.articles} | {b.errors} | {_problem(b) or 'none'} |"
        )
    lines.append("")
    path.write_text("\n".join(lines), encoding="utf-8")


def _load() -> str:
    return " ".join(f"{x:.1f}" for x in os.getloadavg())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--scale", choices=["full", "small"], default="full")
    parser.add_argument("--kinds", nargs="*", help="only these kinds")
    parser.add_argument("--only", help="only this input (e.g. zip_bomb-002)")
    parser.add_argument("--timeout", type=float, default=TIMEOUT_S)
    parser.add_argument("--batches", type=int, default=6)
    parser.add_argument("--jobs", type=int, default=1, help="inputs run at once")
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results_fuzz.md")
    parser.add_argument("--keep", action="store_true", help="keep the corpus folder")
    parser.add_argument(
        "--raw", type=Path, help="append every outcome here as a JSON line, as it comes"
    )
    parser.add_argument(
        "--resume", action="store_true", help="reuse the outcomes already in --raw; run the rest"
    )
    args = parser.parse_args(argv)
    scale = fz.FULL if args.scale == "full" else fz.SMALL
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(128 + signal.SIGTERM))  # runs `finally`
    kinds = args.kinds or ([args.only.rsplit("-", 1)[0]] if args.only else None)
    started = datetime.now(UTC).strftime("%Y-%m-%d %H:%M")
    load_start = _load()
    t0 = time.monotonic()
    work = Path(tempfile.mkdtemp(prefix="khabar-fuzz-"))
    work.chmod(0o755)
    try:
        inputs = fz.build_corpus(work / "corpus", scale, kinds=kinds)
        if args.only:
            inputs = [i for i in inputs if i.name == args.only]
        print(
            f"{len(inputs)} inputs of {len({i.kind for i in inputs})} kinds in {work}",
            file=sys.stderr,
        )
        done = 0
        known: dict[str, Outcome] = {}
        if args.resume and args.raw and args.raw.exists():
            for line in args.raw.read_text(encoding="utf-8").splitlines():
                known[json.loads(line)["name"]] = Outcome(**json.loads(line))
        elif args.raw:
            args.raw.write_text("", encoding="utf-8")

        def one(inp: fz.FuzzInput) -> Outcome:
            nonlocal done
            if inp.name in known:
                done += 1
                return known[inp.name]
            o = run_input(inp, work, args.timeout)
            if args.raw:
                with open(args.raw, "a", encoding="utf-8") as fh:
                    fh.write(json.dumps(asdict(o), ensure_ascii=False) + "\n")
            done += 1
            print(
                f"[{done}/{len(inputs)}] {inp.name}: exit {o.returncode} {o.wall_s:.1f}s "
                f"cpu {o.cpu_s:.1f}s {_mb(o.peak_rss_bytes)}MB {_problem(o) or 'ok'}",
                file=sys.stderr,
                flush=True,
            )
            return o

        with ThreadPoolExecutor(max_workers=args.jobs) as pool:
            outcomes = list(pool.map(one, inputs))
        calm = [
            i
            for i, o in zip(inputs, outcomes, strict=True)
            if not i.drop_privileges and o.cpu_s <= BATCH_SKIP_CPU_S and not o.timed_out
        ]
        rng = random.Random(15)
        batches = []
        for b in range(args.batches if len(calm) >= HOSTILE_PER_BATCH else 0):
            hostile = rng.sample(calm, HOSTILE_PER_BATCH)
            o = run_batch(b + 1, hostile, work, BATCH_TIMEOUT_S)
            o.note += " (" + ", ".join(i.name for i in hostile) + ")"
            batches.append(o)
            print(
                f"batch {b + 1}: exit {o.returncode} {o.wall_s:.0f}s {o.articles} articles "
                f"{_problem(o) or 'ok'}",
                file=sys.stderr,
                flush=True,
            )
        if args.raw:
            with open(args.raw, "a", encoding="utf-8") as fh:
                for o in batches:
                    fh.write(json.dumps(asdict(o), ensure_ascii=False) + "\n")
        if not args.only:
            write_report(
                args.out,
                outcomes,
                batches,
                args,
                started,
                (load_start, _load()),
                time.monotonic() - t0,
            )
            print(f"wrote {args.out}", file=sys.stderr)
        bad = [o for o in outcomes + batches if _problem(o)]
        return 1 if bad else 0
    finally:
        for pid in list(_RUNNING):
            os.killpg(pid, signal.SIGKILL)
        if args.keep:
            print(f"kept {work}", file=sys.stderr)
        else:
            fz.restore_permissions(work)
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
