#!/usr/bin/env bash
# Starts PresenceKit's interop server: Kamailio as registrar, presence agent,
# resource list server and XCAP server, on 127.0.0.1 only.
#
# usage: start.sh [options]
#   --sip-port N     SIP over UDP and TCP, and plain-HTTP XCAP, on port N
#                    (default: the port recorded in the run dir, else a free one)
#   --tls-port N     SIP over TLS and HTTPS XCAP on port N (same defaults)
#   --run-dir DIR    run directory (database, TLS certificate, log, pid file);
#                    created when missing. An existing one is reused: restarting
#                    in place keeps its database, certificate, ports and options.
#                    Default: a new ${TMPDIR:-/tmp}/presencekit-kamailio.XXXXXX
#   --restart        first stop the server running in the run dir (restart.sh)
#   --no-auth        no digest authentication (SIP and XCAP)
#   --no-tls         no TLS listener
#   --no-xcap-diff   do not emulate xcap-diff after XCAP changes
#   --xcap-diff      emulate it even without the SQLite busy-timeout shim
#   --debug          Kamailio debug=3 logging
#   --shm MB         shared memory in MB (default 64; scale tests with 1,000
#                    or more subscriptions want 512)
#   --pkg MB         private memory per process in MB (default 8; 32 for a
#                    PUBLISH fanned out to thousands of watchers)
#   --extra-users N  also create users user01 ... userN (up to 999; same
#                    password) in a new database, e.g. for resource lists
#   --xmpp-gateway HOST:PORT
#                    the SIP/XMPP presence gateway's SIP address (TCP):
#                    presence SUBSCRIBEs for users of xmpp.example.org are
#                    forwarded there, and requests From xmpp.example.org are
#                    accepted from HOST without auth. Kept across restarts;
#                    --xmpp-gateway none turns it off again
#   --no-install     never install missing Debian packages
#   -h, --help
# environment:
#   KAMAILIO                 the kamailio binary (default: from PATH); when set,
#                            nothing is installed for it
#   START_TIMEOUT            seconds to wait for the server (default 30)
#   SQLITE_BUSY_TIMEOUT_MS   busy timeout of the shim (default 5000)
#   NO_SQLITE_SHIM=1         do not build or preload the shim
#   PRESENCEKIT_NO_INSTALL=1 same as --no-install
#
# Missing Debian packages (kamailio and its presence, xml, sqlite and tls
# modules, sqlite3, openssl, gcc for the shim) are installed with apt-get,
# through sudo when not root.
#
# Output: human-readable progress on stderr; on stdout, once the server
# answers, KEY=value lines (RUN_DIR, PID, SIP_UDP, SIP_TCP, SIP_TLS,
# XCAP_ROOT, XCAP_ROOT_TLS, ...). The same lines are written to
# <run dir>/kamailio.env. Exit status 0 only when the server is up.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
CFG="$HERE/kamailio.cfg"
SCHEMA_DIR="${KAMAILIO_SCHEMA_DIR:-/usr/share/kamailio/db_sqlite}"
DBTEXT_SCHEMA="${KAMAILIO_DBTEXT_DIR:-/usr/share/kamailio/dbtext/kamailio}"
DOMAIN="example.com"
PASSWORD="secret"
USERS="alice bob carol"
HOST=127.0.0.1
START_TIMEOUT=${START_TIMEOUT:-30}
MARKER=".presencekit-kamailio"

die() { echo "start.sh: $*" >&2; exit 1; }
say() { echo "start.sh: $*" >&2; }
usage() { sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'; }
# shellcheck source=../lib.sh
. "$HERE/../lib.sh"

SIP_PORT="" TLS_PORT="" RUN="" RESTART=0 INSTALL=1
WITH_AUTH="" WITH_TLS="" WITH_XCAPDIFF="" WITH_DEBUG=""
SHM_MB="" PKG_MB="" EXTRA_USERS="" XMPP_GATEWAY=""
[ "${PRESENCEKIT_NO_INSTALL:-0}" = 1 ] && INSTALL=0
while [ $# -gt 0 ]; do
    case "$1" in
        --sip-port) [ $# -ge 2 ] || die "$1 needs a value"; SIP_PORT="$2"; shift ;;
        --sip-port=*) SIP_PORT="${1#*=}" ;;
        --tls-port) [ $# -ge 2 ] || die "$1 needs a value"; TLS_PORT="$2"; shift ;;
        --tls-port=*) TLS_PORT="${1#*=}" ;;
        --run-dir) [ $# -ge 2 ] || die "$1 needs a value"; RUN="$2"; shift ;;
        --run-dir=*) RUN="${1#*=}" ;;
        --restart) RESTART=1 ;;
        --no-auth) WITH_AUTH=0 ;;
        --no-tls) WITH_TLS=0 ;;
        --no-xcap-diff) WITH_XCAPDIFF=0 ;;
        --xcap-diff) WITH_XCAPDIFF=1 ;;
        --debug) WITH_DEBUG=1 ;;
        --shm) [ $# -ge 2 ] || die "$1 needs a value"; SHM_MB="$2"; shift ;;
        --shm=*) SHM_MB="${1#*=}" ;;
        --pkg) [ $# -ge 2 ] || die "$1 needs a value"; PKG_MB="$2"; shift ;;
        --pkg=*) PKG_MB="${1#*=}" ;;
        --extra-users) [ $# -ge 2 ] || die "$1 needs a value"; EXTRA_USERS="$2"; shift ;;
        --extra-users=*) EXTRA_USERS="${1#*=}" ;;
        --xmpp-gateway) [ $# -ge 2 ] || die "$1 needs a value"; XMPP_GATEWAY="$2"; shift ;;
        --xmpp-gateway=*) XMPP_GATEWAY="${1#*=}" ;;
        --no-install) INSTALL=0 ;;
        -h|--help) usage; exit 0 ;;
        *) usage >&2; die "unknown option: $1" ;;
    esac
    shift
done
for p in "$SIP_PORT" "$TLS_PORT"; do
    case "$p" in
        "") ;;
        *[!0-9]*) die "not a port: $p" ;;
        *) [ "$p" -ge 1 ] && [ "$p" -le 65535 ] || die "not a port: $p" ;;
    esac
done
if [ -n "$SIP_PORT" ] && [ "$SIP_PORT" = "$TLS_PORT" ]; then die "--sip-port and --tls-port must differ"; fi
for v in "$SHM_MB" "$PKG_MB"; do
    case "$v" in
        "") ;;
        *[!0-9]*) die "not a size in MB: $v" ;;
        *) [ "$v" -ge 4 ] && [ "$v" -le 8192 ] || die "memory size out of range (4..8192 MB): $v" ;;
    esac
done
case "$XMPP_GATEWAY" in
    ""|none) ;;
    *:*) gw_port="${XMPP_GATEWAY##*:}"; gw_host="${XMPP_GATEWAY%:*}"
         case "$gw_port" in ""|*[!0-9]*) die "--xmpp-gateway: not a port: $gw_port" ;; esac
         [ "$gw_port" -ge 1 ] && [ "$gw_port" -le 65535 ] || die "--xmpp-gateway: not a port: $gw_port"
         case "$gw_host" in ""|*[!0-9A-Za-z.-]*) die "--xmpp-gateway: not a host: $gw_host" ;; esac ;;
    *) die "--xmpp-gateway wants HOST:PORT, not $XMPP_GATEWAY" ;;
esac
case "$EXTRA_USERS" in
    "") ;;
    *[!0-9]*) die "not a number of users: $EXTRA_USERS" ;;
    *) [ "$EXTRA_USERS" -le 999 ] || die "--extra-users: at most 999" ;;
esac

# ---------------------------------------------------------------- packages --
ensure_packages() {
    local want=()
    if [ -z "${KAMAILIO:-}" ]; then
        want+=(kamailio kamailio-presence-modules kamailio-xml-modules kamailio-sqlite-modules kamailio-tls-modules)
    fi
    command -v sqlite3 >/dev/null || want+=(sqlite3)
    command -v openssl >/dev/null || want+=(openssl)
    if [ "${NO_SQLITE_SHIM:-0}" != 1 ] && ! command -v cc >/dev/null && ! command -v gcc >/dev/null; then
        want+=(gcc libc6-dev)
    fi
    install_missing "${want[@]}"
}
ensure_packages

KAMAILIO="${KAMAILIO:-$(command -v kamailio || echo /usr/sbin/kamailio)}"
[ -x "$KAMAILIO" ] || die "kamailio binary not found: $KAMAILIO (apt-get install kamailio kamailio-presence-modules kamailio-xml-modules kamailio-sqlite-modules kamailio-tls-modules)"
command -v sqlite3 >/dev/null || die "sqlite3 not found (apt-get install sqlite3)"

# ---------------------------------------------------------------- run dir --
if [ "$RESTART" = 1 ]; then
    [ -n "$RUN" ] || die "--restart needs --run-dir"
    bash "$HERE/stop.sh" --run-dir "$RUN" >&2 || die "could not stop the server in $RUN"
fi

if [ -z "$RUN" ]; then
    RUN="$(mktemp -d "${TMPDIR:-/tmp}/presencekit-kamailio.XXXXXX")"
    : > "$RUN/$MARKER"
    echo "$RUN" > "$HERE/.last-run-dir" 2>/dev/null || true
else
    mkdir -p "$RUN"
    RUN="$(cd "$RUN" && pwd)"
    if [ ! -e "$RUN/$MARKER" ]; then
        [ -z "$(ls -A "$RUN")" ] || die "$RUN is not empty and not a run dir of this script"
        : > "$RUN/$MARKER"
    fi
fi
ENV_FILE="$RUN/kamailio.env"
DB="$RUN/kamailio.db"

env_get() { # key: value from the run dir's env file of an earlier start
    [ -f "$ENV_FILE" ] || return 0
    sed -n "s/^$1=//p" "$ENV_FILE" | tail -n 1
}

# already running in this run dir? (also: children left behind by a killed one)
if running="$(bash "$HERE/stop.sh" --run-dir "$RUN" --check 2>/dev/null)"; then
    die "already running in $RUN (pids $running); use --restart, restart.sh or stop.sh"
fi

# options and ports of an earlier start in this run dir are kept
onoff() { case "$1" in on) echo 1 ;; off) echo 0 ;; *) echo "" ;; esac; }
KEEP_PORTS=0
if [ -f "$ENV_FILE" ]; then
    [ -n "$WITH_AUTH" ] || WITH_AUTH="$(onoff "$(env_get AUTH)")"
    [ -n "$WITH_TLS" ] || WITH_TLS="$(onoff "$(env_get TLS)")"
    [ -n "$WITH_XCAPDIFF" ] || WITH_XCAPDIFF="$(onoff "$(env_get XCAP_DIFF)")"
    [ -n "$WITH_DEBUG" ] || WITH_DEBUG="$(onoff "$(env_get DEBUG)")"
    [ -n "$SHM_MB" ] || SHM_MB="$(env_get SHM_MB)"
    [ -n "$PKG_MB" ] || PKG_MB="$(env_get PKG_MB)"
    [ -n "$XMPP_GATEWAY" ] || XMPP_GATEWAY="$(env_get XMPP_GATEWAY)"
    if [ -z "$SIP_PORT" ]; then SIP_PORT="$(env_get SIP_TCP)"; SIP_PORT="${SIP_PORT##*:}"; fi
    if [ -z "$TLS_PORT" ]; then TLS_PORT="$(env_get SIP_TLS)"; TLS_PORT="${TLS_PORT##*:}"; fi
    [ -z "$SIP_PORT" ] || KEEP_PORTS=1
fi
WITH_AUTH="${WITH_AUTH:-1}" WITH_TLS="${WITH_TLS:-1}" WITH_DEBUG="${WITH_DEBUG:-0}"
WITH_XCAPDIFF="${WITH_XCAPDIFF:-auto}"
SHM_MB="${SHM_MB:-64}" PKG_MB="${PKG_MB:-8}"
[ -n "$SIP_PORT$TLS_PORT" ] && KEEP_PORTS=1   # given or recorded: never changed

# ---------------------------------------------------------------- ports --
port_bound() { # port: a TCP listener or a UDP socket on it
    port_entries "$1" | grep -q -E '^(tcp6? 0A|udp)'
}

T0=$(date +%s.%N)

# ---------------------------------------------------------------- database --
for f in standard presence rls auth_db usrloc; do
    [ -r "$SCHEMA_DIR/$f-create.sql" ] || die "missing schema $SCHEMA_DIR/$f-create.sql"
done
if [ ! -s "$DB" ]; then
    rm -f "$DB" "$DB-wal" "$DB-shm"
    for f in standard presence rls auth_db usrloc; do
        sqlite3 "$DB" < "$SCHEMA_DIR/$f-create.sql"
    done
    sqlite3 "$DB" "PRAGMA journal_mode=WAL;" >/dev/null
    md5() { printf '%s' "$1" | md5sum | cut -d' ' -f1; }
    if [ -n "$EXTRA_USERS" ] && [ "$EXTRA_USERS" -gt 0 ]; then
        USERS="$USERS $(seq -f 'user%02g' 1 "$EXTRA_USERS" | tr '\n' ' ')"
    fi
    sql="BEGIN;"
    for u in $USERS; do
        ha1="$(md5 "$u:$DOMAIN:$PASSWORD")"
        ha1b="$(md5 "$u@$DOMAIN:$DOMAIN:$PASSWORD")"
        sql="$sql INSERT INTO subscriber (username, domain, password, ha1, ha1b) VALUES ('$u', '$DOMAIN', '$PASSWORD', '$ha1', '$ha1b');"
    done
    sqlite3 "$DB" "$sql COMMIT;"
fi
# rls_watchers + rls_presentity live in db_text (rls + db_sqlite crash in 5.6)
if [ ! -f "$RUN/dbtext/version" ]; then
    mkdir -p "$RUN/dbtext"
    for t in rls_presentity rls_watchers; do
        cp "$DBTEXT_SCHEMA/$t" "$RUN/dbtext/$t" || die "missing db_text schema $DBTEXT_SCHEMA/$t"
    done
    printf 'id(int,auto) table_name(string) table_version(int) \n0:rls_presentity:1\n0:rls_watchers:3\n' > "$RUN/dbtext/version"
fi

# ---------------------------------------------------------------- TLS --
TLS_OK=0
if [ "$WITH_TLS" = 1 ]; then
    if [ -s "$RUN/tls/cert.pem" ] && [ -s "$RUN/tls/key.pem" ]; then
        TLS_OK=1
    elif command -v openssl >/dev/null && mkdir -p "$RUN/tls" && \
       openssl req -x509 -newkey rsa:2048 -nodes -days 365 \
            -keyout "$RUN/tls/key.pem" -out "$RUN/tls/cert.pem" \
            -subj "/CN=$DOMAIN" \
            -addext "subjectAltName=DNS:$DOMAIN,DNS:localhost,IP:$HOST" >"$RUN/tls/openssl.log" 2>&1; then
        TLS_OK=1
    else
        die "could not create the TLS certificate (see $RUN/tls/openssl.log; --no-tls starts without TLS)"
    fi
fi

# ------------------------------------------- SQLite busy-timeout shim --
# db_sqlite (5.6) sets no busy timeout; concurrent writers in different
# Kamailio processes then fail with "database is locked" (see NOTES.md).
PRELOAD=""
SHIM="$RUN/sqlite_busy_timeout.so"
CC_BIN="$(command -v cc || command -v gcc || true)"
if [ "${NO_SQLITE_SHIM:-0}" = 1 ]; then
    say "warning: NO_SQLITE_SHIM=1 - no SQLite busy timeout; concurrent DB writes may fail"
elif [ -s "$SHIM" ] && [ "$SHIM" -nt "$HERE/sqlite_busy_timeout.c" ]; then
    PRELOAD="$SHIM"
elif [ -z "$CC_BIN" ]; then
    say "warning: no C compiler - no SQLite busy-timeout shim; concurrent DB writes may fail"
elif "$CC_BIN" -shared -fPIC -O2 -o "$SHIM" "$HERE/sqlite_busy_timeout.c" -ldl >"$RUN/shim-build.log" 2>&1; then
    PRELOAD="$SHIM"
else
    say "warning: could not build the SQLite busy-timeout shim (see $RUN/shim-build.log)"
fi
export SQLITE_BUSY_TIMEOUT_MS="${SQLITE_BUSY_TIMEOUT_MS:-5000}"
if [ "$WITH_XCAPDIFF" = auto ]; then
    if [ -n "$PRELOAD" ]; then WITH_XCAPDIFF=1; else
        WITH_XCAPDIFF=0
        say "xcap-diff emulation off (no SQLite busy-timeout shim; force with --xcap-diff)"
    fi
fi

# ---------------------------------------------------------------- launch --
# The main process is started in a session (and process group) of its own:
# stop.sh finds exactly its processes, also when the main one was killed and
# left its children behind.
SETSID=""
command -v setsid >/dev/null && SETSID="setsid"

launch() { # -> sets PID; 0 when the server answers, 1 on a bind failure, dies otherwise
    local args=( -f "$CFG" -DD -E -P "$RUN/kamailio.pid" -w "$RUN" -Y "$RUN" -m "$SHM_MB" -M "$PKG_MB"
                 -A "SIP_PORT=$SIP_PORT" -A "TLS_PORT=$TLS_PORT"
                 -A "LOOPBACK_URI=\"sip:$HOST:$SIP_PORT;transport=udp\""
                 -A "RLS_SERVER_ADDRESS=\"sip:rls@$HOST:$SIP_PORT;transport=tcp\""
                 -A "DBURL=\"sqlite:///$DB\"" -A "RLPRES_DBURL=\"text://$RUN/dbtext\"" )
    [ "$WITH_AUTH" = 1 ] && args+=( -A WITH_AUTH )
    [ "$WITH_DEBUG" = 1 ] && args+=( -A WITH_DEBUG )
    [ "$TLS_OK" = 1 ] && args+=( -A WITH_TLS -A "TLS_CERT=\"$RUN/tls/cert.pem\"" -A "TLS_KEY=\"$RUN/tls/key.pem\"" )
    [ "$WITH_XCAPDIFF" = 1 ] && args+=( -A WITH_XCAPDIFF -A "SQLCON=\"db=>sqlite:///$DB\"" )
    if [ -n "$XMPP_GATEWAY" ] && [ "$XMPP_GATEWAY" != none ]; then
        args+=( -A "XMPP_GATEWAY_URI=\"sip:$XMPP_GATEWAY;transport=tcp\""
                -A "XMPP_GATEWAY_HOST=\"${XMPP_GATEWAY%:*}\"" -A "XMPP_GATEWAY_PORT=${XMPP_GATEWAY##*:}" )
    fi
    printf '%s\n' "${args[@]}" > "$RUN/kamailio.args"

    # config check first: a fast failure with a readable error
    if ! "$KAMAILIO" -c "${args[@]}" >"$RUN/config-check.log" 2>&1; then
        tail -n 30 "$RUN/config-check.log" >&2
        die "config check failed ($KAMAILIO; log $RUN/config-check.log)"
    fi

    rm -f "$RUN/kamailio.pid"
    echo "=== $(date -u +%FT%TZ) start on SIP port $SIP_PORT, TLS port $TLS_PORT" >> "$RUN/kamailio.log"
    local start_line
    start_line=$(wc -l < "$RUN/kamailio.log")
    if [ -n "$PRELOAD" ]; then
        LD_PRELOAD="$PRELOAD" $SETSID "$KAMAILIO" "${args[@]}" >>"$RUN/kamailio.log" 2>&1 </dev/null &
    else
        $SETSID "$KAMAILIO" "${args[@]}" >>"$RUN/kamailio.log" 2>&1 </dev/null &
    fi
    PID=$!
    echo "$PID" > "$RUN/launcher.pid"

    # wait until a worker answers HTTP on the SIP port (the listening socket
    # exists before the workers are forked, so an open port is not enough)
    local ok=0 deadline
    deadline=$(( $(date +%s) + START_TIMEOUT ))
    while [ "$(date +%s)" -le "$deadline" ]; do
        kill -0 "$PID" 2>/dev/null || break
        if http_ready; then ok=1; break; fi
        sleep 0.1
    done
    if [ "$ok" = 1 ] && [ "$TLS_OK" = 1 ]; then
        ok=0
        while [ "$(date +%s)" -le "$deadline" ]; do
            kill -0 "$PID" 2>/dev/null || break
            if (exec 3<>"/dev/tcp/$HOST/$TLS_PORT") 2>/dev/null; then ok=1; break; fi
            sleep 0.1
        done
    fi
    # still alive a moment later? (a failing child makes the main process exit)
    if [ "$ok" = 1 ]; then
        sleep 0.3
        kill -0 "$PID" 2>/dev/null || ok=0
    fi
    [ "$ok" = 1 ] && return 0
    if kill -0 "$PID" 2>/dev/null; then
        bash "$HERE/stop.sh" --run-dir "$RUN" >/dev/null 2>&1 || true
    else
        wait "$PID" 2>/dev/null || true
    fi
    if tail -n +"$((start_line + 1))" "$RUN/kamailio.log" | grep -q "Address already in use"; then
        return 1
    fi
    tail -n +"$((start_line + 1))" "$RUN/kamailio.log" | tail -n 40 >&2 || true
    die "kamailio did not come up (log: $RUN/kamailio.log)"
}
http_ready() {
    local line=""
    { exec 3<>"/dev/tcp/$HOST/$SIP_PORT"; } 2>/dev/null || return 1
    printf 'GET /xcap-root/xcap-caps/global/index HTTP/1.0\r\nHost: %s:%s\r\n\r\n' "$HOST" "$SIP_PORT" >&3
    IFS= read -r -t 3 line <&3 || true
    exec 3<&- 3>&-
    case "$line" in "HTTP/1."*" 200 "*) return 0 ;; esac
    return 1
}

TL=$(date +%s.%N)
attempt=1
while :; do
    [ -n "$SIP_PORT" ] || SIP_PORT="$(pick_port "$TLS_PORT")"
    [ -n "$TLS_PORT" ] || TLS_PORT="$(pick_port "$SIP_PORT")"
    if [ "$KEEP_PORTS" = 1 ]; then
        # a port that is taken makes Kamailio fail; say which one
        for p in "$SIP_PORT" $([ "$TLS_OK" = 1 ] && echo "$TLS_PORT"); do
            if port_bound "$p"; then
                # a server that was just stopped may still be going down
                for _ in $(seq 1 50); do port_bound "$p" || break; sleep 0.1; done
                if port_bound "$p"; then die "port $p is in use on this machine"; fi
            fi
        done
    fi
    TL=$(date +%s.%N)
    launch && break
    if [ "$KEEP_PORTS" = 1 ] || [ "$attempt" -ge 5 ]; then
        die "kamailio could not bind SIP port $SIP_PORT / TLS port $TLS_PORT (log: $RUN/kamailio.log)"
    fi
    say "port $SIP_PORT or $TLS_PORT taken meanwhile; trying other ports"
    SIP_PORT="" TLS_PORT="" attempt=$((attempt + 1))
done
T1=$(date +%s.%N)

MAIN_PID="$(cat "$RUN/kamailio.pid" 2>/dev/null || true)"
if [ -n "$MAIN_PID" ] && [ "$MAIN_PID" != "$PID" ]; then
    say "warning: pid file says $MAIN_PID, launcher pid $PID"
fi
echo "$PID" > "$RUN/kamailio.pid"
PGID="$(awk '{ sub(/.*\) /, ""); print $3 }' "/proc/$PID/stat")"

onoff_out() { [ "$1" = 1 ] && echo on || echo off; }
{
    echo "RUN_DIR=$RUN"
    echo "PID=$PID"
    echo "PGID=$PGID"
    echo "SIP_UDP=$HOST:$SIP_PORT"
    echo "SIP_TCP=$HOST:$SIP_PORT"
    if [ "$TLS_OK" = 1 ]; then echo "SIP_TLS=$HOST:$TLS_PORT"; else echo "SIP_TLS="; fi
    echo "XCAP_ROOT=http://$HOST:$SIP_PORT/xcap-root"
    if [ "$TLS_OK" = 1 ]; then echo "XCAP_ROOT_TLS=https://$HOST:$TLS_PORT/xcap-root"; else echo "XCAP_ROOT_TLS="; fi
    if [ "$TLS_OK" = 1 ]; then echo "TLS_CERT=$RUN/tls/cert.pem"; else echo "TLS_CERT="; fi
    echo "DOMAIN=$DOMAIN"
    echo "USERS=$(sqlite3 "$DB" "SELECT username FROM subscriber ORDER BY id;" | paste -sd, -)"
    echo "PASSWORD=$PASSWORD"
    echo "AUTH=$(onoff_out "$WITH_AUTH")"
    echo "TLS=$(onoff_out "$TLS_OK")"
    echo "XCAP_DIFF=$(onoff_out "$WITH_XCAPDIFF")"
    echo "DEBUG=$(onoff_out "$WITH_DEBUG")"
    echo "SHM_MB=$SHM_MB"
    echo "PKG_MB=$PKG_MB"
    if [ -n "$XMPP_GATEWAY" ] && [ "$XMPP_GATEWAY" != none ]; then echo "XMPP_GATEWAY=$XMPP_GATEWAY"; else echo "XMPP_GATEWAY="; fi
    echo "XMPP_DOMAIN=xmpp.example.org"
    echo "LOG=$RUN/kamailio.log"
    echo "HARNESS_DIR=$HERE"
} > "$ENV_FILE.tmp"
mv "$ENV_FILE.tmp" "$ENV_FILE"

say "kamailio up in $(awk -v a="$T0" -v l="$TL" -v b="$T1" 'BEGIN{printf "%.2f s (prepare %.2f s, launch to ready %.2f s)", b-a, l-a, b-l}'); sqlite busy timeout: $([ -n "$PRELOAD" ] && echo "${SQLITE_BUSY_TIMEOUT_MS} ms" || echo none)"
cat "$ENV_FILE"
