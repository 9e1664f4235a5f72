#!/usr/bin/env bash
# One-time set-up on Debian 12 with Node 20 (run as root): system compilers, npm packages, build.
# Safe to re-run: it installs only what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
for tool in gcc:gcc gfortran:gfortran make:make objcopy:binutils g++:g++ python3:python3; do
  command -v "${tool%%:*}" >/dev/null 2>&1 || need+=("${tool#*:}")
done
if [ "${#need[@]}" -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "setup: missing ${need[*]}; run as root or install them with apt-get" >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

if [ -f package-lock.json ]; then npm ci --no-audit --no-fund; else npm install --no-audit --no-fund; fi
npm run build --silent
echo "setup: done (gcc $(gcc -dumpversion), gfortran $(gfortran -dumpversion), node $(node --version))"
