#!/usr/bin/env bash
# Runs every test of jisr: Rust unit and integration tests (including the
# end-to-end tests that start the real binary), then the PyMISP suite against
# a freshly started `jisr serve`. Installs what the tests need (a Python venv
# with pymisp and pytest) on first run.
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== cargo build"
cargo build --workspace --all-targets --locked

echo "== cargo test"
cargo test --workspace --locked

echo "== PyMISP suite"
scripts/python-env.sh
.venv/bin/python -m pytest -q tests/pymisp
