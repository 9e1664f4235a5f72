// Table-driven diagnostic tests: directive text → the exact gcc-style output (parse + check).
// Each row: language, the directive's lines (continuations for the later ones), expected text.
import { describe, expect, test } from 'vitest';
import type { Language } from '../../src/openmp/spec-types.js';
import { run } from './site.js';

const CASES: readonly (readonly [Language, readonly string[], string])[] = [
  ['c', ['paralel for'], `test.c:1:13: error: unknown OpenMP directive 'paralel'; did you mean 'parallel for'? [omp-unknown-directive]
    1 | #pragma omp paralel for
      |             ^~~~~~~
`],
  ['c', ['parallel for privat(i)'], `test.c:1:26: error: unknown clause 'privat' on '#pragma omp parallel for'; did you mean 'private'? [omp-unknown-clause]
    1 | #pragma omp parallel for privat(i)
      |                          ^~~~~~
`],
  ['c', ['parallel schedule(static)'], `test.c:1:22: error: 'schedule' is not valid for '#pragma omp parallel' [omp-clause-not-allowed]
    1 | #pragma omp parallel schedule(static)
      |                      ^~~~~~~~
`],
  ['c', ['for schedule(static) schedule(static, 2)'], `test.c:1:34: error: too many 'schedule' clauses [omp-duplicate-clause]
    1 | #pragma omp for schedule(static) schedule(static, 2)
      |                                  ^~~~~~~~
test.c:1:17: note: first listed here
    1 | #pragma omp for schedule(static) schedule(static, 2)
      |                 ^~~~~~~~
`],
  ['c', ['for schedule(fast)'], `test.c:1:26: error: invalid 'schedule' kind 'fast'; expected 'static', 'dynamic', 'guided', 'auto' or 'runtime' [omp-bad-value]
    1 | #pragma omp for schedule(fast)
      |                          ^~~~
`],
  ['c', ['parallel default(nothing)'], `test.c:1:30: error: invalid 'default' kind 'nothing'; expected 'shared', 'none', 'private' or 'firstprivate' [omp-bad-value]
    1 | #pragma omp parallel default(nothing)
      |                              ^~~~~~~
`],
  ['c', ['parallel reduction(.and.: x)'], `test.c:1:32: error: invalid reduction identifier '.and.' [omp-bad-reduction-op]
    1 | #pragma omp parallel reduction(.and.: x)
      |                                ^~~~~
`],
  ['c', ['parallel reduction(x)'], `test.c:1:33: error: expected ':' before ')' [omp-expected]
    1 | #pragma omp parallel reduction(x)
      |                                 ^
`],
  ['c', ['parallel private()'], `test.c:1:30: error: expected at least one list item in 'private' [omp-empty-list]
    1 | #pragma omp parallel private()
      |                              ^
`],
  ['c', ['parallel private(x) firstprivate(x)'], `test.c:1:46: error: 'x' appears in more than one data-sharing clause [omp-duplicate-var]
    1 | #pragma omp parallel private(x) firstprivate(x)
      |                                              ^
test.c:1:30: note: first listed here
    1 | #pragma omp parallel private(x) firstprivate(x)
      |                              ^
`],
  ['c', ['for firstprivate(x) lastprivate(x)'], ``],
  ['c', ['parallel private(a[0:n])'], `test.c:1:30: error: 'a[0:n]' is not a variable in clause 'private' [omp-bad-list-item]
    1 | #pragma omp parallel private(a[0:n])
      |                              ^~~~~~
`],
  ['c', ['parallel num_threads'], `test.c:1:22: error: expected '(' after 'num_threads' [omp-missing-argument]
    1 | #pragma omp parallel num_threads
      |                      ^~~~~~~~~~~
`],
  ['c', ['parallel nowait'], `test.c:1:22: error: 'nowait' is not valid for '#pragma omp parallel' [omp-clause-not-allowed]
    1 | #pragma omp parallel nowait
      |                      ^~~~~~
`],
  ['c', ['for nowait(1)'], `test.c:1:23: error: 'nowait' takes no argument [omp-unexpected-argument]
    1 | #pragma omp for nowait(1)
      |                       ^~~
`],
  ['c', ['task'], `test.c:1:13: error: '#pragma omp task' is not supported on Athread yet [unsupported-task]
    1 | #pragma omp task
      |             ^~~~
`],
  ['c', ['taskloop'], `test.c:1:13: error: '#pragma omp taskloop' is not supported on Athread yet [unsupported-taskloop]
    1 | #pragma omp taskloop
      |             ^~~~~~~~
`],
  ['c', ['target teams distribute parallel for map(tofrom: a)'], `test.c:1:50: note: 'map' is accepted: MPE and CPEs share one address space; nothing is copied
    1 | #pragma omp target teams distribute parallel for map(tofrom: a)
      |                                                  ^~~
`],
  ['c', ['for schedule(dynamic, 4)'], ``],
  ['c', ['parallel for collapse(2)'], ``],
  ['c', ['parallel proc_bind(spread)'], `test.c:1:22: note: 'proc_bind' is accepted: each CPE is its own place; binding is fixed
    1 | #pragma omp parallel proc_bind(spread)
      |                      ^~~~~~~~~
`],
  ['c', ['parallel reduction(inscan, +: x)'], `test.c:1:32: error: 'inscan' modifier in 'reduction' clause is not supported on Athread yet [unsupported-modifier]
    1 | #pragma omp parallel reduction(inscan, +: x)
      |                                ^~~~~~
`],
  ['c', ['workshare'], `test.c:1:13: error: 'workshare' exists only in Fortran [omp-wrong-language]
    1 | #pragma omp workshare
      |             ^~~~~~~~~
`],
  ['c', ['parallel do'], `test.c:1:13: error: 'parallel do' is the Fortran spelling; use 'parallel for' [omp-wrong-language]
    1 | #pragma omp parallel do
      |             ^~~~~~~~~~~
`],
  ['c', ['tile'], `test.c:1:13: error: '#pragma omp tile' requires a 'sizes' clause [omp-missing-clause]
    1 | #pragma omp tile
      |             ^~~~
`],
  ['c', ['parallel if(simd: c)'], `test.c:1:25: error: 'simd' does not name a construct of '#pragma omp parallel' [omp-bad-if-modifier]
    1 | #pragma omp parallel if(simd: c)
      |                         ^~~~
`],
  ['c', ['parallel if(c) if(c)'], `test.c:1:28: error: too many 'if' clauses [omp-duplicate-clause]
    1 | #pragma omp parallel if(c) if(c)
      |                            ^~
test.c:1:22: note: first listed here
    1 | #pragma omp parallel if(c) if(c)
      |                      ^~
`],
  ['c', ['atomic read write'], `test.c:1:25: error: 'write' cannot be used together with 'read' [omp-exclusive-clauses]
    1 | #pragma omp atomic read write
      |                         ^~~~~
test.c:1:20: note: first listed here
    1 | #pragma omp atomic read write
      |                    ^~~~
`],
  ['c', ['parallel private(x'], `test.c:1:31: error: expected ')' [omp-expected]
    1 | #pragma omp parallel private(x
      |                               ^
`],
  ['c', ['parallel, private(x)'], `test.c:1:21: error: expected an OpenMP clause before ',' [omp-expected]
    1 | #pragma omp parallel, private(x)
      |                     ^
`],
  ['c', ['parallel private(x) ; shared(y)'], `test.c:1:33: error: expected an OpenMP clause before ';' [omp-expected]
    1 | #pragma omp parallel private(x) ; shared(y)
      |                                 ^
`],
  ['c', ['threadprivate'], `test.c:1:13: error: expected '(' after 'threadprivate' [omp-missing-argument]
    1 | #pragma omp threadprivate
      |             ^~~~~~~~~~~~~
`],
  ['c', ['parallel(x)'], `test.c:1:21: error: 'parallel' takes no argument [omp-unexpected-argument]
    1 | #pragma omp parallel(x)
      |                     ^~~
`],
  ['c', [''], `test.c:1:13: error: expected an OpenMP directive name [omp-expected]
    1 | #pragma omp 
      |             ^
`],
  ['c', ['parallel map(to: x)'], `test.c:1:22: error: 'map' is not valid for '#pragma omp parallel' [omp-clause-not-allowed]
    1 | #pragma omp parallel map(to: x)
      |                      ^~~
`],
  ['c', ['target map(tofro: x)'], `test.c:1:24: error: invalid modifier 'tofro' in 'map' clause; did you mean 'tofrom'? [omp-bad-modifier]
    1 | #pragma omp target map(tofro: x)
      |                        ^~~~~
`],
  ['c', ['parallel for', 'privat(i)'], `test.c:2:5: error: unknown clause 'privat' on '#pragma omp parallel for'; did you mean 'private'? [omp-unknown-clause]
    2 |     privat(i)
      |     ^~~~~~
`],
  ['c', ['critical(a b)'], `test.c:1:24: error: expected ')' before 'b' [omp-expected]
    1 | #pragma omp critical(a b)
      |                        ^
`],
  ['c', ['barrier'], ``],
  ['c', ['parallel message("abc)'], `test.c:1:30: error: missing terminating " character [omp-syntax]
    1 | #pragma omp parallel message("abc)
      |                              ^~~~~
test.c:1:35: error: expected ')' [omp-expected]
    1 | #pragma omp parallel message("abc)
      |                                   ^
test.c:1:22: error: 'message' is not valid for '#pragma omp parallel' [omp-clause-not-allowed]
    1 | #pragma omp parallel message("abc)
      |                      ^~~~~~~
`],
  ['fortran', ['parallel do', 'privat(i)'], `test.f90:2:8: error: unknown clause 'privat' on '!$omp parallel do'; did you mean 'private'? [omp-unknown-clause]
    2 | !$omp& privat(i)
      |        ^~~~~~
`],
  ['fortran', ['parallel for'], `test.f90:1:7: error: 'parallel for' is the C spelling; use 'parallel do' [omp-wrong-language]
    1 | !$omp parallel for
      |       ^~~~~~~~~~~~
`],
  ['fortran', ['end parallel do private(i)'], `test.f90:1:23: error: 'private' is not valid for '!$omp end parallel do' [omp-clause-not-allowed]
    1 | !$omp end parallel do private(i)
      |                       ^~~~~~~
`],
  ['fortran', ['parallel private(/blk/) firstprivate(/BLK/)'], `test.f90:1:44: error: '/BLK/' appears in more than one data-sharing clause [omp-duplicate-var]
    1 | !$omp parallel private(/blk/) firstprivate(/BLK/)
      |                                            ^~~~~
test.f90:1:24: note: first listed here
    1 | !$omp parallel private(/blk/) firstprivate(/BLK/)
      |                        ^~~~~
`],
  ['fortran', ['parallel reduction(&&: x)'], `test.f90:1:26: error: invalid reduction identifier '&&' [omp-bad-reduction-op]
    1 | !$omp parallel reduction(&&: x)
      |                          ^~
`],
  ['fortran', ['parallel reduction(/blk/: x)'], `test.f90:1:26: error: invalid reduction identifier '/blk/' [omp-bad-reduction-op]
    1 | !$omp parallel reduction(/blk/: x)
      |                          ^~~~~
`],
  ['fortran', ['do reduction(+: /blk/)'], `test.f90:1:23: error: common block '/blk/' is not allowed in 'reduction' clause [omp-common-block]
    1 | !$omp do reduction(+: /blk/)
      |                       ^~~~~
`],
  ['fortran', ['PARALLEL PRIVATE(X) SHARED(x)'], `test.f90:1:34: error: 'x' appears in more than one data-sharing clause [omp-duplicate-var]
    1 | !$omp PARALLEL PRIVATE(X) SHARED(x)
      |                                  ^
test.f90:1:24: note: first listed here
    1 | !$omp PARALLEL PRIVATE(X) SHARED(x)
      |                        ^
`],
  ['fortran', ['end critical'], ``],
  ['fortran', ['parallel do schedule(runtime)'], ``],
  ['fortran', ['workshare'], `test.f90:1:7: error: '!$omp workshare' is not supported on Athread yet [unsupported-workshare]
    1 | !$omp workshare
      |       ^~~~~~~~~
`],
  ['c', ['for linear(p->x)'], `test.c:1:24: error: 'p->x' is not a variable in clause 'linear' [omp-bad-list-item]
    1 | #pragma omp for linear(p->x)
      |                        ^~~~
`],
  ['c', ['parallel for reduction(+: s) shared(s)'], `test.c:1:49: error: 's' appears in more than one data-sharing clause [omp-duplicate-var]
    1 | #pragma omp parallel for reduction(+: s) shared(s)
      |                                                 ^
test.c:1:39: note: first listed here
    1 | #pragma omp parallel for reduction(+: s) shared(s)
      |                                       ^
`],
  ['c', ['for schedule(static, 4, 2)'], `test.c:1:35: error: expected ')' before ',' [omp-expected]
    1 | #pragma omp for schedule(static, 4, 2)
      |                                   ^
`],
  ['c', ['target update'], `test.c:1:13: error: '#pragma omp target update' requires at least one of the clauses 'from' or 'to' [omp-missing-clause]
    1 | #pragma omp target update
      |             ^~~~~~~~~~~~~
`],
  ['c', ['scan inclusive(x) exclusive(y)'], `test.c:1:31: error: 'exclusive' cannot be used together with 'inclusive' [omp-exclusive-clauses]
    1 | #pragma omp scan inclusive(x) exclusive(y)
      |                               ^~~~~~~~~
test.c:1:18: note: first listed here
    1 | #pragma omp scan inclusive(x) exclusive(y)
      |                  ^~~~~~~~~
`],
  ['c', ['parallel for if(parallel: c) if(parallel: d)'], `test.c:1:42: error: too many 'if' clauses [omp-duplicate-clause]
    1 | #pragma omp parallel for if(parallel: c) if(parallel: d)
      |                                          ^~
test.c:1:26: note: first listed here
    1 | #pragma omp parallel for if(parallel: c) if(parallel: d)
      |                          ^~
`],
  ['c', ['parallel private(x, , y)'], `test.c:1:33: error: expected a list item before ',' [omp-expected]
    1 | #pragma omp parallel private(x, , y)
      |                                 ^
`],
  ['c', ['parallel private(1 + x)'], `test.c:1:30: error: expected a variable name before '1' [omp-expected]
    1 | #pragma omp parallel private(1 + x)
      |                              ^
`],
  ['c', ['parallel firstprivate(x) default(none) num_threads(4) if(n > 1) shared(a) reduction(max: m)'], ``],
  ['fortran', ['parallel default(none) private(i)', 'shared(a, b) firstprivate(a)'], `test.f90:2:34: error: 'a' appears in more than one data-sharing clause [omp-duplicate-var]
    2 | !$omp& shared(a, b) firstprivate(a)
      |                                  ^
test.f90:2:15: note: first listed here
    2 | !$omp& shared(a, b) firstprivate(a)
      |               ^
`],
  ['fortran', ['enddo'], ``],
  ['fortran', ['end parallel', 'nowait'], `test.f90:2:8: error: 'nowait' is not valid for '!$omp end parallel' [omp-clause-not-allowed]
    2 | !$omp& nowait
      |        ^~~~~~
`],
  ['fortran', ['requires reverse_offload'], `test.f90:1:7: note: 'requires' is accepted: MPE and CPEs share one address space
    1 | !$omp requires reverse_offload
      |       ^~~~~~~~
test.f90:1:16: error: 'reverse_offload' clause on '!$omp requires' is not supported on Athread yet [unsupported-clause]
    1 | !$omp requires reverse_offload
      |                ^~~~~~~~~~~~~~~
`],
  ['fortran', ['nothing'], `test.f90:1:7: note: 'nothing' is accepted: does nothing
    1 | !$omp nothing
      |       ^~~~~~~
`],
  ['c', ['parallel for reduction(+: a[0:n])'], ``],
  ['c', ['for collapse(0)'], `test.c:1:26: error: 'collapse' argument needs positive constant integer expression [omp-not-positive]
    1 | #pragma omp for collapse(0)
      |                          ^
`],
  ['c', ['for ordered(-1)'], `test.c:1:25: error: 'ordered' argument needs positive constant integer expression [omp-not-positive]
    1 | #pragma omp for ordered(-1)
      |                         ^~
`],
  ['c', ['for schedule(runtime, 4)'], `test.c:1:35: error: schedule 'runtime' does not take a chunk size [omp-schedule-chunk]
    1 | #pragma omp for schedule(runtime, 4)
      |                                   ^
`],
  ['c', ['for schedule(monotonic, nonmonotonic: dynamic)'], `test.c:1:37: error: 'nonmonotonic' cannot be used together with 'monotonic' in 'schedule' clause [omp-exclusive-modifiers]
    1 | #pragma omp for schedule(monotonic, nonmonotonic: dynamic)
      |                                     ^~~~~~~~~~~~
`],
  ['c', ['target map(to, from: a)'], `test.c:1:28: error: 'from' cannot be used together with 'to' in 'map' clause [omp-exclusive-modifiers]
    1 | #pragma omp target map(to, from: a)
      |                            ^~~~
`],
  ['c', ['simd linear(x: val, ref)'], `test.c:1:33: error: 'ref' cannot be used together with 'val' in 'linear' clause [omp-exclusive-modifiers]
    1 | #pragma omp simd linear(x: val, ref)
      |                                 ^~~
`],
  ['c', ['parallel copyin(x) num_threads(4) num_threads(8)'], `test.c:1:47: error: too many 'num_threads' clauses [omp-duplicate-clause]
    1 | #pragma omp parallel copyin(x) num_threads(4) num_threads(8)
      |                                               ^~~~~~~~~~~
test.c:1:32: note: first listed here
    1 | #pragma omp parallel copyin(x) num_threads(4) num_threads(8)
      |                                ^~~~~~~~~~~
`],
  ['c', ['declare simd inbranch notinbranch'], `test.c:1:35: error: 'notinbranch' cannot be used together with 'inbranch' [omp-exclusive-clauses]
    1 | #pragma omp declare simd inbranch notinbranch
      |                                   ^~~~~~~~~~~
test.c:1:26: note: first listed here
    1 | #pragma omp declare simd inbranch notinbranch
      |                          ^~~~~~~~
`],
  ['c', ['ordered depend(source) threads'], `test.c:1:36: error: 'threads' cannot be used together with 'depend' [omp-exclusive-clauses]
    1 | #pragma omp ordered depend(source) threads
      |                                    ^~~~~~~
test.c:1:21: note: first listed here
    1 | #pragma omp ordered depend(source) threads
      |                     ^~~~~~
`],
  ['c', ['cancel parallel sections'], `test.c:1:29: error: 'sections' cannot be used together with 'parallel' [omp-exclusive-clauses]
    1 | #pragma omp cancel parallel sections
      |                             ^~~~~~~~
test.c:1:20: note: first listed here
    1 | #pragma omp cancel parallel sections
      |                    ^~~~~~~~
`],
  ['c', ['cancel'], `test.c:1:13: error: '#pragma omp cancel' requires at least one of the clauses 'parallel', 'sections', 'for' or 'taskgroup' [omp-missing-clause]
    1 | #pragma omp cancel
      |             ^~~~~~
`],
  ['c', ['parallel shared(s.f)'], `test.c:1:29: error: 's.f' is not a variable in clause 'shared' [omp-bad-list-item]
    1 | #pragma omp parallel shared(s.f)
      |                             ^~~
`],
  ['c', ['end parallel'], `test.c:1:13: error: 'end parallel' exists only in Fortran [omp-wrong-language]
    1 | #pragma omp end parallel
      |             ^~~~~~~~~~~~
`],
  ['c', ['for schedule(static, 0)'], ``],
  ['fortran', ['parallel do private(i)', 'reduction(+: sum) schedule(guided)'], ``],
  ['fortran', ['do schedule(static, chunk) nowait'], ``],
  ['fortran', ['end do', 'nowait nowait'], `test.f90:2:15: error: too many 'nowait' clauses [omp-duplicate-clause]
    2 | !$omp& nowait nowait
      |               ^~~~~~
test.f90:2:8: note: first listed here
    2 | !$omp& nowait nowait
      |        ^~~~~~
`],
  ['fortran', ['cancel for'], `test.f90:1:14: error: unknown clause 'for' on '!$omp cancel' [omp-unknown-clause]
    1 | !$omp cancel for
      |              ^~~
test.f90:1:7: error: '!$omp cancel' requires at least one of the clauses 'parallel', 'sections', 'do' or 'taskgroup' [omp-missing-clause]
    1 | !$omp cancel for
      |       ^~~~~~
`],
  ['fortran', ['parallel if(parallel: .true.) proc_bind(primary)'], `test.f90:1:37: note: 'proc_bind' is accepted: each CPE is its own place; binding is fixed
    1 | !$omp parallel if(parallel: .true.) proc_bind(primary)
      |                                     ^~~~~~~~~
`],
  ['fortran', ['end paralleldo'], ``],
  ['fortran', ['single'], ``],
  ['c', ['parallel master'], `test.c:1:13: error: '#pragma omp parallel master' is not supported on Athread yet [unsupported-master]
    1 | #pragma omp parallel master
      |             ^~~~~~~~~~~~~~~
`],
  ['c', ['taskloop grainsize(4)'], `test.c:1:13: error: '#pragma omp taskloop' is not supported on Athread yet [unsupported-taskloop]
    1 | #pragma omp taskloop grainsize(4)
      |             ^~~~~~~~
`],
  ['fortran', ['end single copyprivate(x)'], ``],
  ['fortran', ['critical (a) hint(1)'], `test.f90:1:20: note: 'hint' is accepted: hints do not change the Athread code
    1 | !$omp critical (a) hint(1)
      |                    ^~~~
`],
  ['fortran', ['parallel private(a(1:n))'], `test.f90:1:24: error: 'a(1:n)' is not a variable in clause 'private' [omp-bad-list-item]
    1 | !$omp parallel private(a(1:n))
      |                        ^~~~~~
`],
  ['fortran', ['threadprivate(/blk/, a%b)'], `test.f90:1:28: error: 'a%b' is not a variable in '!$omp threadprivate' [omp-bad-list-item]
    1 | !$omp threadprivate(/blk/, a%b)
      |                            ^~~
`],
  ['c', ['parallel for schedul(static)'], `test.c:1:26: error: unknown clause 'schedul' on '#pragma omp parallel for'; did you mean 'schedule'? [omp-unknown-clause]
    1 | #pragma omp parallel for schedul(static)
      |                          ^~~~~~~
`],
  ['c', ['parallel foo(x)'], `test.c:1:22: error: unknown clause 'foo' on '#pragma omp parallel' [omp-unknown-clause]
    1 | #pragma omp parallel foo(x)
      |                      ^~~
`],
  ['fortran', ['paralel do'], `test.f90:1:7: error: unknown OpenMP directive 'paralel'; did you mean 'parallel do'? [omp-unknown-directive]
    1 | !$omp paralel do
      |       ^~~~~~~
`],
  ['c', ['tasknait'], `test.c:1:13: error: unknown OpenMP directive 'tasknait'; did you mean 'taskwait'? [omp-unknown-directive]
    1 | #pragma omp tasknait
      |             ^~~~~~~~
`],
  ['c', ['for schedule(monotnic: dynamic)'], `test.c:1:26: error: invalid modifier 'monotnic' in 'schedule' clause; did you mean 'monotonic'? [omp-bad-modifier]
    1 | #pragma omp for schedule(monotnic: dynamic)
      |                          ^~~~~~~~
`],
];

describe('directive diagnostics', () => {
  test.each(CASES)('%s %j', (language, lines, expected) => {
    expect(run(language, ...lines).text).toBe(expected);
  });
});
