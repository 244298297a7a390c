#!/usr/bin/env bash
# Runs the console's browser tests (run.mjs) in headless Debian Chromium.
# Installs what they need on first run: Debian's chromium and
# chromium-driver (as root), and the pinned npm packages (npm ci).
# The server binary is ${CARGO_TARGET_DIR:-target}/debug/jisr; JISR_DATABASE
# passes through, so the same tests run on PostgreSQL.
set -euo pipefail
cd "$(dirname "$0")"

if ! command -v chromium >/dev/null 2>&1 || ! command -v chromedriver >/dev/null 2>&1; then
    [[ $(id -u) -eq 0 ]] || { echo "browser tests: install Debian's chromium and chromium-driver (needs root)" >&2; exit 1; }
    echo "browser tests: installing chromium and chromium-driver from Debian's packages" >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y chromium chromium-driver >/dev/null \
        || { apt-get update >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium chromium-driver >/dev/null; }
fi
# Reinstall only when the lock file changed since the last install.
if [[ ! -f node_modules/.package-lock.json ]] || ! cmp -s package-lock.json node_modules/.lock-installed; then
    npm ci --no-audit --no-fund >/dev/null
    cp package-lock.json node_modules/.lock-installed
fi
root=$(cd ../.. && pwd)
target=${CARGO_TARGET_DIR:-$root/target}
exec node run.mjs "$target/debug/jisr"
