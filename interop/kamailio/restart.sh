#!/usr/bin/env bash
# Restarts the interop server in place: stops the one running in the run dir
# (if any, also what a crash left behind) and starts it again with the same
# database, TLS certificate, ports and options. Same options as start.sh;
# without --run-dir, the last run dir start.sh created itself.
#
# usage: restart.sh [--run-dir DIR] [start.sh options]
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
for a in "$@"; do
    case "$a" in --run-dir|--run-dir=*) exec bash "$HERE/start.sh" --restart "$@" ;; esac
done
[ -f "$HERE/.last-run-dir" ] || { echo "restart.sh: no --run-dir given and none recorded" >&2; exit 1; }
exec bash "$HERE/start.sh" --restart --run-dir "$(cat "$HERE/.last-run-dir")" "$@"
