#!/usr/bin/env bash
# Starts PresenceKit's XMPP interop server: Prosody with the XMPP domain
# xmpp.example.org (users romeo and juliet, password secret) and an external
# component (XEP-0114) for the SIP domain example.com, on 127.0.0.1 only.
# Prosody runs as the current user from a configuration generated into the
# run dir; data, pid file and log live there too. No s2s, no HTTP, no in-band
# registration; TLS (a self-signed certificate) offered on c2s, not required.
#
# usage: start.sh [options]
#   --c2s-port N        client connections on port N (default: the port
#                       recorded in the run dir, else a free one)
#   --component-port N  external component connections on port N (same defaults)
#   --secret S          the component's shared secret (default: the one recorded
#                       in the run dir, else a random one)
#   --run-dir DIR       run directory, created when missing; an existing one is
#                       reused with its data, certificate, ports and secret.
#                       Default: a new ${TMPDIR:-/tmp}/presencekit-prosody.XXXXXX
#   --restart           first stop the server running in the run dir
#   --no-tls            no certificate, no STARTTLS
#   --debug             Prosody debug logging
#   --no-install        never install missing Debian packages
#   -h, --help
# environment:
#   PROSODY                  the prosody binary (default: from PATH); when set,
#                            nothing is installed for it
#   PROSODYCTL               the prosodyctl binary (default: next to it / PATH)
#   START_TIMEOUT            seconds to wait for the server (default 30)
#   PRESENCEKIT_NO_INSTALL=1 same as --no-install
#
# Missing Debian packages (prosody 0.12 with its Lua modules, openssl) are
# installed with apt-get, through sudo when not root.
#
# Output: progress on stderr; on stdout, once both ports answer, KEY=value
# lines (RUN_DIR, PID, C2S, COMPONENT, XMPP_DOMAIN, COMPONENT_DOMAIN,
# COMPONENT_SECRET, USERS, PASSWORD, ...). The same lines are written to
# <run dir>/prosody.env. Exit status 0 only when the server is up.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
TEMPLATE="$HERE/prosody.cfg.lua.in"
XMPP_DOMAIN="xmpp.example.org"
SIP_DOMAIN="example.com"
PASSWORD="secret"
USERS="romeo juliet"
HOST=127.0.0.1
START_TIMEOUT=${START_TIMEOUT:-30}
MARKER=".presencekit-prosody"

die() { echo "start.sh: $*" >&2; exit 1; }
say() { echo "start.sh: $*" >&2; }
usage() { sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'; }
# shellcheck source=../lib.sh
. "$HERE/../lib.sh"

C2S_PORT="" COMP_PORT="" SECRET="" RUN="" RESTART=0 INSTALL=1 WITH_TLS="" WITH_DEBUG=""
[ "${PRESENCEKIT_NO_INSTALL:-0}" = 1 ] && INSTALL=0
while [ $# -gt 0 ]; do
    case "$1" in
        --c2s-port) [ $# -ge 2 ] || die "$1 needs a value"; C2S_PORT="$2"; shift ;;
        --c2s-port=*) C2S_PORT="${1#*=}" ;;
        --component-port) [ $# -ge 2 ] || die "$1 needs a value"; COMP_PORT="$2"; shift ;;
        --component-port=*) COMP_PORT="${1#*=}" ;;
        --secret) [ $# -ge 2 ] || die "$1 needs a value"; SECRET="$2"; shift ;;
        --secret=*) SECRET="${1#*=}" ;;
        --run-dir) [ $# -ge 2 ] || die "$1 needs a value"; RUN="$2"; shift ;;
        --run-dir=*) RUN="${1#*=}" ;;
        --restart) RESTART=1 ;;
        --no-tls) WITH_TLS=0 ;;
        --debug) WITH_DEBUG=1 ;;
        --no-install) INSTALL=0 ;;
        -h|--help) usage; exit 0 ;;
        *) usage >&2; die "unknown option: $1" ;;
    esac
    shift
done
for p in "$C2S_PORT" "$COMP_PORT"; do
    case "$p" in
        "") ;;
        *[!0-9]*) die "not a port: $p" ;;
        *) [ "$p" -ge 1 ] && [ "$p" -le 65535 ] || die "not a port: $p" ;;
    esac
done
if [ -n "$C2S_PORT" ] && [ "$C2S_PORT" = "$COMP_PORT" ]; then die "--c2s-port and --component-port must differ"; fi
case "$SECRET" in
    *[!A-Za-z0-9._~-]*) die "--secret: use letters, digits and . _ ~ - only" ;;
esac

# ---------------------------------------------------------------- packages --
ensure_packages() {
    local want=()
    # prosody depends on the Lua modules it needs (lua-sec, lua-socket, lua-expat,
    # lua-filesystem, lua-unbound); they are named for a --no-install report
    [ -z "${PROSODY:-}" ] && want+=(prosody lua-sec lua-socket lua-expat lua-filesystem)
    command -v openssl >/dev/null || want+=(openssl)
    install_missing "${want[@]}"
}
ensure_packages

PROSODY="${PROSODY:-$(command -v prosody || echo /usr/bin/prosody)}"
[ -x "$PROSODY" ] || die "prosody binary not found: $PROSODY (apt-get install prosody)"
PROSODYCTL="${PROSODYCTL:-$(dirname "$PROSODY")/prosodyctl}"
[ -x "$PROSODYCTL" ] || PROSODYCTL="$(command -v prosodyctl || true)"
[ -n "$PROSODYCTL" ] && [ -x "$PROSODYCTL" ] || die "prosodyctl not found (set PROSODYCTL)"

# ---------------------------------------------------------------- run dir --
# the path goes into the generated Lua configuration and through sed
check_run_path() {
    case "$1" in *[\"\'\\\ \|\&]*) die "run dir path must not contain quotes, backslashes, spaces, | or &: $1" ;; esac
}
[ -z "$RUN" ] || check_run_path "$RUN"
if [ -z "$RUN" ]; then
    RUN="$(mktemp -d "${TMPDIR:-/tmp}/presencekit-prosody.XXXXXX")"
    touch "$RUN/$MARKER"
    echo "$RUN" > "$HERE/.last-run-dir"
else
    if [ ! -d "$RUN" ]; then
        mkdir -p "$RUN"
        touch "$RUN/$MARKER"
    fi
    RUN="$(cd "$RUN" && pwd)"
fi
check_run_path "$RUN"
chmod 700 "$RUN"
CFG="$RUN/prosody.cfg.lua"
ENV_FILE="$RUN/prosody.env"
OPTS="$RUN/start.options"

if bash "$HERE/stop.sh" --run-dir "$RUN" --check >/dev/null 2>&1; then
    if [ "$RESTART" = 1 ]; then
        bash "$HERE/stop.sh" --run-dir "$RUN" >&2
    else
        die "a server is already running in $RUN (stop.sh --run-dir $RUN, or --restart)"
    fi
fi

# options recorded by an earlier start in this run dir are kept unless given again
KEEP_PORTS=0
if [ -f "$OPTS" ]; then
    # shellcheck disable=SC1090
    . "$OPTS"
    [ -n "$C2S_PORT" ] || C2S_PORT="${REC_C2S_PORT:-}"
    [ -n "$COMP_PORT" ] || COMP_PORT="${REC_COMP_PORT:-}"
    [ -n "$SECRET" ] || SECRET="${REC_SECRET:-}"
    [ -n "$WITH_TLS" ] || WITH_TLS="${REC_TLS:-}"
    [ -n "$WITH_DEBUG" ] || WITH_DEBUG="${REC_DEBUG:-}"
fi
[ -n "$C2S_PORT$COMP_PORT" ] && KEEP_PORTS=1
WITH_TLS="${WITH_TLS:-1}" WITH_DEBUG="${WITH_DEBUG:-0}"
if [ -z "$SECRET" ]; then
    SECRET="$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')"
fi

# ---------------------------------------------------------------- ports --
port_bound() { port_entries "$1" | grep -q -E '^tcp6? 0A'; }

T0=$(date +%s.%N)

# ---------------------------------------------------------------- TLS --
TLS_OK=0
if [ "$WITH_TLS" = 1 ]; then
    if [ -s "$RUN/tls/cert.pem" ] && [ -s "$RUN/tls/key.pem" ]; then
        TLS_OK=1
    elif command -v openssl >/dev/null && mkdir -p "$RUN/tls" && \
       openssl req -x509 -newkey rsa:2048 -nodes -days 365 \
            -keyout "$RUN/tls/key.pem" -out "$RUN/tls/cert.pem" \
            -subj "/CN=$XMPP_DOMAIN" \
            -addext "subjectAltName=DNS:$XMPP_DOMAIN,DNS:$SIP_DOMAIN,DNS:localhost,IP:$HOST" >"$RUN/tls/openssl.log" 2>&1; then
        chmod 600 "$RUN/tls/key.pem"
        TLS_OK=1
    else
        die "could not create the TLS certificate (see $RUN/tls/openssl.log; --no-tls starts without TLS)"
    fi
fi

# ---------------------------------------------------------------- config --
write_config() {
    local ssl_line="" user group as_root=false level=info
    user="$(id -un)" group="$(id -gn)"
    [ "$(id -u)" -eq 0 ] && as_root=true
    [ "$WITH_DEBUG" = 1 ] && level=debug
    [ "$TLS_OK" = 1 ] && ssl_line="ssl = { certificate = \"$RUN/tls/cert.pem\"; key = \"$RUN/tls/key.pem\"; }"
    mkdir -p "$RUN/data" "$RUN/tls"
    sed -e "s|@RUN@|$RUN|g" -e "s|@USER@|$user|g" -e "s|@GROUP@|$group|g" -e "s|@RUN_AS_ROOT@|$as_root|g" \
        -e "s|@LOG_LEVEL@|$level|g" -e "s|@C2S_PORT@|$C2S_PORT|g" -e "s|@COMPONENT_PORT@|$COMP_PORT|g" \
        -e "s|@XMPP_DOMAIN@|$XMPP_DOMAIN|g" -e "s|@SIP_DOMAIN@|$SIP_DOMAIN|g" \
        -e "s|@COMPONENT_SECRET@|$SECRET|g" -e "s|@SSL_LINE@|$ssl_line|g" "$TEMPLATE" > "$CFG.tmp"
    chmod 600 "$CFG.tmp"
    mv "$CFG.tmp" "$CFG"
    {
        echo "REC_C2S_PORT=$C2S_PORT"
        echo "REC_COMP_PORT=$COMP_PORT"
        echo "REC_SECRET=$SECRET"
        echo "REC_TLS=$WITH_TLS"
        echo "REC_DEBUG=$WITH_DEBUG"
    } > "$OPTS"
    chmod 600 "$OPTS"
}

ctl() { "$PROSODYCTL" --config "$CFG" "$@"; }

create_users() {
    local u
    for u in $USERS; do
        if [ ! -s "$RUN/data/$(echo "$XMPP_DOMAIN" | sed 's/\./%2e/g')/accounts/$u.dat" ]; then
            ctl register "$u" "$XMPP_DOMAIN" "$PASSWORD" >"$RUN/prosodyctl.log" 2>&1 \
                || { cat "$RUN/prosodyctl.log" >&2; die "prosodyctl register $u failed"; }
        fi
    done
}

# ---------------------------------------------------------------- launch --
SETSID=""
command -v setsid >/dev/null && SETSID="setsid"

xmpp_ready() { # c2s answers a stream header with stream features
    local reply=""
    { exec 3<>"/dev/tcp/$HOST/$C2S_PORT"; } 2>/dev/null || return 1
    printf "<?xml version='1.0'?><stream:stream to='%s' version='1.0' xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams'>" "$XMPP_DOMAIN" >&3
    IFS= read -r -d '>' -t 3 reply <&3 || true          # the XML declaration or stream header
    case "$reply" in *"<?xml"*) IFS= read -r -d '>' -t 3 reply <&3 || true ;; esac
    printf '</stream:stream>' >&3 2>/dev/null || true
    exec 3<&- 3>&-
    case "$reply" in *"stream:stream"*|*"<stream"*) ;; *) return 1 ;; esac
    { exec 3<>"/dev/tcp/$HOST/$COMP_PORT"; } 2>/dev/null || return 1
    exec 3<&- 3>&-
    return 0
}

launch() { # -> sets PID; 0 when the server answers, 1 on a bind failure, dies otherwise
    write_config
    if ! ctl check config >"$RUN/config-check.log" 2>&1; then
        # "check config" also warns about DNS and certificates; only errors stop us
        if grep -q -i "error" "$RUN/config-check.log"; then
            tail -n 30 "$RUN/config-check.log" >&2
            die "config check failed (log $RUN/config-check.log)"
        fi
    fi
    create_users
    rm -f "$RUN/prosody.pid"
    echo "=== $(date -u +%FT%TZ) start on c2s port $C2S_PORT, component port $COMP_PORT" >> "$RUN/prosody.out"
    local start_line
    start_line=$( (wc -l < "$RUN/prosody.log") 2>/dev/null || echo 0)
    $SETSID "$PROSODY" --config "$CFG" -F >>"$RUN/prosody.out" 2>&1 </dev/null &
    PID=$!
    echo "$PID" > "$RUN/launcher.pid"
    local ok=0 deadline
    deadline=$(( $(date +%s) + START_TIMEOUT ))
    while [ "$(date +%s)" -le "$deadline" ]; do
        kill -0 "$PID" 2>/dev/null || break
        if xmpp_ready; then ok=1; break; fi
        sleep 0.1
    done
    if [ "$ok" = 1 ]; then
        sleep 0.2
        kill -0 "$PID" 2>/dev/null || ok=0
    fi
    [ "$ok" = 1 ] && return 0
    if kill -0 "$PID" 2>/dev/null; then
        bash "$HERE/stop.sh" --run-dir "$RUN" >/dev/null 2>&1 || true
    else
        wait "$PID" 2>/dev/null || true
    fi
    if tail -n +"$((start_line + 1))" "$RUN/prosody.log" 2>/dev/null | grep -q -i "address already in use"; then
        return 1
    fi
    { tail -n 20 "$RUN/prosody.out"; tail -n +"$((start_line + 1))" "$RUN/prosody.log" 2>/dev/null | tail -n 40; } >&2 || true
    die "prosody did not come up (log: $RUN/prosody.log)"
}

TL=$(date +%s.%N)
attempt=1
while :; do
    [ -n "$C2S_PORT" ] || C2S_PORT="$(pick_port "$COMP_PORT")"
    [ -n "$COMP_PORT" ] || COMP_PORT="$(pick_port "$C2S_PORT")"
    if [ "$KEEP_PORTS" = 1 ]; then
        for p in "$C2S_PORT" "$COMP_PORT"; do
            if port_bound "$p"; then
                for _ in $(seq 1 50); do port_bound "$p" || break; sleep 0.1; done
                if port_bound "$p"; then die "port $p is in use on this machine"; fi
            fi
        done
    fi
    TL=$(date +%s.%N)
    launch && break
    if [ "$KEEP_PORTS" = 1 ] || [ "$attempt" -ge 5 ]; then
        die "prosody could not bind c2s port $C2S_PORT / component port $COMP_PORT (log: $RUN/prosody.log)"
    fi
    say "port $C2S_PORT or $COMP_PORT taken meanwhile; trying other ports"
    C2S_PORT="" COMP_PORT="" attempt=$((attempt + 1))
done
T1=$(date +%s.%N)

PGID="$(awk '{ sub(/.*\) /, ""); print $3 }' "/proc/$PID/stat")"
onoff_out() { [ "$1" = 1 ] && echo on || echo off; }
{
    echo "RUN_DIR=$RUN"
    echo "PID=$PID"
    echo "PGID=$PGID"
    echo "C2S=$HOST:$C2S_PORT"
    echo "COMPONENT=$HOST:$COMP_PORT"
    echo "XMPP_DOMAIN=$XMPP_DOMAIN"
    echo "COMPONENT_DOMAIN=$SIP_DOMAIN"
    echo "COMPONENT_SECRET=$SECRET"
    echo "USERS=$(echo $USERS | tr ' ' ',')"
    echo "PASSWORD=$PASSWORD"
    echo "TLS=$(onoff_out "$TLS_OK")"
    if [ "$TLS_OK" = 1 ]; then echo "TLS_CERT=$RUN/tls/cert.pem"; else echo "TLS_CERT="; fi
    echo "DEBUG=$(onoff_out "$WITH_DEBUG")"
    echo "CONFIG=$CFG"
    echo "LOG=$RUN/prosody.log"
    echo "HARNESS_DIR=$HERE"
} > "$ENV_FILE.tmp"
chmod 600 "$ENV_FILE.tmp"
mv "$ENV_FILE.tmp" "$ENV_FILE"

say "prosody up in $(awk -v a="$T0" -v l="$TL" -v b="$T1" 'BEGIN{printf "%.2f s (prepare %.2f s, launch to ready %.2f s)", b-a, l-a, b-l}')"
cat "$ENV_FILE"
