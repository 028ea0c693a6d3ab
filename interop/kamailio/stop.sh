#!/usr/bin/env bash
# Stops the interop server that start.sh started in a run directory. It ends
# exactly that server's processes: the recorded main pid after checking its
# /proc/<pid>/cmdline, and any child left behind (found by the same check:
# a kamailio started with this run dir's pid file), never anything by name.
#
# usage: stop.sh [--run-dir DIR] [--clean] [--kill] [--check]
#   --run-dir DIR  the run dir given to start.sh (default: the last run dir
#                  start.sh created itself)
#   --clean        also remove the run dir (only one that start.sh made)
#   --kill         SIGKILL every process at once, as in a crash; the run dir
#                  stays usable for restart.sh
#   --check        stop nothing: print the server's pids and exit 0 when it
#                  runs, exit 3 when it does not
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
MARKER=".presencekit-kamailio"
RUN="" CLEAN=0 KILL=0 CHECK=0

die() { echo "stop.sh: $*" >&2; exit 1; }
while [ $# -gt 0 ]; do
    case "$1" in
        --run-dir) [ $# -ge 2 ] || die "$1 needs a value"; RUN="$2"; shift ;;
        --run-dir=*) RUN="${1#*=}" ;;
        --clean) CLEAN=1 ;;
        --kill) KILL=1 ;;
        --check) CHECK=1 ;;
        -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) die "unknown option: $1" ;;
    esac
    shift
done

if [ -z "$RUN" ]; then
    [ -f "$HERE/.last-run-dir" ] || { [ "$CHECK" = 1 ] && exit 3; echo "stop.sh: no run dir given and none recorded"; exit 0; }
    RUN="$(cat "$HERE/.last-run-dir")"
fi
if [ ! -d "$RUN" ]; then
    [ "$CHECK" = 1 ] && exit 3
    echo "stop.sh: no run dir $RUN"
    exit 0
fi
RUN="$(cd "$RUN" && pwd)"
PIDFILE_ARG="-P $RUN/kamailio.pid "

is_ours() { # pid: a kamailio started by start.sh for this run dir
    local cmd
    cmd="$(tr '\0' ' ' 2>/dev/null < "/proc/$1/cmdline")" || return 1
    case "$cmd" in
        *"kamailio.cfg "*"$PIDFILE_ARG"*) return 0 ;;
    esac
    return 1
}
our_pids() {
    local f p
    # candidates: every process whose command line names this run dir's pid file
    for f in $(grep -lsaF -- "$RUN/kamailio.pid" /proc/[0-9]*/cmdline); do
        p="${f#/proc/}"; p="${p%/cmdline}"
        is_ours "$p" && echo "$p"
    done
    return 0
}

MAIN=""
for f in kamailio.pid launcher.pid; do
    if [ -z "$MAIN" ] && [ -s "$RUN/$f" ]; then MAIN="$(cat "$RUN/$f")"; fi
done

if [ "$CHECK" = 1 ]; then
    pids="$(our_pids | tr '\n' ' ')"
    [ -n "$pids" ] || exit 3
    echo "${pids% }"
    exit 0
fi

wait_gone() { # seconds: 0 when none of ours is left
    local i
    for i in $(seq 1 $(($1 * 10))); do
        [ -z "$(our_pids)" ] && return 0
        sleep 0.1
    done
    [ -z "$(our_pids)" ]
}

if [ -z "$(our_pids)" ]; then
    echo "stop.sh: not running (run dir $RUN)"
else
    if [ "$KILL" = 1 ]; then
        for p in $(our_pids); do kill -KILL "$p" 2>/dev/null || true; done
        wait_gone 5 || die "processes still alive after SIGKILL: $(our_pids | tr '\n' ' ')"
        echo "stop.sh: killed kamailio (SIGKILL), run dir $RUN"
    else
        # Kamailio's main process takes its children down on SIGTERM
        if [ -n "$MAIN" ] && is_ours "$MAIN"; then
            kill -TERM "$MAIN" 2>/dev/null || true
            gone=0; wait_gone 10 && gone=1
        else
            gone=0   # main killed before: children were left behind
        fi
        if [ "$gone" = 0 ]; then
            # main gone (killed before) or stuck: end the rest one by one
            for p in $(our_pids); do kill -TERM "$p" 2>/dev/null || true; done
            if ! wait_gone 3; then
                echo "stop.sh: still alive after SIGTERM, sending SIGKILL" >&2
                for p in $(our_pids); do kill -KILL "$p" 2>/dev/null || true; done
                wait_gone 5 || die "processes still alive: $(our_pids | tr '\n' ' ')"
            fi
        fi
        echo "stop.sh: stopped kamailio pid ${MAIN:-?}, run dir $RUN"
    fi
fi

if [ "$CLEAN" = 1 ]; then
    [ -e "$RUN/$MARKER" ] || die "$RUN was not made by start.sh; not removing it"
    rm -rf "$RUN"
    if [ -f "$HERE/.last-run-dir" ] && [ "$(cat "$HERE/.last-run-dir")" = "$RUN" ]; then
        rm -f "$HERE/.last-run-dir"
    fi
    echo "stop.sh: removed $RUN"
fi
