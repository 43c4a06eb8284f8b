#!/usr/bin/env bash
# Installs what the web and real-browser tests (tests/web/, tests/browser/, marker `browser`) need:
#   - Debian's chromium (apt), launched by the tests through playwright's `executable_path`
#     (playwright's own browser download is never used: it does not work here);
#   - the `web` extra (fastapi, uvicorn, python-multipart), httpx (TestClient) and playwright (pip).
# Idempotent: skips what is already there. Runs as root or through sudo for apt.
# Usage: scripts/install_browser.sh [PYTHON]   (default: .venv/bin/python, made by scripts/setup.sh)
set -euo pipefail
cd "$(dirname "$0")/.."
python=${1:-${PYTHON:-}}
if [ -z "$python" ]; then
  [ -x .venv/bin/python ] || bash scripts/setup.sh dev,web
  python=.venv/bin/python
fi

if [ -x /usr/bin/chromium ]; then
  echo "install_browser: /usr/bin/chromium is present"
elif command -v apt-get >/dev/null 2>&1; then
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then sudo="sudo"; else
      echo "install_browser: need root (or sudo) to apt-get install chromium" >&2
      exit 1
    fi
  fi
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  # fonts-dejavu-core draws Arabic, so screenshots show text rather than boxes.
  $sudo apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core
else
  echo "install_browser: no /usr/bin/chromium and no apt-get; browser tests will be skipped" >&2
fi

missing=()
"$python" -c "import fastapi, uvicorn, python_multipart" 2>/dev/null \
  || missing+=("fastapi>=0.110" "uvicorn>=0.29" "python-multipart>=0.0.9")
"$python" -c "import httpx" 2>/dev/null || missing+=("httpx>=0.27")
"$python" -c "import playwright.sync_api" 2>/dev/null || missing+=("playwright>=1.40")
if [ ${#missing[@]} -gt 0 ]; then
  "$python" -m pip install --quiet --disable-pip-version-check "${missing[@]}"
else
  echo "install_browser: fastapi, uvicorn, python-multipart, httpx and playwright are present"
fi
