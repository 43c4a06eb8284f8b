"""The local executor: in-process, or a pool of worker processes when ``workers > 1``.

Where the platform has fork servers (Linux, macOS), a pool prepared with a setup forks its
workers from a fork server started for it, in which the setup has already run
(:data:`PRELOAD_MODULE`): the annotator is loaded once per pool, not once per worker.
Elsewhere, or when another pool of this process is running, workers are spawned and each runs
the setup as it starts.
"""

from __future__ import annotations

import base64
import concurrent.futures
import multiprocessing
import multiprocessing.context
import multiprocessing.forkserver
import os
import pickle
import sys
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from typing import TypeVar

from khabar.run.base import IN_FLIGHT_PER_WORKER, Executor, in_order, resolve_workers

T = TypeVar("T")
R = TypeVar("R")

PARENT_POLL_S = 0.5
"""Seconds between a pool worker's looks at whether the process that started it is still there.
A killed parent (``kill -9``) cannot shut its pool down, and a worker waiting for tasks would
wait forever; this bounds how long it outlives the parent, at the cost of one wake-up."""

PRELOAD_MODULE = "khabar.run.preload"
"""The module a pool's fork server imports as it starts: it runs the setup found in
:data:`SETUP_ENV` (imported by name only, never by khabar itself)."""

SETUP_ENV = "KHABAR_POOL_SETUP"
"""Environment variable holding the pool's pickled setup (base64) while its fork server starts."""

ORPHAN_EXIT_CODE = 3
"""Exit status of a pool worker that ended because its parent was gone."""


def _exists(pid: int) -> bool:
    try:
        os.kill(pid, 0)  # signal 0: nothing is sent, only whether the process is there
    except ProcessLookupError:
        return False
    except PermissionError:  # there, owned by someone else (the pid was reused)
        return False
    return True


def _watch_parent(owner: int) -> None:
    """Run in each pool worker as it starts: end the worker once ``owner`` (the process that
    made the pool) has died. A spawned worker's parent is the owner; a forked one's is the fork
    server, which ends with the owner. Either way the worker is then re-parented, so its parent
    pid changes; the owner's own pid is watched too."""
    parent = os.getppid()

    def watch() -> None:
        while os.getppid() == parent and _exists(owner):
            time.sleep(PARENT_POLL_S)
        os._exit(ORPHAN_EXIT_CODE)  # no clean-up to do: the parent that wanted results is gone

    threading.Thread(target=watch, name="khabar-parent-watch", daemon=True).start()


def _start_worker(owner: int, setup: Callable[[], object] | None) -> None:
    """Run in each pool worker as it starts: watch the owner, then the executor's setup unless
    the fork server the worker came from has run it."""
    _watch_parent(owner)
    preloaded = getattr(sys.modules.get(PRELOAD_MODULE), "done", False)
    if setup is not None and not preloaded:
        setup()


_servers = threading.Lock()
"""Held while a pool's fork server is started or stopped, and the count of pools changes."""
_pools_running = 0
"""Pools of this process with live workers; a fork server is started or stopped only at 0."""


def _forkserver_with(setup: Callable[[], object]) -> multiprocessing.context.BaseContext | None:
    """Start a fresh fork server that runs ``setup`` before forking any worker; its context,
    or None where there are no fork servers or one is serving a running pool of ours."""
    if "forkserver" not in multiprocessing.get_all_start_methods() or _pools_running:
        return None
    # the module's one server and its preload list are private: where a Python lays them out
    # otherwise, workers are spawned and run the setup themselves
    server = getattr(multiprocessing.forkserver, "_forkserver", None)
    previous = getattr(server, "_preload_modules", None)
    if server is None or previous is None:
        return None
    previous = list(previous)
    _stop_forkserver()  # a server left from an earlier pool ran another setup
    saved = {k: os.environ.get(k) for k in (SETUP_ENV, "PYTHONPATH", "PYTHONSAFEPATH")}
    try:
        os.environ[SETUP_ENV] = base64.b64encode(pickle.dumps(setup)).decode("ascii")
        # the server imports the preload module, and with it khabar: from this process's
        # path, without the current folder that ``python -c`` would put first (a source tree
        # there would be imported instead of this process's khabar)
        os.environ["PYTHONPATH"] = os.pathsep.join(p for p in sys.path if p)
        os.environ["PYTHONSAFEPATH"] = "1"
        server.set_forkserver_preload([PRELOAD_MODULE])
        server.ensure_running()
    except Exception:  # no fork server (an unpicklable setup, say): spawned workers run it
        return None
    finally:
        server.set_forkserver_preload(previous)
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
    return multiprocessing.get_context("forkserver")


def _stop_forkserver() -> None:
    """Stop this process's fork server (and free what its setup loaded), if one runs."""
    stop = getattr(getattr(multiprocessing.forkserver, "_forkserver", None), "_stop", None)
    if stop is not None:
        stop()


def _started() -> None:
    """A task that does nothing: submitting one per worker makes the pool start them all."""


class LocalExecutor(Executor):
    """Runs work in this process (``workers == 1``) or in a process pool of ``workers``.

    Pool workers are spawned (fresh interpreters), so a script that uses ``workers > 1`` must
    keep its top-level code under ``if __name__ == "__main__":``. Workers end by themselves
    within :data:`PARENT_POLL_S` when the process that started them dies, even by ``kill -9``.
    """

    name = "local"

    def __init__(self, workers: int = 1) -> None:
        self.workers = resolve_workers(workers)
        self._pool: concurrent.futures.ProcessPoolExecutor | None = None
        self._server = False

    def _ensure_pool(
        self, setup: Callable[[], object] | None = None
    ) -> concurrent.futures.ProcessPoolExecutor:
        global _pools_running
        if self._pool is None:
            with _servers:
                # Workers get a clean interpreter, no inherited locks or open databases: forked
                # from a fresh fork server that has run the setup, or spawned.
                context = _forkserver_with(setup) if setup is not None else None
                self._server = context is not None
                self._pool = concurrent.futures.ProcessPoolExecutor(
                    max_workers=self.workers,
                    mp_context=context or multiprocessing.get_context("spawn"),
                    initializer=_start_worker,
                    initargs=(os.getpid(), setup),
                )
                _pools_running += 1
        return self._pool

    def prepare(self, setup: Callable[[], object] | None = None) -> None:
        """Start the pool's workers now, each running ``setup`` once as it starts (nothing
        in-process, or when the pool is already running)."""
        if self.workers <= 1 or self._pool is not None:
            return
        pool = self._ensure_pool(setup)
        for _ in range(self.workers):
            pool.submit(_started)  # the pool starts a worker for each task none is free for

    @property
    def in_process(self) -> bool:
        """True with one worker: ``map`` then calls the function here."""
        return self.workers <= 1

    def map(self, fn: Callable[[T], R], items: Iterable[T]) -> Iterator[R]:
        """Yield ``fn(item)`` for every item, in order."""
        if self.workers <= 1:
            return map(fn, items)
        pool = self._ensure_pool()
        return in_order(
            lambda item: pool.submit(fn, item),
            lambda future: future.result(),
            items,
            window=self.workers * IN_FLIGHT_PER_WORKER,
        )

    def close(self) -> None:
        """Shut the process pool down, if one was started, and the fork server started for it
        (with whatever its setup loaded)."""
        global _pools_running
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None
            with _servers:
                _pools_running -= 1
                if self._server and not _pools_running:
                    _stop_forkserver()
                self._server = False

    def __repr__(self) -> str:
        return f"LocalExecutor(workers={self.workers})"
