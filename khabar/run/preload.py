"""Imported by a pool's fork server as it starts: runs the pool's setup there, once.

The local pool's workers are forked from a fork server, a fresh interpreter started for the pool
(no locks or databases inherited from the caller). :class:`~khabar.run.local.LocalExecutor`
hands the server its setup (say, loading the annotator: 3-5 CPU s for the bundled tagger) in
the environment variable ``KHABAR_POOL_SETUP``; run here before any worker exists, what it loads
is in every worker from the start instead of being loaded again in each.

Nothing in khabar imports this module (the fork server does, by name), so by the time it runs,
every package the setup needs can be imported whole.
"""

from __future__ import annotations

import base64
import gc
import os
import pickle

SETUP_ENV = "KHABAR_POOL_SETUP"
"""Environment variable holding the pickled setup (base64) while the fork server starts (the
same name as ``khabar.run.local.SETUP_ENV``)."""

done = False
"""True in the fork server and its workers once the setup has run here without error."""


def _run_setup() -> None:
    global done
    blob = os.environ.pop(SETUP_ENV, None)
    if not blob:
        return
    try:
        setup = pickle.loads(base64.b64decode(blob))
        setup()
    except Exception:  # each worker runs the setup itself and reports what breaks it
        return
    # what the setup loaded lives as long as the workers: frozen out of the collector's scans,
    # which would otherwise touch (and so copy) its memory pages in every forked worker
    gc.freeze()
    done = True


_run_setup()
