#!/usr/bin/env bash
# Runs every test of the project: unit tests, the RFC test-vector suites and the interop tests
# (JUnit tag "interop") against a local Kamailio started on free ports by interop/kamailio/start.sh
# and a local Prosody (the XMPP side of the gateway) started by interop/prosody/start.sh; both
# install their server from Debian's packages when it is missing. The servers are stopped at the
# end, also when tests fail.
# The shared test vectors are read from ../shared/vectors (override with -Dpresencekit.vectors=...).
# Extra arguments go to Maven. Without them the run fails when no interop test ran.
# Environment: KAMAILIO (the kamailio binary) and PROSODY (the prosody binary), passed on to the
# start scripts.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-tools.sh

WORK="$(mktemp -d "${TMPDIR:-/tmp}/presencekit-test.XXXXXX")"
SERVER_DIR="$WORK/kamailio"
XMPP_DIR="$WORK/prosody"
REPORT="$WORK/interop-tests.txt"
cleanup() {
  bash interop/kamailio/stop.sh --run-dir "$SERVER_DIR" >/dev/null 2>&1 || true
  bash interop/prosody/stop.sh --run-dir "$XMPP_DIR" >/dev/null 2>&1 || true
  # the servers' logs outlive their run dirs
  rm -rf target/interop
  if compgen -G "$SERVER_DIR/*.log" >/dev/null; then
    mkdir -p target/interop && cp "$SERVER_DIR"/*.log target/interop/ 2>/dev/null || true
  fi
  if compgen -G "$XMPP_DIR/*.log" >/dev/null; then
    mkdir -p target/interop/prosody && cp "$XMPP_DIR"/*.log "$XMPP_DIR"/prosody.out target/interop/prosody/ 2>/dev/null || true
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# the SIP address the gateway's interop tests listen on: Kamailio forwards presence SUBSCRIBEs for
# xmpp.example.org there (the tests read it as XMPP_GATEWAY from kamailio.env)
gateway_port() {
  local p i
  for i in $(seq 1 100); do
    p=$((20000 + RANDOM % 12000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then echo "$p"; return 0; fi
  done
  echo "test.sh: no free port for the gateway" >&2
  return 1
}
GATEWAY_PORT="$(gateway_port)"

echo "Starting the interop server (interop/kamailio/start.sh) ..."
# the scale tests hold 1,000 subscriptions and the resource-list tests need 20 more users
if ! bash interop/kamailio/start.sh --run-dir "$SERVER_DIR" --shm 512 --pkg 32 --extra-users 20 \
    --xmpp-gateway "127.0.0.1:$GATEWAY_PORT" > "$WORK/server.env"; then
  echo "test.sh: the interop server did not start; see the messages above and target/interop/" >&2
  exit 1
fi
grep -E '^(SIP_TCP|SIP_TLS|XCAP_ROOT|XMPP_GATEWAY)=' "$WORK/server.env" | sed 's/^/  /'

echo "Starting the XMPP interop server (interop/prosody/start.sh) ..."
if ! bash interop/prosody/start.sh --run-dir "$XMPP_DIR" > "$WORK/xmpp.env"; then
  echo "test.sh: the XMPP interop server did not start; see the messages above and target/interop/prosody/" >&2
  exit 1
fi
grep -E '^(C2S|COMPONENT)=' "$WORK/xmpp.env" | sed 's/^/  /'

status=0
mvn -B verify \
  -Dpresencekit.excludedGroups=known-defect \
  -Dpresencekit.interop.env="$SERVER_DIR/kamailio.env" \
  -Dpresencekit.xmpp.env="$XMPP_DIR/prosody.env" \
  -Dpresencekit.interop.report="$REPORT" \
  "$@" || status=$?

ran=0
[ -f "$REPORT" ] && ran=$(grep -vc '^ABORTED ' "$REPORT" || true)
echo "Interop tests run against Kamailio: $ran (server logs: target/interop/)"
if [ "$status" -eq 0 ] && [ "$ran" -eq 0 ]; then
  if [ $# -eq 0 ]; then
    echo "test.sh: FAILED: no interop test ran (tests tagged \"interop\")" >&2
    exit 1
  fi
  echo "test.sh: note: no interop test ran with the arguments given" >&2
fi
exit "$status"
