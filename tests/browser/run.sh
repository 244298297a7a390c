#!/usr/bin/env bash
# Runs the console's browser tests: run.mjs in headless Debian Chromium
# (playwright-core), then firefox.mjs in headless Debian Firefox ESR
# (puppeteer-core over WebDriver BiDi). Installs what they need on first
# run: Debian's chromium, chromium-driver and firefox-esr (as root), and
# the pinned npm packages (npm ci). The server binary is
# ${CARGO_TARGET_DIR:-target}/debug/jisr. On PostgreSQL, JISR_DATABASE
# names the (empty) database of the Chromium run and JISR_DATABASE_FIREFOX
# that of the Firefox run; without the latter, a sibling database
# <name>_firefox is created (dropped first) on the same server. Both
# browsers run even when the first fails; the exit status is non-zero if
# either did.
set -euo pipefail
cd "$(dirname "$0")"

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v chromedriver >/dev/null 2>&1 || missing+=(chromium-driver)
command -v firefox-esr >/dev/null 2>&1 || missing+=(firefox-esr)
if ((${#missing[@]})); then
    [[ $(id -u) -eq 0 ]] || { echo "browser tests: install Debian's ${missing[*]} (needs root)" >&2; exit 1; }
    echo "browser tests: installing ${missing[*]} from Debian's packages" >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y "${missing[@]}" >/dev/null \
        || { apt-get update >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y "${missing[@]}" >/dev/null; }
fi
# Reinstall only when the lock file changed since the last install.
if [[ ! -f node_modules/.package-lock.json ]] || ! cmp -s package-lock.json node_modules/.lock-installed; then
    npm ci --no-audit --no-fund >/dev/null
    cp package-lock.json node_modules/.lock-installed
fi
root=$(cd ../.. && pwd)
target=${CARGO_TARGET_DIR:-$root/target}
firefox_db=${JISR_DATABASE_FIREFOX:-}
if [[ -n ${JISR_DATABASE:-} && -z $firefox_db ]]; then
    psql=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)/psql
    name=${JISR_DATABASE##*/}
    name=${name%%\?*}_firefox
    firefox_db=${JISR_DATABASE%/*}/$name
    "$psql" -q "$JISR_DATABASE" -c "DROP DATABASE IF EXISTS $name" -c "CREATE DATABASE $name" >/dev/null
fi
status=0
node run.mjs "$target/debug/jisr" || status=1
if [[ -n $firefox_db ]]; then
    JISR_DATABASE=$firefox_db node firefox.mjs "$target/debug/jisr" || status=1
else
    node firefox.mjs "$target/debug/jisr" || status=1
fi
exit $status
