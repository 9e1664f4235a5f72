#!/usr/bin/env bash
# Set-up on Debian 12 with Node 20 (as root): system compilers, npm packages, the TypeScript build and
# the emulated CPE runtime. Idempotent and quick when everything is in place, so `npm test` runs it
# first and works on a fresh clone too.
set -euo pipefail
cd "$(dirname "$0")/.."
quiet=0
[ "${1:-}" = "--quiet" ] && quiet=1
say() { [ "$quiet" = 1 ] || echo "setup: $*"; }

need=()
for tool in gcc:gcc g++:g++ gfortran:gfortran make:make objcopy:binutils python3:python3; do
  command -v "${tool%%:*}" >/dev/null 2>&1 || need+=("${tool#*:}")
done
if [ "${#need[@]}" -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "setup: missing ${need[*]}; run this script as root, or install them with apt-get" >&2
    exit 1
  fi
  say "installing ${need[*]} with apt-get"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

# npm ci only when node_modules is missing or older than the lock file.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "npm ci"
  npm ci --no-audit --no-fund --loglevel=error
fi
say "building o2ath"
npx tsc -p tsconfig.json
node scripts/postbuild.mjs
say "building the emulated CPE runtime"
make -s -C runtime-c >/dev/null
say "done: gcc $(gcc -dumpversion), gfortran $(gfortran -dumpversion), node $(node --version)"
