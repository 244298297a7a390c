#!/usr/bin/env bash
# Runs every test of jisr: Rust unit and integration tests (the storage
# conformance suite against SQLite and against a throwaway PostgreSQL, the
# end-to-end tests that start the real binary), then our PyMISP suite and
# PyMISP's own upstream live suite against `jisr serve`, once on each
# backend, PyMISP's upstream sync suite on three HTTPS instances, and the
# web console's browser tests (headless Chromium and Firefox), once on each backend.
# Installs what the tests need on first run: a Python venv with pymisp and
# pytest, PostgreSQL, chromium, chromium-driver and firefox-esr from Debian's packages,
# and the browser tests' npm packages.
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== PostgreSQL (a throwaway cluster for this run)"
pg_url=$(scripts/pg-cluster.sh start 2>/tmp/jisr-pg-start.$$)
pg_dir=$(sed -n 's/^JISR_PG_DIR=//p' /tmp/jisr-pg-start.$$)
rm -f /tmp/jisr-pg-start.$$
trap 'scripts/pg-cluster.sh stop "$pg_dir" >/dev/null 2>&1 || true' EXIT
export JISR_TEST_PG_URL="$pg_url"
pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
# A fresh database on the cluster, for one suite.
fresh_db() {
  "$pg_bin/psql" -q "$pg_url" -c "CREATE DATABASE $1" >/dev/null
  echo "${pg_url%/*}/$1"
}

echo "== cargo build"
cargo build --workspace --all-targets --locked

echo "== cargo test"
cargo test --workspace --locked

scripts/python-env.sh
echo "== PyMISP suite (tests/pymisp) on SQLite"
.venv/bin/python -m pytest -q tests/pymisp
echo "== PyMISP suite (tests/pymisp) on PostgreSQL"
JISR_DATABASE=$(fresh_db pymisp_suite) .venv/bin/python -m pytest -q tests/pymisp

echo "== PyMISP's upstream live suite on PostgreSQL"
JISR_DATABASE=$(fresh_db pymisp_upstream) tests/upstream/pymisp-live.sh
echo "== PyMISP's upstream live suite on SQLite"
tests/upstream/pymisp-live.sh

echo "== PyMISP's upstream sync suite (three instances over HTTPS) on SQLite"
tests/upstream/pymisp-sync.sh
echo "== PyMISP's upstream sync suite on PostgreSQL"
JISR_DATABASE_1=$(fresh_db sync_one) JISR_DATABASE_2=$(fresh_db sync_two) JISR_DATABASE_3=$(fresh_db sync_three) \
  tests/upstream/pymisp-sync.sh
echo "== Browser tests of the console (tests/browser) on SQLite"
tests/browser/run.sh
echo "== Browser tests of the console (tests/browser) on PostgreSQL"
JISR_DATABASE=$(fresh_db browser) JISR_DATABASE_FIREFOX=$(fresh_db browser_firefox) tests/browser/run.sh
