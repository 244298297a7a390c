#!/usr/bin/env bash
# Installs the Python peers of `jisr names bench` into .venv-names at the project root.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
python3 -m venv "$root/.venv-names"
"$root/.venv-names/bin/pip" install --quiet rapidfuzz jellyfish nomenklatura
echo "peers installed in $root/.venv-names"
