#!/usr/bin/env bash
# Installs what the build needs when it is missing: a JDK 17 (or newer) and Maven, from Debian's packages.
set -euo pipefail

need_install=()
java_major() {
  java -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = \([0-9]*\).*/\1/p'
}
if ! command -v javac >/dev/null 2>&1 || [ "$(java_major)" -lt 17 ] 2>/dev/null; then
  need_install+=(openjdk-17-jdk-headless)
fi
if ! command -v mvn >/dev/null 2>&1; then
  need_install+=(maven)
fi
if [ ${#need_install[@]} -gt 0 ]; then
  echo "Installing ${need_install[*]} ..."
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
  $SUDO apt-get update -q
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q "${need_install[@]}"
fi
