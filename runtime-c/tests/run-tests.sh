#!/bin/sh
# Build and run the runtime's C tests the way the o2ath driver builds
# emulated programs: each tests/NAME.c is compiled twice, once as MPE code
# (-D__sw_host__) and once as CPE code (-D__sw_slave__, then slave-rename.sh),
# and linked with the runtime archive of each target it names.
#
# Directives inside a test (lines starting with //!):
#   //! targets: pro sw26010        targets to build for (default: pro)
#   //! run: ARGS                   run with ARGS and expect exit status 0
#   //! run: ARGS => error: TEXT    expect a failing exit and TEXT on stderr
#   //! run: ARGS => stderr: TEXT   expect exit status 0 and TEXT on stderr
#   //! env: NAME=VALUE ...         environment for every run of this test
#   //! nosan                       (on a run line) skip it under sanitizers
# Without run lines a test is run once without arguments.
#
# env: CC CFLAGS SAN BUILD (set by `make check`), ONLY_TARGET=pro|sw26010,
#      JOBS (parallel tests, default 2), TESTS or arguments: names.
set -u
self=$(cd "$(dirname "$0")" && pwd)/run-tests.sh
cd "$(dirname "$self")/.."
CC=${CC:-gcc}
CFLAGS=${CFLAGS:--O2 -g}
SAN=${SAN:-}
BUILD=${BUILD:-build}
SANFLAGS=
[ -n "$SAN" ] && SANFLAGS="-fsanitize=$SAN -fno-omit-frame-pointer"
# Keep sanitizer reports fatal and the tests quick.
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}
export TSAN_OPTIONS=${TSAN_OPTIONS:-halt_on_error=1:second_deadlock_stack=1}

one=
if [ "${1:-}" = --one ]; then
  one=1
  shift
fi
names="$*"
[ -z "$names" ] && names=$(ls tests/*.c | sed 's|tests/||; s|\.c$||')

# Without --one: run the tests JOBS at a time (each one builds 2-3 objects
# per target), then count the PASS/FAIL lines.
if [ -z "$one" ]; then
  all=$(mktemp "${TMPDIR:-/tmp}/o2ath-rt-tests.XXXXXX")
  printf '%s\n' $names | xargs -P "${JOBS:-2}" -n 1 sh "$self" --one | tee "$all"
  pass=$(grep -c '^PASS' "$all")
  fail=$(grep -c '^FAIL' "$all")
  rm -f "$all"
  echo "$pass passed, $fail failed"
  [ "$fail" -eq 0 ]
  exit
fi
pass=0
fail=0
failed=

report() { # status name detail
  if [ "$1" = ok ]; then
    pass=$((pass + 1))
    echo "PASS $2"
  else
    fail=$((fail + 1))
    failed="$failed $2"
    echo "FAIL $2: $3"
  fi
}

for name in $names; do
  src=tests/$name.c
  targets=$(sed -n 's|^//! targets: *||p' "$src")
  [ -z "$targets" ] && targets=pro
  if [ -n "${ONLY_TARGET:-}" ]; then
    case " $targets " in *" $ONLY_TARGET "*) targets=$ONLY_TARGET ;; *) continue ;; esac
  fi
  envs=$(sed -n 's|^//! env: *||p' "$src")
  for tgt in $targets; do
    out=$BUILD/tests/$tgt
    mkdir -p "$out"
    if [ "$tgt" = sw26010 ]; then
      def=-DO2ATH_EMU_SW26010
      lib=$BUILD/libo2athrt_sw26010.a
    else
      def=
      lib=$BUILD/libo2athrt.a
    fi
    exe=$out/$name
    log=$out/$name.build.log
    # shellcheck disable=SC2086
    if ! { $CC $CFLAGS $SANFLAGS -Wall -Wextra -Werror -pthread -Iinclude $def -D__sw_host__ \
             -c "$src" -o "$exe.host.o" &&
           $CC $CFLAGS $SANFLAGS -Wall -Wextra -Werror -pthread -Iinclude $def -D__sw_slave__ \
             -c "$src" -o "$exe.slave.o" &&
           sh tools/slave-rename.sh "$exe.slave.o" &&
           $CC $CFLAGS $SANFLAGS -pthread "$exe.host.o" "$exe.slave.o" "$lib" -lm -o "$exe"; } \
         >"$log" 2>&1; then
      report fail "$tgt/$name" "build failed: $(cat "$log")"
      continue
    fi
    runs=$(sed -n 's|^//! run: *||p' "$src")
    [ -z "$runs" ] && runs=" "
    echo "$runs" | while IFS= read -r line; do
      case "$line" in *"//! nosan"* | *nosan*) [ -n "$SAN" ] && continue ;; esac
      line=$(echo "$line" | sed 's|//! nosan||; s|nosan||')
      args=${line%%=>*}
      expect=
      warn=
      case "$line" in
      *"=> error:"*) expect=${line#*=> error: } ;;
      *"=> stderr:"*) warn=${line#*=> stderr: } ;;
      esac
      expect=$(echo "$expect" | sed 's/ *$//')
      warn=$(echo "$warn" | sed 's/ *$//')
      errf=$out/$name.stderr
      # shellcheck disable=SC2086
      env $envs timeout 60 "$exe" $args >"$out/$name.stdout" 2>"$errf"
      st=$?
      label="$tgt/$name $(echo $args)"
      if [ -n "$warn" ]; then
        if [ $st -eq 0 ] && grep -qF -- "$warn" "$errf"; then
          echo "ok $label"
        else
          echo "bad $label: exit $st, expected success with '$warn' on stderr: $(head -c 2000 "$errf")"
        fi
      elif [ -z "$expect" ]; then
        if [ $st -eq 0 ]; then echo "ok $label"; else echo "bad $label: exit $st: $(head -c 2000 "$errf")"; fi
      else
        if [ $st -ne 0 ] && grep -qF -- "$expect" "$errf"; then
          echo "ok $label"
        else
          echo "bad $label: exit $st, expected an error containing '$expect', stderr: $(head -c 2000 "$errf")"
        fi
      fi
    done >"$out/$name.results"
    while IFS= read -r r; do
      case "$r" in
      "ok "*) report ok "${r#ok }" ;;
      "bad "*) rest=${r#bad }; report fail "${rest%%:*}" "${rest#*: }" ;;
      esac
    done <"$out/$name.results"
  done
done
[ $fail -eq 0 ]
