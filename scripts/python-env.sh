#!/usr/bin/env bash
# Creates .venv with the Python packages the tests use (pinned), once.
set -euo pipefail
cd "$(dirname "$0")/.."
want="tests/requirements.txt"
stamp=".venv/.installed"
if [ -f "$stamp" ] && cmp -s "$want" "$stamp"; then
  exit 0
fi
python3 -m venv .venv
.venv/bin/pip install --quiet --upgrade pip
.venv/bin/pip install --quiet -r "$want"
cp "$want" "$stamp"
