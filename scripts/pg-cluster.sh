#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for tests.
#
#   scripts/pg-cluster.sh start       -> prints the URL on stdout and
#                                        "JISR_PG_DIR=<dir>" on stderr; the
#                                        directory also holds url and port
#   scripts/pg-cluster.sh stop DIR    -> stops the cluster and removes DIR
#                                        (idempotent)
#
# Installs Debian's postgresql package when no server binaries are found
# (needs root), runs the server as an unprivileged user (postgres, or
# jisrtest created on demand) in a fresh mktemp directory, on a free port of
# 127.0.0.1 only, with trust authentication (local throwaway data only).
# JISR_PG_SETTINGS adds server settings, e.g. for benchmarks:
#   JISR_PG_SETTINGS="-c shared_buffers=4GB -c max_wal_size=8GB" scripts/pg-cluster.sh start
set -euo pipefail

die() { echo "pg-cluster: $*" >&2; exit 1; }

find_bindir() {
    local d
    for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
        [[ -x "$d/initdb" && -x "$d/pg_ctl" ]] && { echo "$d"; return 0; }
    done
    command -v initdb >/dev/null 2>&1 && { dirname "$(command -v initdb)"; return 0; }
    return 1
}

ensure_installed() {
    find_bindir >/dev/null && return 0
    [[ $(id -u) -eq 0 ]] || die "PostgreSQL is not installed and we are not root to install it"
    echo "pg-cluster: installing PostgreSQL from Debian's packages" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update >&2 && apt-get install -y --no-install-recommends postgresql >&2
    find_bindir >/dev/null || die "postgresql installed but initdb not found"
}

# The user the server runs as: the server refuses to run as root.
run_user() {
    if [[ $(id -u) -ne 0 ]]; then id -un; return; fi
    if id postgres >/dev/null 2>&1; then echo postgres; return; fi
    id jisrtest >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin jisrtest
    echo jisrtest
}

as_user() {
    local user=$1; shift
    if [[ $(id -u) -eq 0 ]]; then
        # runuser keeps working without a login shell for system users.
        runuser -u "$user" -- "$@"
    else
        "$@"
    fi
}

free_port() {
    python3 - <<'PY' 2>/dev/null && return 0
import socket
s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()
PY
    local p
    for p in $(shuf -i 20000-60000 -n 50); do
        (echo >"/dev/tcp/127.0.0.1/$p") 2>/dev/null || { echo "$p"; return 0; }
    done
    die "no free port found"
}

start() {
    ensure_installed
    local bindir user dir port url
    bindir=$(find_bindir)
    user=$(run_user)
    dir=$(mktemp -d /tmp/jisr-pg.XXXXXX)
    chmod 700 "$dir"
    chown "$user" "$dir"
    # On any failure below, leave nothing behind.
    trap 'as_user "$user" "$bindir/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true; rm -rf "$dir"' ERR
    as_user "$user" "$bindir/initdb" -D "$dir/data" -U jisr --auth=trust --encoding=UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
        || as_user "$user" "$bindir/initdb" -D "$dir/data" -U jisr --auth=trust --encoding=UTF8 --locale=C >"$dir/initdb.log" 2>&1 \
        || { cat "$dir/initdb.log" >&2; false; }
    # Retry with another port if the one we picked was taken meanwhile.
    local attempt
    for attempt in 1 2 3 4 5; do
        port=$(free_port)
        if as_user "$user" "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
            -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off ${JISR_PG_SETTINGS:-}" \
            start >&2; then
            break
        fi
        [[ $attempt -eq 5 ]] && { cat "$dir/server.log" >&2; false; }
    done
    echo "$port" >"$dir/port"
    as_user "$user" "$bindir/createdb" -h 127.0.0.1 -p "$port" -U jisr jisr_test >&2
    url="postgres://jisr@127.0.0.1:$port/jisr_test"
    echo "$url" >"$dir/url"
    trap - ERR
    echo "JISR_PG_DIR=$dir" >&2
    echo "$url"
}

stop() {
    local dir=${1:-}
    [[ -n "$dir" ]] || die "usage: $0 stop DIR"
    [[ -d "$dir" ]] || { echo "pg-cluster: $dir already gone" >&2; return 0; }
    [[ "$dir" == /tmp/jisr-pg.* ]] || die "refusing to remove $dir: not a cluster made by this script"
    if [[ -f "$dir/data/PG_VERSION" ]] && bindir=$(find_bindir); then
        local owner
        owner=$(stat -c %U "$dir/data")
        as_user "$owner" "$bindir/pg_ctl" -D "$dir/data" -m fast -w stop >&2 || true
    fi
    rm -rf "$dir"
}

case "${1:-}" in
    start) start ;;
    stop) stop "${2:-}" ;;
    *) die "usage: $0 start | stop DIR" ;;
esac
