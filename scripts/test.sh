#!/usr/bin/env bash
# Runs every test of the project: unit tests and the RFC test-vector suites.
# The shared test vectors are read from ../shared/vectors (override with -Dpresencekit.vectors=...).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-tools.sh
exec mvn -B verify "$@"
