#!/usr/bin/env bash
# Stops the XMPP interop server that start.sh started in a run directory. It
# ends exactly that server's process: the recorded pid once its
# /proc/<pid>/cmdline shows a prosody started with this run dir's
# configuration, or any such process found the same way; never anything by
# name alone.
#
# usage: stop.sh [--run-dir DIR] [--clean] [--kill] [--check]
#   --run-dir DIR  the run dir given to start.sh (default: the last run dir
#                  start.sh created itself)
#   --clean        also remove the run dir (only one that start.sh made)
#   --kill         SIGKILL, as in a crash; the run dir stays usable
#   --check        stop nothing: print the server's pid and exit 0 when it
#                  runs, exit 3 when it does not
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
MARKER=".presencekit-prosody"
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
CFG_ARG="--config $RUN/prosody.cfg.lua "

is_ours() { # pid: a prosody started by start.sh with this run dir's configuration
    local cmd
    cmd="$(tr '\0' ' ' 2>/dev/null < "/proc/$1/cmdline")" || return 1
    case "$cmd" in
        *prosody*"$CFG_ARG"*) ;;
        *) return 1 ;;
    esac
    case "$cmd" in *prosodyctl*) return 1 ;; esac
    return 0
}
our_pids() {
    local f p
    for f in $(grep -lsaF -- "$RUN/prosody.cfg.lua" /proc/[0-9]*/cmdline); do
        p="${f#/proc/}"; p="${p%/cmdline}"
        is_ours "$p" && echo "$p"
    done
    return 0
}

if [ "$CHECK" = 1 ]; then
    pids="$(our_pids | tr '\n' ' ')"
    [ -n "$pids" ] || exit 3
    echo "${pids% }"
    exit 0
fi

wait_gone() {
    local i
    for i in $(seq 1 $(($1 * 10))); do
        [ -z "$(our_pids)" ] && return 0
        sleep 0.1
    done
    [ -z "$(our_pids)" ]
}

MAIN=""
[ -s "$RUN/launcher.pid" ] && MAIN="$(cat "$RUN/launcher.pid")"
if [ -z "$(our_pids)" ]; then
    echo "stop.sh: not running (run dir $RUN)"
else
    if [ "$KILL" = 1 ]; then
        for p in $(our_pids); do kill -KILL "$p" 2>/dev/null || true; done
        wait_gone 5 || die "process still alive after SIGKILL: $(our_pids | tr '\n' ' ')"
        echo "stop.sh: killed prosody (SIGKILL), run dir $RUN"
    else
        for p in $(our_pids); do kill -TERM "$p" 2>/dev/null || true; done
        if ! wait_gone 10; then
            echo "stop.sh: still alive after SIGTERM, sending SIGKILL" >&2
            for p in $(our_pids); do kill -KILL "$p" 2>/dev/null || true; done
            wait_gone 5 || die "process still alive: $(our_pids | tr '\n' ' ')"
        fi
        echo "stop.sh: stopped prosody pid ${MAIN:-?}, run dir $RUN"
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
