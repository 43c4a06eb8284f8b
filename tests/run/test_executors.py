"""Executors: results in input order, bounded submission, backends chosen by name, no orphaned
pool workers."""

from __future__ import annotations

import builtins
import functools
import multiprocessing
import multiprocessing.forkserver
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from khabar.errors import ConfigError, MissingExtraError
from khabar.run import make_executor
from khabar.run.base import chunked, in_order
from khabar.run.dask_executor import DaskExecutor
from khabar.run.local import LocalExecutor

ROOT = Path(__file__).resolve().parents[2]

ORPHAN_GRACE_S = 10.0
"""Seconds the pool workers of a killed parent may take to end (they look every half second;
a loaded machine can delay the look)."""


def _square(x: int) -> int:
    return x * x


def _slow_for_small(x: int) -> int:
    """Finishes later for small inputs, so completion order differs from input order."""
    import time

    time.sleep(0.02 * (5 - x % 5))
    return -x


def test_chunked_splits_a_stream_lazily_keeping_the_tail() -> None:
    assert list(chunked(range(7), 3)) == [[0, 1, 2], [3, 4, 5], [6]]
    assert list(chunked([], 3)) == []
    with pytest.raises(ValueError, match="at least 1"):
        list(chunked([1], 0))


def test_in_order_keeps_at_most_window_items_submitted_ahead() -> None:
    submitted: list[int] = []
    results = in_order(lambda x: submitted.append(x) or x, lambda f: f, range(10), window=3)
    first = next(results)
    assert first == 0 and submitted == [0, 1, 2]
    assert list(results) == list(range(1, 10))


def test_local_executor_in_process_maps_in_order() -> None:
    with LocalExecutor() as ex:
        assert list(ex.map(_square, range(6))) == [0, 1, 4, 9, 16, 25]


def test_local_executor_pool_returns_results_in_input_order() -> None:
    with make_executor("local", workers=2) as ex:
        assert list(ex.map(_slow_for_small, range(12))) == [-x for x in range(12)]


def test_local_executor_pool_reraises_the_worker_error() -> None:
    with LocalExecutor(workers=2) as ex, pytest.raises(ZeroDivisionError):
        list(ex.map(functools.partial(divmod, 1), [1, 0]))


def _mark_started(folder: str) -> None:
    """A pool setup: leave a file named after this worker process."""
    with open(os.path.join(folder, str(os.getpid())), "a", encoding="ascii") as fh:
        fh.write("started\n")


_SETUP_RAN_IN: list[int] = []
"""Processes in which :func:`_note_setup` ran, as seen by the process reading it."""


def _note_setup() -> None:
    _SETUP_RAN_IN.append(os.getpid())


def _setup_seen(_: int) -> tuple[tuple[int, ...], int]:
    time.sleep(0.2)  # long enough for both workers to take a task
    return tuple(_SETUP_RAN_IN), os.getpid()


def test_prepared_pool_gives_every_worker_the_setup_before_any_task() -> None:
    with LocalExecutor(workers=2) as ex:
        ex.prepare(_note_setup)
        seen = list(ex.map(_setup_seen, range(8)))
    workers = {pid for _, pid in seen}
    assert len(workers) == 2 and all(len(ran) == 1 for ran, _ in seen)
    if "forkserver" in multiprocessing.get_all_start_methods():
        # run once, in the fork server, before the workers were forked from it
        assert len({ran for ran, _ in seen}) == 1 and not workers & set(seen[0][0])
    else:  # spawned: once in each worker
        assert all(ran == (pid,) for ran, pid in seen)


def test_a_pool_started_while_another_runs_spawns_workers_that_run_the_setup() -> None:
    with LocalExecutor(workers=2) as first, LocalExecutor(workers=2) as second:
        first.prepare(_note_setup)
        second.prepare(_note_setup)
        seen = list(second.map(_setup_seen, range(4))) + list(first.map(_setup_seen, range(4)))
    assert all(len(ran) == 1 for ran, _ in seen)


def test_without_the_private_fork_server_workers_are_spawned_and_run_the_setup(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # a Python whose multiprocessing.forkserver lays its one server out otherwise
    monkeypatch.delattr(multiprocessing.forkserver, "_forkserver", raising=False)
    with LocalExecutor(workers=2) as ex:
        ex.prepare(_note_setup)
        seen = list(ex.map(_setup_seen, range(8)))
    assert {pid for _, pid in seen} and all(ran == (pid,) for ran, pid in seen)


def _pid_after_a_pause(_: int) -> int:
    time.sleep(0.2)  # long enough for both workers to take a task
    return os.getpid()


def test_prepare_starts_nothing_in_process(tmp_path: Path) -> None:
    with LocalExecutor(workers=1) as ex:
        ex.prepare(functools.partial(_mark_started, str(tmp_path)))
        assert list(ex.map(_square, [3])) == [9]
    assert not list(tmp_path.iterdir())


def test_make_executor_rejects_unknown_names() -> None:
    with pytest.raises(ConfigError, match="local, dask"):
        make_executor("spark")


def test_dask_executor_without_the_extra_names_the_install_command(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    real_import = builtins.__import__

    def no_dask(name: str, *args: Any, **kwargs: Any) -> Any:
        if name == "dask" or name.startswith("dask."):
            raise ImportError(f"No module named {name!r}")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_dask)
    with pytest.raises(MissingExtraError, match=r"khabar\[dask\]"):
        list(DaskExecutor(workers=1).map(_square, [1]))


def test_only_a_one_worker_local_executor_runs_in_process() -> None:
    assert LocalExecutor(workers=1).in_process
    assert not LocalExecutor(workers=2).in_process
    assert not DaskExecutor(workers=2).in_process  # no cluster is started by asking


POOL_SCRIPT = """
import os, sys, time
from khabar.run.local import LocalExecutor

def pid(_):
    time.sleep(0.3)  # long enough for both workers to take a task
    return os.getpid()

if __name__ == "__main__":
    ex = LocalExecutor(workers=2)
    pids = set(ex.map(pid, range(8)))
    print(" ".join(map(str, sorted(pids))), flush=True)
    time.sleep(600)
"""


def _alive(pid: int) -> bool:
    """True while ``pid`` runs (a zombie waiting to be reaped counts as gone)."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as handle:
            return handle.read().rsplit(")", 1)[1].split()[0] not in ("Z", "X")
    except FileNotFoundError:
        return False


@pytest.mark.skipif(not os.path.isdir("/proc"), reason="reads process states from /proc")
def test_pool_workers_do_not_outlive_a_killed_parent(tmp_path: Path) -> None:
    script = tmp_path / "pool.py"
    script.write_text(POOL_SCRIPT, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    parent = subprocess.Popen(
        [sys.executable, str(script)],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,  # the killed parent's resource tracker warns of leaks
        text=True,
        env=env,
        cwd=tmp_path,
    )
    try:
        line = parent.stdout.readline()  # type: ignore[union-attr]
        workers = [int(p) for p in line.split()]
        assert len(workers) == 2 and all(_alive(p) for p in workers)
    finally:
        parent.kill()  # SIGKILL: the parent gets no chance to shut its pool down
        parent.wait()
    deadline = time.monotonic() + ORPHAN_GRACE_S
    while any(_alive(p) for p in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    left = [p for p in workers if _alive(p)]
    for pid in left:  # do not leave them behind when the test fails
        os.kill(pid, signal.SIGKILL)
    assert not left, f"pool workers {left} outlived their killed parent"


WHERE_SCRIPT = """
import functools
from khabar.run.local import LocalExecutor

def where(_):
    import khabar
    return khabar.__file__

if __name__ == "__main__":
    import khabar
    with LocalExecutor(workers=2) as ex:
        ex.prepare(functools.partial(print, end=""))
        print(khabar.__file__, *set(ex.map(where, range(4))))
"""


def test_pool_workers_import_the_parents_khabar_not_one_in_the_current_folder(
    tmp_path: Path,
) -> None:
    (tmp_path / "khabar").mkdir()
    (tmp_path / "khabar" / "__init__.py").write_text("DECOY = True\n", encoding="utf-8")
    (tmp_path / "scripts").mkdir()
    script = tmp_path / "scripts" / "where.py"
    script.write_text(WHERE_SCRIPT, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, str(script)],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        cwd=tmp_path,
        check=True,
    )
    files = done.stdout.split()
    assert len(set(files)) == 1 and files[0] == str(ROOT / "khabar" / "__init__.py")
