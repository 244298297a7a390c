#!/usr/bin/env bash
# Acceptance: runs PyMISP's own live suite (tests/testlive_comprehensive.py of
# the PyMISP release pinned in tests/requirements.txt, in its fast mode)
# against a fresh `jisr serve`. The suite is taken from PyMISP's source
# distribution on PyPI at run time and never copied into this repository.
#
#   tests/upstream/pymisp-live.sh            # the tests jisr must pass (ACCEPTED below)
#   tests/upstream/pymisp-live.sh test_tags  # chosen tests
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)

ACCEPTED=(
  test_simple_event test_exists test_get_non_exists_event test_delete_by_uuid test_delete_with_update
  test_event_add_update_metadata test_extend_event test_edit_attribute test_attribute test_update_object
  test_domain_ip_object test_asn_object test_search_value_event test_search_value_attribute
  test_search_type_event test_search_type_attribute test_search_index test_search_objects
  test_search_tag_event test_search_tag_attribute test_search_tag_advanced_event
  test_search_tag_advanced_attributes test_search_timestamp_event test_search_timestamp_attribute
  test_search_publish_timestamp test_search_csv test_search_text test_search_type_event_csv
  test_default_distribution test_sightings test_event_no_sightings test_tags test_user test_organisation
  test_org_search test_user_search test_describe_types test_first_last_seen test_event_report
  test_toggle_global_pythonify test_custom_template test_unknown_template test_csv_loader
)
# The sharing-model issue's share of the suite.
SHARING=(test_sharing_groups test_sharing_group test_sharing_group_search test_user_perms test_live_acl test_roles)
# The correlation issue's share.
CORRELATION=(test_correlation_exclusions)
tests=("$@")
[ ${#tests[@]} -gt 0 ] || tests=("${ACCEPTED[@]}" "${SHARING[@]}" "${CORRELATION[@]}")

scripts/python-env.sh
version=$(sed -n 's/^pymisp==//p' tests/requirements.txt)
work=$(mktemp -d)
trap 'kill "${server_pid:-}" 2>/dev/null || true; rm -rf "$work"' EXIT

.venv/bin/pip download --quiet --no-deps --no-binary :all: -d "$work" "pymisp==$version"
tar xzf "$work"/pymisp-"$version".tar.gz -C "$work"
suite="$work/pymisp-$version/tests"
sed -i 's/^fast_mode = False/fast_mode = True/' "$suite/testlive_comprehensive.py"

key=$(.venv/bin/python -c 'import secrets,string; a=string.ascii_letters+string.digits; print("".join(secrets.choice(a) for _ in range(40)))')
cargo build --quiet --bin jisr
jisr="${CARGO_TARGET_DIR:-target}/debug/jisr"
# MISP's warninglists, as the pymispwarninglists package ships them.
lists=$(.venv/bin/python -c 'import os, pymispwarninglists as p; print(os.path.join(os.path.dirname(p.__file__), "data", "misp-warninglists", "lists"))')
"$jisr" warninglists import "$lists" --data "$work/data" >/dev/null 2>&1
# the log exists before the server opens it: the wait below reads it at
# once, and a missing file would end this script (set -e with pipefail)
: >"$work/server.log"
JISR_ADMIN_KEY="$key" JISR_LOG=warn "$jisr" serve --data "$work/data" --listen 127.0.0.1:0 2>"$work/server.log" &
server_pid=$!
for _ in $(seq 1 300); do
  url=$(sed -n 's/.*listening on \(http:[^ ]*\).*/\1/p' "$work/server.log" | head -1)
  [ -n "$url" ] && break
  sleep 0.1
done
[ -n "${url:-}" ] || { cat "$work/server.log"; echo "jisr did not start" >&2; exit 1; }
printf 'url = "%s"\nkey = "%s"\n' "$url" "$key" | tee "$suite/keys.py" > "$work/pymisp-$version/keys.py"

# The suite uses paths relative to PyMISP's checkout.
cd "$work/pymisp-$version"
set +e
# test_custom_template reads tests/viper-test-files/test_files/whoami.exe, which
# the suite clones from GitHub. Where that checkout cannot be had (machines
# that reach only package registries), a PE of the same shape stands in for it:
# five sections, so PyMISP expands it into the same seven objects.
if [ ! -f tests/viper-test-files/test_files/whoami.exe ]; then
  mkdir -p tests/viper-test-files/test_files
  "$root/.venv/bin/python" "$root/tests/upstream/pe_standin.py" tests/viper-test-files/test_files/whoami.exe
  echo "pymisp-live: tests/viper-test-files is not available here; test_custom_template reads a stand-in PE (tests/upstream/pe_standin.py)" >&2
fi
# Run in the file's order, as upstream does (later tests rely on tags that
# earlier ones created).
ordered=$(for t in "${tests[@]}"; do
  printf '%s %s\n' "$(grep -n "    def $t(" tests/testlive_comprehensive.py | cut -d: -f1)" "$t"
done | sort -n | awk '{print "tests/testlive_comprehensive.py::TestComprehensive::" $2}')
"$root/.venv/bin/python" -m pytest -q -p no:cacheprovider $ordered
status=$?
set -e
if [ $status -ne 0 ]; then
  echo "--- server log (last 50 lines)"; tail -50 "$work/server.log"
fi
exit $status
