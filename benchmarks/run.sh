#!/usr/bin/env bash
# Builds benchmarks/target/benchmarks.jar and runs the full PidfParseBenchmark measurement with the
# settings of the project's PIDF parsing anchors, then prints the summary table.
# About 12 minutes (50 forks: five per benchmark, as this class of shared VM is noisy). Run it on a quiet machine: nothing else, one benchmark thread.
# MAVEN_ARGS is passed to Maven (for example MAVEN_ARGS=-o to build offline).
set -euo pipefail

cd "$(dirname "$0")/.."
bash scripts/ensure-tools.sh
if ! command -v python3 >/dev/null 2>&1; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -q && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q python3
fi

# shellcheck disable=SC2086
mvn -B -q ${MAVEN_ARGS:-} -pl benchmarks -am package -DskipTests

mkdir -p benchmarks/results
java -jar benchmarks/target/benchmarks.jar \
  -f 5 -wi 8 -w 1s -i 5 -r 1s -prof gc \
  -rf json -rff benchmarks/results/pidf-parse.json \
  PidfParseBenchmark

python3 benchmarks/summarize.py benchmarks/results/pidf-parse.json
