"""The ``khabar`` command: a thin layer that parses options and calls library functions."""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import signal
import sys
import threading
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from khabar import __version__
from khabar.config import Config, load_config
from khabar.errors import ConfigError, KhabarError
from khabar.model import Dossier, Failure

EXIT_OK = 0
EXIT_ERROR = 1
"""khabar could not do what was asked (a broken config, an unusable store), or an input named
nothing or could not be fetched (the other inputs were still analysed)."""
EXIT_USAGE = 2
"""The command line was wrong (argparse uses the same code)."""
EXIT_INTERRUPTED = 130
"""Stopped by Ctrl-C (128 + SIGINT, the shell's habit)."""
EXIT_TERMINATED = 128 + signal.SIGTERM
"""Stopped by SIGTERM (128 + 15)."""


class _Terminated(KeyboardInterrupt):
    """SIGTERM, raised in the main thread so that it unwinds like Ctrl-C: temporary files are
    removed, the store's run is marked failed and its lock released, workers are shut down."""


def _raise_terminated(signum: int, frame: object) -> None:
    raise _Terminated


def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = -1.0
    if not value >= 0:  # also refuses nan
        raise argparse.ArgumentTypeError(f"not a number of seconds (0 or more): {text!r}")
    return value


_UNITS = {
    "read": "input",
    "annotate": "page",
    "entities": "article",
    "events": "article",
    "claims": "article",
    "summaries": "event",
}
"""What each stage counts, for the progress bar."""

PROGRESS_REFRESH_S = 0.5
"""How often the current bar is redrawn while its stage works between two counts, so that its
elapsed time (and rate) stay live instead of freezing until the next count."""


class _Progress:
    """A progress bar per stage on stderr (tqdm), or nothing when quiet."""

    def __init__(self, quiet: bool, live: bool | None = None) -> None:
        self.quiet = quiet
        self.live = sys.stderr.isatty() if live is None else live
        """Whether bars are redrawn between counts (on a terminal; a log would fill up)."""
        self._bars: dict[str, object] = {}
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._ticker: threading.Thread | None = None

    def __call__(self, stage: str, done: int, total: int | None) -> None:
        if self.quiet:
            return
        from tqdm import tqdm

        with self._lock:
            bar = self._bars.get(stage)
            if bar is None:
                for other in self._bars.values():
                    other.close()  # type: ignore[attr-defined]
                unit = _UNITS.get(stage, "step")
                bar = tqdm(total=total, desc=f"{stage:>9}", unit=unit, file=sys.stderr, leave=False)
                self._bars = {stage: bar}
            bar.total = total  # type: ignore[attr-defined]
            bar.n = done  # type: ignore[attr-defined]
            bar.refresh()  # type: ignore[attr-defined]
        if self._ticker is None and self.live:
            self._ticker = threading.Thread(target=self._tick, name="khabar-progress", daemon=True)
            self._ticker.start()

    def _tick(self) -> None:
        while not self._stop.wait(PROGRESS_REFRESH_S):
            self.redraw()

    def redraw(self) -> None:
        """Draw the current bar again (its elapsed time and rate move on)."""
        with self._lock:
            for bar in self._bars.values():
                bar.refresh()  # type: ignore[attr-defined]

    def close(self) -> None:
        self._stop.set()
        if self._ticker is not None:
            self._ticker.join()
            self._ticker = None
        with self._lock:
            for bar in self._bars.values():
                bar.close()  # type: ignore[attr-defined]
            self._bars = {}


def _count(n: int, one: str, many: str) -> str:
    """``1 story``, ``3 stories``."""
    return f"{n} {one if n == 1 else many}"


def _config(args: argparse.Namespace) -> Config:
    return load_config(args.config)


def cmd_analyze(args: argparse.Namespace) -> int:
    """``khabar analyze PATH... --out DIR``."""
    from khabar.pipeline import analyze, missing_paths, not_fetched

    config = _with_run_options(_config(args), args)
    missing = missing_paths(args.paths)
    progress = _Progress(args.quiet)
    try:
        dossier = analyze(args.paths, config, progress)
    finally:
        progress.close()
    written = _write(dossier, args)
    if not args.quiet:
        counts = (
            (len(dossier.articles), "article", "articles"),
            (len(dossier.events), "event", "events"),
            (len(dossier.stories), "story", "stories"),
            (len(dossier.claims), "claim", "claims"),
            (len(dossier.errors), "input not analysed", "inputs not analysed"),
        )
        print(", ".join(_count(*c) for c in counts), file=sys.stderr)
        for failure in dossier.errors:
            print(f"  not analysed: {failure.source}: {failure.error}", file=sys.stderr)
    _print_written(written)
    return _unread_inputs(missing, not_fetched(dossier.errors))


def _unread_inputs(missing: Sequence[str], unfetched: Sequence[Failure]) -> int:
    """Name on stderr the inputs that named nothing or could not be fetched; the exit code."""
    from khabar.read.names import display_source

    for path in missing:
        print(f"khabar: {display_source(path)}: no such file or directory", file=sys.stderr)
    for failure in unfetched:
        print(f"khabar: {failure.source}: {failure.error}", file=sys.stderr)
    if missing or unfetched:
        print("khabar: the other inputs were analysed", file=sys.stderr)
        return EXIT_ERROR
    return EXIT_OK


def _formats(text: str) -> list[str]:
    """``--format`` values: names separated by commas; ``all`` for every format."""
    from khabar.report.write import FORMATS

    names = [n.strip().lower() for n in text.split(",") if n.strip()]
    if "all" in names:
        return list(FORMATS)
    unknown = [n for n in names if n not in FORMATS]
    if unknown or not names:
        raise argparse.ArgumentTypeError(
            f"unknown format {', '.join(unknown) or repr(text)}; choose from "
            f"{', '.join(FORMATS)} or all"
        )
    return names


def _write(dossier: Dossier, args: argparse.Namespace) -> list[Path]:
    """Write the formats ``--format`` asked for (the dossier's JSON and HTML by default)."""
    from khabar.report.write import DEFAULT_FORMATS, write_outputs

    chosen = [name for names in args.format for name in names] if args.format else None
    return write_outputs(dossier, Path(args.out), chosen or DEFAULT_FORMATS)


def _print_written(paths: Sequence[Path]) -> None:
    """Name each written file on stdout, one a line."""
    for path in paths:
        print(path)


def _format_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--format",
        type=_formats,
        action="append",
        metavar="FORMATS",
        help="what to write, comma-separated or repeated: json and html (the dossier, the "
        "default), csv (articles.csv, events.csv, claims.csv, contradictions.csv), jsonl "
        "(articles.jsonl, clean articles with trafilatura's field names), svg (timeline.svg), "
        "or all",
    )


def _with_run_options(config: Config, args: argparse.Namespace) -> Config:
    """Apply ``--executor``, ``--scheduler`` and ``--workers`` over the config's ``[run]``."""
    changes: dict[str, object] = {}
    if getattr(args, "executor", None):
        changes["executor"] = args.executor
    if getattr(args, "scheduler", None):
        changes["scheduler"] = args.scheduler
        changes.setdefault("executor", "dask")
    if getattr(args, "workers", None) is not None:  # 0 (every core) counts
        if args.workers < 0:
            raise ConfigError("--workers must be 0 (one per core) or more")
        changes["workers"] = args.workers
    if not changes:
        return config
    return dataclasses.replace(config, run=dataclasses.replace(config.run, **changes))


def cmd_add(args: argparse.Namespace) -> int:
    """``khabar add PATH... --db FILE``: add new pages to a store."""
    from khabar.pipeline import missing_paths
    from khabar.store import add_paths

    config = _with_run_options(_config(args), args)
    missing = missing_paths(args.paths)
    progress = _Progress(args.quiet)
    try:
        report = add_paths(args.db, args.paths, config, progress, **_wait(args))
    finally:
        progress.close()
    print(
        f"added {report.added}, already stored {report.skipped_duplicates}, "
        f"not analysed {report.failed}; events and claims updated over "
        f"{report.recomputed} articles; the store holds {report.articles_total} articles "
        f"in {report.events_total} events ({args.db})"
    )
    return _unread_inputs(missing, ())


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not an ISO date (YYYY-MM-DD): {text!r}") from exc


def cmd_dossier(args: argparse.Namespace) -> int:
    """``khabar dossier --db FILE --out DIR``: write the dossier of a store (or part of it)."""
    from khabar.store import DossierFilter, export_dossier

    filters = DossierFilter(
        story=args.story, entity=args.entity, since=args.since, until=args.until
    )
    dossier = export_dossier(args.db, filters, _config(args))
    _print_written(_write(dossier, args))
    return EXIT_OK


def cmd_watch(args: argparse.Namespace) -> int:
    """``khabar watch DIR --db FILE``: add files to a store as they appear."""
    from khabar.store import watch

    def report(result: object, files: list[Path]) -> None:
        if not args.quiet:
            added = getattr(result, "added", 0)
            print(f"{len(files)} new file(s): {added} article(s) added", file=sys.stderr)

    if not Path(args.folder).is_dir():
        print(f"khabar: {args.folder}: not a folder", file=sys.stderr)
        return EXIT_USAGE
    if not args.quiet:
        print(f"watching {args.folder} (Ctrl-C to stop)", file=sys.stderr)
    with contextlib.suppress(KeyboardInterrupt):
        watch(
            args.folder,
            args.db,
            _config(args),
            interval_s=args.interval,
            on_add=report,
            **_wait(args),
        )
    return EXIT_OK


def cmd_serve(args: argparse.Namespace) -> int:
    """``khabar serve``: the web app."""
    from khabar.web import serve

    serve(args.host, args.port, args.data, _config(args), token_file=args.token_file)
    return EXIT_OK


def cmd_tag_entities(args: argparse.Namespace) -> int:
    """``khabar tag-entities FILE``: CoNLL in, ``token<TAB>tag`` out."""
    from khabar.entities import load_tagger, tag_conll
    from khabar.entities.conll import REPEAT_BLOCK_SENTENCES, input_scheme

    config = _config(args)
    tagger = load_tagger(config.entities)
    block = REPEAT_BLOCK_SENTENCES if args.block is None else args.block
    if block < 0:
        print(f"khabar: --block must be 0 or more, not {block}", file=sys.stderr)
        return EXIT_USAGE
    if args.file == "-":
        lines: list[str] = list(sys.stdin) if args.scheme == "input" else []
        scheme = input_scheme(lines) if args.scheme == "input" else args.scheme
        for line in tag_conll(lines or sys.stdin, tagger, block, scheme):
            sys.stdout.write(line + "\n")
        return EXIT_OK
    path = Path(args.file)
    if not path.is_file():
        print(f"khabar: {path}: no such file", file=sys.stderr)
        return EXIT_USAGE
    scheme = args.scheme
    if scheme == "input":
        with path.open(encoding="utf-8-sig", errors="replace") as handle:
            scheme = input_scheme(handle)
    with path.open(encoding="utf-8-sig", errors="replace") as handle:
        for line in tag_conll(handle, tagger, block, scheme):
            sys.stdout.write(line + "\n")
    return EXIT_OK


def _run_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--executor",
        choices=("local", "dask"),
        help="where per-page stages and clustering's candidate search run (local)",
    )
    parser.add_argument(
        "--scheduler", metavar="ADDRESS", help="a running Dask scheduler (implies --executor dask)"
    )
    parser.add_argument(
        "--workers",
        type=int,
        metavar="N",
        help="worker processes for the per-page stages (default 1: in-process; 0: one per "
        "core; a pool only for [run] pool_min_pages pages or more)",
    )


def _wait_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--wait",
        type=_seconds,
        metavar="SECONDS",
        help="how long to wait while another khabar process writes the store before giving "
        "up (default: khabar.store.LOCK_TIMEOUT_S, ten minutes)",
    )


def _wait(args: argparse.Namespace) -> dict[str, float]:
    """``lock_timeout_s`` for the store functions when ``--wait`` was given (else their own)."""
    return {} if args.wait is None else {"lock_timeout_s": args.wait}


_PATH_HELP = (
    "file, folder, glob or archive (HTML, text, JSON Lines, JSON, CSV with a header row, zip, "
    "WARC); - for standard input; an http(s) address of a page, an RSS / Atom feed or a "
    "sitemap (fetched politely: robots.txt, a pause between requests, a size limit)"
)


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the ``khabar`` command."""
    parser = argparse.ArgumentParser(
        prog="khabar",
        description="Arabic-first news-story intelligence: pages in, a dossier out.",
    )
    parser.add_argument("--version", action="version", version=f"khabar {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--config", metavar="FILE", help="a TOML file overriding defaults")
    common.add_argument("-q", "--quiet", action="store_true", help="no progress output")

    p = sub.add_parser(
        "analyze",
        parents=[common],
        help="analyse pages (files, folders, globs, archives, CSV exports, web addresses and "
        "feeds, - for standard input) into a dossier",
        description="Analyse pages into DIR/dossier.json and DIR/dossier.html (or the files "
        "--format names).",
    )
    p.add_argument("paths", nargs="+", metavar="PATH", help=_PATH_HELP)
    p.add_argument("-o", "--out", required=True, metavar="DIR", help="output folder")
    _format_option(p)
    _run_options(p)
    p.set_defaults(func=cmd_analyze)

    p = sub.add_parser(
        "add",
        parents=[common],
        help="add pages to a store; already stored pages are skipped",
        description="Add new pages to the store FILE (SQLite), attach them to existing events "
        "or start new ones, and bring entities, events, stories and claims up to date.",
    )
    p.add_argument("paths", nargs="+", metavar="PATH", help=_PATH_HELP)
    p.add_argument("--db", required=True, metavar="FILE", help="the store (created if absent)")
    _wait_option(p)
    _run_options(p)
    p.set_defaults(func=cmd_add)

    p = sub.add_parser(
        "dossier",
        parents=[common],
        help="write the dossier of a store, optionally one story, entity or date range",
        description="Write DIR/dossier.json and DIR/dossier.html from the store FILE.",
    )
    p.add_argument("--db", required=True, metavar="FILE", help="the store")
    p.add_argument("-o", "--out", required=True, metavar="DIR", help="output folder")
    p.add_argument("--story", metavar="ID", help="only this story's events")
    p.add_argument("--entity", metavar="ID", help="only articles mentioning this entity")
    p.add_argument("--since", type=_date, metavar="YYYY-MM-DD", help="published on or after")
    p.add_argument("--until", type=_date, metavar="YYYY-MM-DD", help="published on or before")
    _format_option(p)
    p.set_defaults(func=cmd_dossier)

    p = sub.add_parser(
        "watch",
        parents=[common],
        help="add files to a store as they appear in a folder",
        description="Poll DIR and add each new file to the store once its size is stable.",
    )
    p.add_argument("folder", metavar="DIR")
    p.add_argument("--db", required=True, metavar="FILE", help="the store (created if absent)")
    p.add_argument(
        "--interval", type=float, default=2.0, metavar="SECONDS", help="polling interval"
    )
    _wait_option(p)
    p.set_defaults(func=cmd_watch)

    p = sub.add_parser(
        "serve",
        parents=[common],
        help="run the web app (needs the [web] extra)",
        description="Upload pages or point at a folder under [web] folder_roots, follow the "
        "analysis, read dossiers. Beyond 127.0.0.1 a token is required (--token-file, "
        "$KHABAR_TOKEN or [web] token).",
    )
    p.add_argument(
        "--host",
        default="127.0.0.1",
        help="address to listen on (127.0.0.1; any other needs a token)",
    )
    p.add_argument("--port", type=int, default=8000, help="port (8000)")
    p.add_argument("--data", default="khabar-data", metavar="DIR", help="where jobs are kept")
    p.add_argument(
        "--token-file",
        metavar="FILE",
        help="file holding the token every request must carry (else $KHABAR_TOKEN, else "
        "[web] token)",
    )
    p.set_defaults(func=cmd_serve)

    p = sub.add_parser(
        "tag-entities",
        parents=[common],
        help="tag a CoNLL file (one token a line) with BIO entity tags",
        description="Read CoNLL (token per line, blank line between sentences; columns "
        "tab-separated or, as in ANERcorp, space-separated; extra columns ignored) and write "
        "token<TAB>BIO-tag.",
    )
    p.add_argument("file", metavar="FILE", help="CoNLL file, or - for standard input")
    p.add_argument(
        "--block",
        type=int,
        default=None,
        metavar="N",
        help="tag names found in a block of N sentences (cut at -DOCSTART-) again where the "
        "tagger missed them within it (default: about an article, 20; 0: each sentence alone)",
    )
    p.add_argument(
        "--scheme",
        choices=("khabar", "anercorp", "input"),
        default="khabar",
        help="tag names to write: khabar's PER/LOC/ORG/MISC (default), ANERcorp's (PERS for "
        "people), or input: those of the input's own tag column (PERS if it uses PERS)",
    )
    p.set_defaults(func=cmd_tag_entities)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    previous = signal.signal(signal.SIGTERM, _raise_terminated)
    try:
        return int(args.func(args))
    except KhabarError as exc:
        print(f"khabar: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except _Terminated:
        print("khabar: terminated", file=sys.stderr)
        return EXIT_TERMINATED
    except KeyboardInterrupt:
        print("khabar: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    finally:
        signal.signal(signal.SIGTERM, previous)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
