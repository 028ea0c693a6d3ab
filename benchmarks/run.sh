#!/usr/bin/env bash
# Builds benchmarks/target/benchmarks.jar, runs a full measurement and prints the summary table.
#
#   bash benchmarks/run.sh          the PidfParseBenchmark run with the settings of the project's
#                                   PIDF parsing anchors (as before; about 12 minutes: 50 forks,
#                                   five per benchmark, as this class of shared VM is noisy)
#   bash benchmarks/run.sh rls      the RlsNotifyBenchmark run: a 1,000-member list NOTIFY decoded
#                                   and reconciled against its Woodstox floor (about 5 minutes)
#   bash benchmarks/run.sh all      both, one after the other
#
# Run it on a quiet machine: nothing else, one benchmark thread.
# MAVEN_ARGS is passed to Maven (for example MAVEN_ARGS=-o to build offline).
set -euo pipefail

which="${1:-pidf}"
case "$which" in
  pidf|rls|all) ;;
  *) echo "usage: $0 [pidf|rls|all]" >&2; exit 2 ;;
esac

cd "$(dirname "$0")/.."
bash scripts/ensure-tools.sh
if ! command -v python3 >/dev/null 2>&1; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -q && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q python3
fi

# shellcheck disable=SC2086
mvn -B -q ${MAVEN_ARGS:-} -pl benchmarks -am package -DskipTests

mkdir -p benchmarks/results
if [ "$which" = pidf ] || [ "$which" = all ]; then
  java -jar benchmarks/target/benchmarks.jar \
    -f 5 -wi 8 -w 1s -i 5 -r 1s -prof gc \
    -rf json -rff benchmarks/results/pidf-parse.json \
    PidfParseBenchmark
  python3 benchmarks/summarize.py benchmarks/results/pidf-parse.json
fi
if [ "$which" = rls ] || [ "$which" = all ]; then
  java -jar benchmarks/target/benchmarks.jar \
    -f 5 -wi 5 -w 1s -i 5 -r 1s -prof gc \
    -rf json -rff benchmarks/results/rls-notify.json \
    RlsNotifyBenchmark
  python3 benchmarks/summarize.py benchmarks/results/rls-notify.json
fi
