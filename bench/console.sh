#!/usr/bin/env bash
# Console benchmark: loads an instance with a realistic amount of data, then
# times the console's main pages on the server and in headless Chromium and
# prints p50/p95. Figures, not assertions; not part of the tests.
#
#   bench/console.sh [--attributes N] [--events N] [--big-event N] [--runs N]
#                    [--database postgres://…/empty_db] [--keep DIR]
#
# Defaults: 1,000,000 attributes in 100,000 events (the correlation
# benchmark's generator: person names in Arabic and Latin letters, shared
# addresses, domains, hashes, …), plus one event of 20,000 attributes added
# through the API, 20 server-side and 10 browser loads per page. Builds the
# release binary; needs the browser tests' npm packages and Chromium
# (tests/browser/run.sh installs them). --keep DIR keeps the loaded instance
# in DIR and, when DIR already holds one, measures it again without loading.
set -euo pipefail
cd "$(dirname "$0")/.."

attributes=1000000 events=100000 big=20000 runs=20 database= keep=
while (($#)); do
    case $1 in
        --attributes) attributes=$2; shift 2 ;;
        --events) events=$2; shift 2 ;;
        --big-event) big=$2; shift 2 ;;
        --runs) runs=$2; shift 2 ;;
        --database) database=$2; shift 2 ;;
        --keep) keep=$2; shift 2 ;;
        *) echo "console bench: unknown argument $1" >&2; exit 2 ;;
    esac
done
target=${CARGO_TARGET_DIR:-$PWD/target}
[[ -d tests/browser/node_modules/playwright-core ]] || (cd tests/browser && npm ci --no-audit --no-fund >/dev/null)

cargo build --release -p jisr --bin jisr
if [[ -n $keep ]]; then
    work=$keep
    mkdir -p "$work"
else
    work=$(mktemp -d /tmp/jisr-console-bench.XXXXXX)
    trap 'rm -rf "$work"' EXIT
fi
export JISR_ADMIN_KEY=consoleBenchAdminKey0123456789abcdefghij
db_args=()
[[ -n $database ]] && db_args=(--database "$database")
if [[ -e $work/data/secret.key ]]; then
    echo "== measuring the instance loaded in $work/data"
    exec node bench/console.mjs "$target/release/jisr" "$work/data" "$big" "$runs" "$database"
fi
echo "== generating $attributes attributes in about $events events"
cargo bench -p jisr --bench correlation -- --attributes "$attributes" --events "$events" \
    --generate-only "$work/collection.json" | tail -1

echo "== importing (correlating as it writes)"
start=$(date +%s.%N)
"$target/release/jisr" import --data "$work/data" "${db_args[@]}" "$work/collection.json" >/dev/null
echo "imported in $(awk "BEGIN { printf \"%.1f\", $(date +%s.%N) - $start }") s"
rm -f "$work/collection.json"

node bench/console.mjs "$target/release/jisr" "$work/data" "$big" "$runs" "$database"
