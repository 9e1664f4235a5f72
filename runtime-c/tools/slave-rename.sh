#!/bin/sh
# Give every function an object file defines the slave_ prefix, as the Sunway
# slave compiler does (sw9gcc -mslave / sw5cc -slave): CPE code defines `f`,
# the MPE spawns `slave_f`.  Names already starting with slave_ are kept.
# Variables keep their names, as on the real toolchain.
#
# usage: slave-rename.sh OBJECT...
# env:   NM, OBJCOPY (default nm, objcopy)
set -eu
NM=${NM:-nm}
OBJCOPY=${OBJCOPY:-objcopy}
[ $# -gt 0 ] || { echo "usage: $0 OBJECT..." >&2; exit 2; }
for obj in "$@"; do
  map=$(mktemp "${TMPDIR:-/tmp}/slave-rename.XXXXXX")
  # "ADDRESS T NAME": defined global text symbols only
  "$NM" --defined-only -g "$obj" |
    awk '$2 == "T" && $3 !~ /^slave_/ { print $3 " slave_" $3 }' >"$map"
  if [ -s "$map" ]; then
    "$OBJCOPY" --redefine-syms="$map" "$obj"
  fi
  rm -f "$map"
done
