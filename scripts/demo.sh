#!/usr/bin/env bash
# Sets khabar up on a fresh clone and analyses the bundled example pages.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
out=${1:-out/examples}
.venv/bin/khabar analyze examples --out "$out"
echo "Open $out/dossier.html in a browser; the data is in $out/dossier.json."
