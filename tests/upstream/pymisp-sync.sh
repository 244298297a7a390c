#!/usr/bin/env bash
# Acceptance: runs PyMISP's own sync suite (tests/testlive_sync.py of the
# PyMISP release pinned in tests/requirements.txt) against three jisr
# instances serving HTTPS at https://localhost:8643, :8644 and :8645, as the
# suite expects. The suite is taken from PyMISP's source distribution on PyPI
# at run time and never copied into this repository; the only change made to
# it is its instance list's external_baseurl, pointed at those addresses (the
# suite's defaults are addresses of its authors' virtual machines).
#
#   tests/upstream/pymisp-sync.sh            # all six tests
#   tests/upstream/pymisp-sync.sh -k simple  # pytest arguments
# JISR_DATABASE_1..3 may name PostgreSQL databases for the three instances.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)

scripts/python-env.sh
version=$(sed -n 's/^pymisp==//p' tests/requirements.txt)
work=$(mktemp -d)
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

.venv/bin/pip download --quiet --no-deps --no-binary :all: -d "$work" "pymisp==$version"
tar xzf "$work"/pymisp-"$version".tar.gz -C "$work"
suite="$work/pymisp-$version/tests/testlive_sync.py"
key=$(sed -n "s/^key = '\([A-Za-z0-9]\{40\}\)'.*/\1/p" "$suite")
[ -n "$key" ] || { echo "cannot find the suite's admin key in $suite" >&2; exit 1; }
sed -i "s#'https://192.168.1.1'#'https://localhost:8643'#; s#'https://192.168.1.2'#'https://localhost:8644'#; s#'https://192.168.1.3'#'https://localhost:8645'#" "$suite"

cargo build --quiet --bin jisr
jisr="${CARGO_TARGET_DIR:-target}/debug/jisr"
for i in 1 2 3; do
  port=$((8642 + i))
  db_var="JISR_DATABASE_$i"
  JISR_DATABASE="${!db_var:-}" JISR_SYNC_TICK_MS=250 JISR_ADMIN_KEY="$key" JISR_LOG=warn \
    "$jisr" serve --data "$work/data$i" --listen "127.0.0.1:$port" --tls 2>"$work/server$i.log" &
  pids+=($!)
done
for i in 1 2 3; do
  for _ in $(seq 1 300); do
    grep -q "listening on https" "$work/server$i.log" && break
    sleep 0.1
  done
  grep -q "listening on https" "$work/server$i.log" || { cat "$work/server$i.log"; echo "jisr $i did not start" >&2; exit 1; }
done

cd "$work/pymisp-$version"
set +e
"$root/.venv/bin/python" -m pytest -q -p no:cacheprovider tests/testlive_sync.py "$@"
status=$?
set -e
if [ $status -ne 0 ]; then
  for i in 1 2 3; do echo "--- server $i log (last 30 lines)"; tail -30 "$work/server$i.log"; done
fi
exit $status
