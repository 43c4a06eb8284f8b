#!/usr/bin/env bash
# Sets khabar up on a fresh clone with its test dependencies and runs the whole test suite.
# Extra arguments go to pytest (e.g. `scripts/test.sh tests/read -x`).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh dev,web,dask
bash scripts/install_browser.sh .venv/bin/python
.venv/bin/ruff check khabar tests scripts benchmarks
.venv/bin/python -m pytest -q "$@"
