#!/usr/bin/env bash
# Runs every test of jisr: Rust unit and integration tests (including the
# end-to-end tests that start the real binary), our PyMISP suite against a
# fresh `jisr serve`, and PyMISP's own upstream live suite (acceptance).
# Installs what the tests need (a Python venv with pymisp and pytest) on first run.
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== cargo build"
cargo build --workspace --all-targets --locked

echo "== cargo test"
cargo test --workspace --locked

echo "== PyMISP suite (tests/pymisp)"
scripts/python-env.sh
.venv/bin/python -m pytest -q tests/pymisp

echo "== PyMISP's upstream live suite (tests/upstream/pymisp-live.sh)"
tests/upstream/pymisp-live.sh
