# Shell helpers shared by the interop servers' start scripts (interop/kamailio, interop/prosody).
# Sourced, not run. The caller defines die and say (messages with its own name) and INSTALL
# (1: install missing Debian packages, else only report them).

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

pkg_missing() { # pkg...: prints the ones dpkg does not have installed
    local p
    for p in "$@"; do
        dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null | grep -q "install ok installed" || echo "$p"
    done
}

install_missing() { # pkg...: installs those not installed (or reports them with INSTALL != 1)
    local missing
    [ $# -gt 0 ] || return 0
    command -v dpkg-query >/dev/null || return 0   # not Debian: the caller's checks say what is missing
    missing="$(pkg_missing "$@")"
    [ -n "$missing" ] || return 0
    if [ "$INSTALL" != 1 ]; then
        say "missing packages (not installing, --no-install):" $missing
        return 0
    fi
    say "installing" $missing "..."
    # the lock timeout lets parallel runs on one machine wait for each other
    as_root apt-get -o DPkg::Lock::Timeout=300 update -q >&2 || die "apt-get update failed"
    # shellcheck disable=SC2086
    as_root env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 install -y -q $missing >&2 \
        || die "apt-get install failed:" $missing
}

port_entries() { # port: its lines in /proc/net/{tcp,udp}{,6} as "proto state"
    local hex f
    hex="$(printf '%04X' "$1")"
    for f in tcp tcp6 udp udp6; do
        awk -v f="$f" -v h=":$hex" 'NR > 1 && substr($2, length($2) - 4) == h { print f, $4 }' \
            "/proc/net/$f" 2>/dev/null || true
    done
}

port_in_use() { # port: some socket on it, in any state (kept clear of when picking)
    [ -n "$(port_entries "$1")" ]
}

pick_port() { # a free port below the ephemeral range, other than $1
    local lo=10000 hi=32767 eph p i
    eph="$(awk '{print $1}' /proc/sys/net/ipv4/ip_local_port_range 2>/dev/null || echo 32768)"
    [ "$eph" -gt 12000 ] 2>/dev/null && hi=$((eph - 1))
    for i in $(seq 1 200); do
        p=$((lo + (RANDOM * 32768 + RANDOM) % (hi - lo + 1)))
        [ "$p" != "${1:-}" ] || continue
        port_in_use "$p" || { echo "$p"; return 0; }
    done
    die "no free port found"
}
