#!/usr/bin/env node
// Deterministic synthetic Fortran corpus in the style of climate/ocean models, for the front-end corpus
// test: free-form modules (derived types, module arrays, contained procedures, !$omp directives with
// continuations, select case, where, forall, associate, block), fixed-form F77 files (common blocks,
// implicit real*8, labelled DO loops with shared terminators, c$omp/*$omp sentinels with column-6
// continuations, !$ conditional lines, DATA/FORMAT/GOTO) and a few .F90 files with cpp lines.
// Every file compiles with `gfortran -fsyntax-only -fopenmp` on its own (no cross-file modules).
// Each file comes with a manifest of what was put in it, so the test can check the classification.
//
// Usage: node scripts/gen-fortran-corpus.mjs OUTDIR [LINES=100000] [SEED=1]
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** mulberry32: tiny seeded PRNG, so the corpus is the same on every machine. */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const COUNT_KEYS = ['doLoops', 'labelledDo', 'directives', 'conditional', 'selects', 'wheres', 'units', 'commons'];

/** Collects lines and counts what the classification must find. */
class Out {
  constructor(form) {
    this.form = form;
    this.lines = [];
    this.counts = Object.fromEntries(COUNT_KEYS.map((k) => [k, 0]));
  }
  add(...ls) {
    for (const l of ls) {
      const limit = this.form === 'fixed' ? 72 : 132;
      if (l.length > limit && !/^[cC*!]/.test(l)) throw new Error(`generated line too long (${l.length}): ${l}`);
      this.lines.push(l);
    }
  }
  count(key, n = 1) {
    this.counts[key] += n;
  }
}

const pick = (rnd, xs) => xs[Math.floor(rnd() * xs.length)];
const coef = (rnd) => (0.05 + rnd() * 0.9).toFixed(3);

// ---------------------------------------------------------------- free form

function freeModuleHeader(o, k, rnd, cpp) {
  o.add(`! ${'-'.repeat(70)}`, `! Ocean component ${k}: synthetic module generated for the o2ath front-end corpus.`, `! ${'-'.repeat(70)}`);
  o.add(`module ocn${k}_mod`);
  o.count('units');
  if (cpp) o.add('#ifdef _OPENMP', '  use omp_lib', '#endif');
  else {
    o.add('  !$ use omp_lib');
    o.count('conditional');
  }
  o.add('  implicit none');
  o.add('  integer, parameter :: dp = kind(1.d0)');
  o.add(`  integer, parameter :: nx${k} = ${32 + Math.floor(rnd() * 64)}, ny${k} = ${16 + Math.floor(rnd() * 48)}, nz${k} = ${5 + Math.floor(rnd() * 30)}`);
  o.add('  real(dp), parameter :: grav = 9.81_dp, rho0 = 1025.0_dp, omega = 7.292e-5_dp');
  o.add(`  type :: grid${k}_t`, '    integer :: nx = 0, ny = 0', '    real(dp), allocatable :: h(:,:), u(:,:), v(:,:)',
    '    real(dp) :: dx = 1000.0_dp, dy = 1000.0_dp', `  end type grid${k}_t`);
  o.add('  real(dp), allocatable :: sst(:,:), sss(:,:), work(:,:,:)', '  integer :: nstep = 0');
  o.add('  real(dp) :: cfl', '  integer :: itmax', `  common /ocn${k}_ctl/ cfl, itmax`);
  o.count('commons');
  o.add('  save', 'contains');
}

/** Each template writes one contained procedure. */
const FREE_TEMPLATES = [
  function stencil(o, k, id, rnd) {
    o.add('', `  subroutine smooth_${id}(g, a, b)`, `    type(grid${k}_t), intent(in) :: g`, '    real(dp), intent(in) :: a(:,:)',
      '    real(dp), intent(inout) :: b(:,:)', '    integer :: i, j');
    o.add(`    !$omp parallel do private(i, j) &`, `    !$omp& shared(a, b, g) schedule(${pick(rnd, ['static', 'static, 4', 'dynamic', 'guided'])})`);
    o.count('directives');
    o.add('    do j = 2, g%ny - 1', '      do i = 2, g%nx - 1');
    o.count('doLoops', 2);
    o.add(`        b(i, j) = ${coef(rnd)}_dp * (a(i-1, j) + a(i+1, j) &`, '                 + a(i, j-1) + a(i, j+1)) &', `                 + ${coef(rnd)}_dp * a(i, j)`);
    o.add('      end do', '    end do', '    !$omp end parallel do', `  end subroutine smooth_${id}`);
    o.count('directives');
    o.count('units');
  },
  function reduction(o, k, id, rnd) {
    o.add('', `  function total_${id}(a, n) result(s)`, '    integer, intent(in) :: n', '    real(dp), intent(in) :: a(n)', '    real(dp) :: s, m', '    integer :: i');
    o.add('    s = 0.0_dp', '    m = -huge(1.0_dp)', '    !$omp parallel do reduction(+:s) reduction(max:m) ! global sums');
    o.count('directives');
    o.add('    do i = 1, n', '      s = s + a(i) * a(i)', '      m = max(m, abs(a(i)))', '    end do');
    o.count('doLoops');
    o.add(`    s = s + m * ${coef(rnd)}e-3_dp`, `  end function total_${id}`);
    o.count('units');
  },
  function selectCase(o, k, id, rnd) {
    o.add('', `  subroutine bc_${id}(kind, h, n)`, '    integer, intent(in) :: kind, n', '    real(dp), intent(inout) :: h(n)');
    o.add('    select case (kind)', '    case (0)', '      h(1) = h(2); h(n) = h(n-1)', '    case (1, 2)', '      h(1) = 0.0_dp',
      `      h(n) = ${coef(rnd)}_dp`, '    case (3:)', '      h = h(n:1:-1)', '    case default', '      h = 0.0_dp', '    end select');
    o.count('selects');
    o.add(`  end subroutine bc_${id}`);
    o.count('units');
  },
  function whereConstruct(o, k, id, rnd) {
    o.add('', `  subroutine clip_${id}(h, hmin)`, '    real(dp), intent(inout) :: h(:,:)', '    real(dp), intent(in) :: hmin');
    o.add('    where (h < hmin)', '      h = hmin', '    elsewhere (h > 1.0e4_dp)', '      h = 1.0e4_dp', '    elsewhere',
      `      h = h * (1.0_dp - ${coef(rnd)}e-6_dp)`, '    end where', '    where (abs(h) < tiny(1.0_dp)) h = 0.0_dp');
    o.count('wheres');
    o.add(`  end subroutine clip_${id}`);
    o.count('units');
  },
  function relax(o, k, id, rnd) {
    o.add('', `  subroutine relax_${id}(x, n, tol, iters)`, '    integer, intent(in) :: n', '    real(dp), intent(inout) :: x(n)',
      '    real(dp), intent(in) :: tol', '    integer, intent(out) :: iters', '    real(dp) :: err, old', '    integer :: i');
    o.add('    iters = 0', '    err = huge(1.0_dp)', '    sweep: do while (err > tol .and. iters < itmax)', '      iters = iters + 1', '      err = 0.0_dp',
      '      inner: do i = 2, n - 1', '        if (x(i) /= x(i)) cycle inner', '        old = x(i)',
      `        x(i) = ${coef(rnd)}_dp * (x(i-1) + x(i+1))`, '        err = max(err, abs(x(i) - old))', '      end do inner',
      '      if (iters > 500) exit sweep', '    end do sweep');
    o.count('doLoops', 2);
    o.add(`  end subroutine relax_${id}`);
    o.count('units');
  },
  function region(o, k, id, rnd, cpp) {
    o.add('', `  subroutine stats_${id}(a, n, amean)`, '    integer, intent(in) :: n', '    real(dp), intent(in) :: a(n)',
      '    real(dp), intent(out) :: amean', '    real(dp) :: part', '    integer :: i, nthr');
    o.add('    amean = 0.0_dp', '    nthr = 1', '    !$omp parallel private(i, part) shared(a, amean, nthr)', '    part = 0.0_dp',
      `    !$omp do schedule(dynamic, ${pick(rnd, [4, 8, 16, 32])})`, '    do i = 1, n', '      part = part + a(i)', '    end do',
      '    !$omp end do nowait', `    !$omp critical (acc_${id})`, '    amean = amean + part', `    !$omp end critical (acc_${id})`,
      '    !$omp barrier', '    !$omp single');
    o.count('directives', 7);
    o.count('doLoops');
    if (cpp) o.add('#ifdef _OPENMP', '    nthr = omp_get_num_threads()', '#endif');
    else {
      o.add('    !$ nthr = omp_get_num_threads()');
      o.count('conditional');
    }
    o.add('    amean = amean / real(n, dp)', '    !$omp end single', '    !$omp end parallel');
    o.count('directives', 2);
    o.add(`  end subroutine stats_${id}`);
    o.count('units');
  },
  function labelled(o, k, id, rnd) {
    o.add('', `  subroutine accum_${id}(w, nx, ny, nz)`, '    integer, intent(in) :: nx, ny, nz', '    real(dp), intent(inout) :: w(nx, ny, nz)', '    integer :: i, j, k');
    o.add('    do 30 k = 1, nz', '      do 30 j = 1, ny', '        do 20 i = 1, nx', `          w(i, j, k) = w(i, j, k) + ${coef(rnd)}_dp * real(i + j + k, dp)`,
      '20      continue', '30  continue');
    o.count('doLoops', 3);
    o.count('labelledDo', 3);
    o.add('    !$omp parallel do private(i)', '    do 40 i = 1, nx', '      w(i, 1, 1) = 0.0_dp', '40  continue', '    !$omp end parallel do');
    o.count('directives', 2);
    o.count('doLoops');
    o.count('labelledDo');
    o.add(`  end subroutine accum_${id}`);
    o.count('units');
  },
  function forallAssoc(o, k, id, rnd) {
    o.add('', `  subroutine shift_${id}(g)`, `    type(grid${k}_t), intent(inout) :: g`, '    integer :: i, j');
    o.add(`    forall (i = 1:g%nx, j = 1:g%ny) g%u(i, j) = g%u(i, j) * ${coef(rnd)}_dp`, '    forall (i = 1:g%nx)', '      g%v(i, 1) = 0.0_dp', '    end forall');
    o.add('    associate (h => g%h, dx => g%dx)', '      h = h + dx * 1.0e-9_dp', '    end associate');
    o.add('    block', '      real(dp) :: tmp', '      tmp = sum(g%h)', '      g%h(1, 1) = tmp / size(g%h)', '    end block');
    o.add(`  end subroutine shift_${id}`);
    o.count('units');
  },
  function io(o, k, id, rnd) {
    o.add('', `  subroutine report_${id}(unit, step, val)`, '    integer, intent(in) :: unit, step', '    real(dp), intent(in) :: val',
      "    character(len=*), parameter :: fmt = '(a, i8, es14.6)'", '    character(len=64) :: msg');
    o.add(`    msg = 'ocean model ${k} diagnostic: step &`, "          &and value'", '    write(unit, fmt) trim(msg), step, val', '    if (val /= val) then',
      `      write(unit, '(a)') "NaN detected; it's bad"`, '    else if (val > 1.0e10_dp) then', "      print *, 'overflow', val", '    else', '      continue', '    end if');
    o.add(`  end subroutine report_${id}`);
    o.count('units');
  },
  function alloc(o, k, id, rnd) {
    o.add('', `  subroutine init_${id}(nx, ny)`, '    integer, intent(in) :: nx, ny', '    integer :: ierr');
    o.add('    if (allocated(sst)) deallocate(sst, sss)', '    allocate(sst(nx, ny), sss(nx, ny), stat=ierr)', "    if (ierr /= 0) stop 'allocation failed'",
      `    sst = ${(10 + rnd() * 15).toFixed(2)}_dp; sss = 35.0_dp`, '    nstep = 0', `    cfl = ${coef(rnd)}_dp`);
    o.add(`  end subroutine init_${id}`);
    o.count('units');
  },
  function elemental(o, k, id, rnd) {
    o.add('', `  pure elemental real(dp) function eos_${id}(t, s) result(rho)`, '    real(dp), intent(in) :: t, s',
      `    rho = rho0 * (1.0_dp - ${coef(rnd)}e-4_dp * (t - 10.0_dp) + 7.6e-4_dp * (s - 35.0_dp))`, `  end function eos_${id}`);
    o.count('units');
  },
  function vmix(o, k, id, rnd) {
    o.add('', `  subroutine vmix_${id}(t, kv, nz, ncol)`, '    integer, intent(in) :: nz, ncol', '    real(dp), intent(inout) :: t(nz, ncol)',
      '    real(dp), intent(in) :: kv(nz)', '    real(dp) :: c(nz), d(nz), m', '    integer :: k, icol');
    o.add('    !$omp parallel do default(none) shared(t, kv, nz, ncol) &', '    !$omp   private(c, d, m, k, icol)');
    o.count('directives');
    o.add('    do icol = 1, ncol', '      c(1) = -kv(1) / (1.0_dp + 2.0_dp * kv(1))', '      d(1) = t(1, icol) / (1.0_dp + 2.0_dp * kv(1))', '      do k = 2, nz',
      '        m = 1.0_dp + 2.0_dp * kv(k) + kv(k) * c(k-1)', '        c(k) = -kv(k) / m', '        d(k) = (t(k, icol) + kv(k) * d(k-1)) / m', '      end do',
      '      t(nz, icol) = d(nz)', '      do k = nz - 1, 1, -1', '        t(k, icol) = d(k) - c(k) * t(k+1, icol)', '      end do', '    end do', '    !$omp end parallel do');
    o.count('doLoops', 3);
    o.count('directives');
    o.add(`  end subroutine vmix_${id}`);
    o.count('units');
  },
];

/** Procedures outside the module: implicit typing, internal procedures, interfaces, tricky strings. */
const FREE_EXTERNAL_TEMPLATES = [
  function legacy(o, k, id, rnd) {
    o.add('', `subroutine legacy_${id}(a, n, scale)`, '  ! no IMPLICIT NONE: i-n integer, the rest real', '  dimension a(n)', '  real*8 scale',
      "  character*(*), parameter :: tag = 'legacy; it''s old'", '  total = 0.0');
    o.add('  do i = 1, n; a(i) = a(i) * scale; total = total + a(i); end do');
    o.count('doLoops');
    o.add('  if (total > 1.0e30 .or. total /= total) then; ifail = 1; else; ifail = 0; end if', '  kount = n + ifail',
      `  x2 = sqrt(abs(total)) * ${coef(rnd)} ; y2 = x2**2`, "  print '(a, 1x, i6, 2es12.4)', tag, kount, x2, y2", `end subroutine legacy_${id}`);
    o.count('units');
  },
  function recursive(o, k, id, rnd) {
    o.add('', `recursive integer function fact_${id}(n) result(f)`, '  integer, intent(in) :: n', '  if (n <= 1) then', '    f = 1', '  else',
      `    f = n * fact_${id}(n - 1)`, '  end if', `end function fact_${id}`);
    o.count('units');
  },
  function names(o, k, id, rnd) {
    o.add('', `subroutine names_${id}(words, nw, out)`, '  implicit none', '  integer, intent(in) :: nw', '  character(len=*), intent(in) :: words(nw)',
      '  character(len=:), allocatable, intent(out) :: out', '  integer :: iw', '  interface', '    pure function upper(s) result(u)',
      '      character(len=*), intent(in) :: s', '      character(len=len(s)) :: u', '    end function upper', '  end interface');
    o.add("  out = ''", '  do iw = 1, nw', '    select case (trim(words(iw)))', "    case ('sst', 'sss')", "      out = out // 'ocean:' // words(iw)(1:3) // ';'",
      "    case ('t2m')", `      out = out // 'atm; it''s "2m"' // ' ! not a comment &'`, '    case default', '      out = out // upper(words(iw))', '    end select', '  end do');
    o.count('doLoops');
    o.count('selects');
    o.add('  call note(out)', 'contains', '  subroutine note(msg)', '    character(len=*), intent(in) :: msg', "    write(*, '(a)') 'names: ' // &",
      '      ! a comment line inside a continuation', '      & msg', '  end subroutine note', `end subroutine names_${id}`);
    o.count('units', 2);
  },
  function concurrent(o, k, id, rnd) {
    o.add('', `subroutine dc_${id}(a, b, n)`, '  implicit none', '  integer, intent(in) :: n', '  real, intent(inout) :: a(n)', '  real, intent(in) :: b(n)', '  integer :: i',
      '  do concurrent (i = 1:n, b(i) > 0.0)', `    a(i) = a(i) + ${coef(rnd)} * b(i)`, '  end do', `end subroutine dc_${id}`);
    o.count('doLoops');
    o.count('units');
  },
];

function freeFile(k, rnd, target, cpp) {
  const o = new Out('free');
  freeModuleHeader(o, k, rnd, cpp);
  let id = 0;
  while (o.lines.length < target - 12) {
    const t = pick(rnd, FREE_TEMPLATES);
    t(o, k, `${k}_${id++}`, rnd, cpp);
  }
  o.add(`end module ocn${k}_mod`, '');
  o.add(`subroutine drive${k}(nsteps)`, `  use ocn${k}_mod, only: dp, sst, nstep, c_ref => cfl`, '  implicit none', '  integer, intent(in) :: nsteps', '  integer :: it');
  o.count('units');
  o.add('  do it = 1, nsteps', '    nstep = nstep + 1', '    if (allocated(sst)) sst = sst * (1.0_dp - c_ref * 1.0e-6_dp)', '  end do', `end subroutine drive${k}`);
  o.count('doLoops');
  const extra = 1 + Math.floor(rnd() * 4);
  for (let e = 0; e < extra; e++) pick(rnd, FREE_EXTERNAL_TEMPLATES)(o, k, `${k}_x${e}`, rnd);
  return o;
}

// ---------------------------------------------------------------- fixed form

const F = (label, text) => `${String(label).padStart(4).padEnd(5)} ${text}`;
const S = (text) => `      ${text}`;
const C = (label, text) => `${String(label).padEnd(5)}${text}`; // continuation: column 6 marker in `label`

/** The grid COMMON block: written inline, or (as in many real codes) through an INCLUDE file. */
function commonDecl(o, k) {
  if (o.header) {
    o.add(S(`INCLUDE '${o.header}'`));
    return;
  }
  o.add(S('DOUBLE PRECISION DX, DY'), S('INTEGER NSTEPS'), S(`COMMON /GRD${k}/ DX, DY, NSTEPS`));
  o.count('commons');
}

const FIXED_TEMPLATES = [
  function advect(o, k, id, rnd) {
    o.add('C' + '='.repeat(69), `C     SUBROUTINE ADV${id}: first-order upwind advection`, 'C' + '='.repeat(69));
    o.add(S(`SUBROUTINE ADV${id}(Q, U, NX, NY, DT)`), S('IMPLICIT REAL*8 (A-H,O-Z)'), S('DIMENSION Q(NX,NY), U(NX,NY)'));
    commonDecl(o, k);
    o.add(S('INTEGER NTHR'), '!$    INTEGER OMP_GET_MAX_THREADS', S('NTHR = 1'), '!$    NTHR = OMP_GET_MAX_THREADS()');
    o.count('conditional', 2);
    o.add('C$OMP PARALLEL DO PRIVATE(I,J,FLX)', 'C$OMP&SHARED(Q,U,NX,NY,DT,DX)');
    o.count('directives');
    o.add(S('DO 20 J = 2, NY'), S('   DO 10 I = 2, NX'), S('      FLX = U(I,J)*(Q(I,J) - Q(I-1,J))/DX'), S(`      Q(I,J) = Q(I,J) - DT*FLX*${coef(rnd)}D0`),
      F(10, '   CONTINUE'), F(20, 'CONTINUE'), 'C$OMP END PARALLEL DO');
    o.count('doLoops', 2);
    o.count('labelledDo', 2);
    o.count('directives');
    o.add(S('NSTEPS = NSTEPS + NTHR - NTHR + 1'), S('RETURN'), S('END'));
    o.count('units');
  },
  function shared(o, k, id, rnd) {
    o.add(`C     SUM${id}: positive part of a field, shared DO termination`);
    o.add(S(`SUBROUTINE SUM${id}(A, N, M, TOTAL)`), S('IMPLICIT NONE'), S('INTEGER N, M, I, J, K'), S('DOUBLE PRECISION A(N,M), TOTAL'));
    o.add(S('TOTAL = 0.0D0'), S('DO 100 J = 1, M'), S('DO 100 I = 1, N'), S('IF (A(I,J) .LT. 0.0D0) GO TO 100'), S('TOTAL = TOTAL + A(I,J)'), F(100, 'CONTINUE'));
    o.count('doLoops', 2);
    o.count('labelledDo', 2);
    o.add(S('K = 0'), F(50, 'K = K + 1'), S('IF (K .GT. N) GOTO 60'), S(`A(K,1) = A(K,1)*${coef(rnd)}D0`), S('GOTO 50'), F(60, 'CONTINUE'));
    o.add(S('RETURN'), S('END'));
    o.count('units');
  },
  function print(o, k, id, rnd) {
    o.add('*', `*     PRT${id}: formatted diagnostics`, '*');
    o.add(S(`SUBROUTINE PRT${id}(IUNIT, X, N)`), S('INTEGER IUNIT, N, I'), S('REAL*8 X(N)'), S('CHARACTER*8 TAG'), S("DATA TAG /'OCNDIAG '/"));
    o.add(S('WRITE (IUNIT, 900) TAG, N'), S('WRITE (IUNIT, 910) (X(I), I = 1, N)'), F(900, "FORMAT (1X, A8, ' N=', I6)"), F(910, 'FORMAT (1X, 5E14.6)'));
    o.add(S('RETURN'), S('END'));
    o.count('units');
  },
  function diffuse(o, k, id, rnd) {
    o.add(`c     DIFF${id}: explicit diffusion step`);
    o.add(S(`SUBROUTINE DIFF${id}(T, TN, NX, NY, AKAPPA)`), S('IMPLICIT NONE'), S('INTEGER NX, NY, I, J, NH'), S('PARAMETER (NH = 1)'),
      S('DOUBLE PRECISION T(NX,NY), TN(NX,NY), AKAPPA, C'));
    commonDecl(o, k);
    o.add(S('C = AKAPPA/(DX*DX)'), 'C$OMP PARALLEL DO', 'C$OMP+ PRIVATE(I,J)', 'C$OMP+ SHARED(T,TN,NX,NY,C) ! trailing comment', 'C$OMP+ SCHEDULE(STATIC)');
    o.count('directives');
    o.add(S('DO 30 J = 1 + NH, NY - NH'), S('   DO 25 I = 1 + NH, NX - NH'), S('      TN(I,J) = T(I,J) + C*(T(I+1,J) + T(I-1,J)'),
      C('     &', '             + T(I,J+1) + T(I,J-1)'), C('     1', `             - 4.0D0*T(I,J))*${coef(rnd)}D0`), F(25, '   CONTINUE'), F(30, 'CONTINUE'));
    o.count('doLoops', 2);
    o.count('labelledDo', 2);
    o.add('C$OMP END PARALLEL DO', S('RETURN'), S('END'));
    o.count('directives');
    o.count('units');
  },
  function modern(o, k, id, rnd) {
    o.add(`C     BND${id}: F90 constructs in fixed form`);
    o.add(S(`SUBROUTINE BND${id}(H, N, MODE)`), S('IMPLICIT NONE'), S('INTEGER N, MODE, I'), S('REAL*8 H(N)'));
    o.add(S('IF (MODE .EQ. 0) THEN'), S('   DO I = 1, N'), S('      H(I) = 0.0D0'), S('   ENDDO'), S('ELSE IF (MODE .EQ. 1) THEN'), S('   H(1) = H(2)'),
      S('   H(N) = H(N-1)'), S('ELSE'), S(`   H = H*${coef(rnd)}D0`), S('ENDIF'));
    o.count('doLoops');
    o.add('*$OMP PARALLEL DO PRIVATE(I)', S('DO I = 2, N'), S('   H(I) = MAX(H(I), H(I-1))'), S('END DO'), '*$OMP END PARALLEL DO');
    o.count('directives', 2);
    o.count('doLoops');
    o.add(S('RETURN'), S('END'));
    o.count('units');
  },
  function func(o, k, id, rnd) {
    o.add(`C     RHO${id}: linear equation of state`);
    o.add(S(`DOUBLE PRECISION FUNCTION RHO${id}(T, S)`), S('DOUBLE PRECISION T, S'),
      S(`RHO${id} = 1025.0D0*(1.0D0 - ${coef(rnd)}D-4*(T - 10.0D0)`), C('     +', '      + 7.6D-4*(S - 35.0D0))'), S('RETURN'), S('END'));
    o.count('units');
  },
  function region(o, k, id, rnd) {
    o.add(`C     ENRG${id}: parallel region with orphan-style worksharing`);
    o.add(S(`SUBROUTINE ENRG${id}(U, V, N, E)`), S('IMPLICIT NONE'), S('INTEGER N, I'), S('DOUBLE PRECISION U(N), V(N), E, EL'));
    o.add(S('E = 0.0D0'), 'C$OMP PARALLEL PRIVATE(I, EL)', S('EL = 0.0D0'), 'C$OMP DO', S('DO 70 I = 1, N'), S(`EL = EL + ${coef(rnd)}D0*(U(I)**2 + V(I)**2)`),
      F(70, 'CONTINUE'), 'C$OMP END DO NOWAIT', 'C$OMP ATOMIC', S('E = E + EL'), 'C$OMP BARRIER', 'C$OMP END PARALLEL');
    o.count('directives', 6);
    o.count('doLoops');
    o.count('labelledDo');
    o.add(S('RETURN'), S('END'));
    o.count('units');
  },
  function legacy(o, k, id, rnd) {
    o.add(`C     LEG${id}: implicit typing, EQUIVALENCE, computed GOTO, arithmetic IF`);
    o.add(S(`SUBROUTINE LEG${id}(A, B, N, IERR)`), S('IMPLICIT DOUBLE PRECISION (A-H,O-Z)'), S('IMPLICIT INTEGER (I-N)'),
      S('DIMENSION A(N), B(N), W(100)'), S('EQUIVALENCE (W(1), WFIRST)'), S('CHARACTER*16 LABEL'), S('LOGICAL LDONE'), S('LDONE = .FALSE.'), S('IERR = 0'));
    o.add(S('DO 10 I = 1, N'), F(10, `B(I) = A(I)*${coef(rnd)}D0`));
    o.count('doLoops');
    o.count('labelledDo');
    o.add(S('K = MOD(N, 3) + 1'), S('GO TO (20, 30, 40), K'), F(20, 'WFIRST = 1.0D0'), S('GOTO 50'), F(30, 'WFIRST = 2.0D0'), S('GOTO 50'),
      F(40, 'WFIRST = 3.0D0'), F(50, 'CONTINUE'), S('IF (WFIRST - 2.0D0) 60, 70, 70'), F(60, 'IERR = 1'), F(70, 'CONTINUE'));
    o.add(S('I = 0'), S('DO WHILE (.NOT. LDONE)'), S('  I = I + 1'), S('  IF (I .GE. N) LDONE = .TRUE.'), S('END DO'));
    o.count('doLoops');
    o.add(S("LABEL = 'LEG' // 'ACY'"), S('RETURN'), S('END'));
    o.count('units');
  },
  function squeezed(o, k, id, rnd) {
    o.add(`c     SQZ${id}: blanks are insignificant in fixed form`);
    o.add(S(`SUBROUTINE SQZ${id}(X, N)`), S('REAL*8 X(N)'), S('INTEGER N, I'), 'c$Omp parallel do', '!$OMP&private(i)');
    o.count('directives');
    o.add(S('DO90I=1,N'), S('IF(X(I).LT.0.0D0)GOTO90'), S(`X(I)=DSQRT(X(I))*${coef(rnd)}D0`), F(90, 'CONTINUE'), 'c$omp end parallel do');
    o.count('doLoops');
    o.count('labelledDo');
    o.count('directives');
    o.add(S('IF(N.GT.1)THEN'), S('X(1)=X(2)'), S('ELSEIF(N.EQ.1)THEN'), S('CALLSQZHLP(X,N)'), S('ENDIF'), S('RETURN'), S('END'));
    o.count('units');
  },
  function tabs(o, k, id, rnd) {
    o.add(`C     SCL${id}: DEC tab-form lines`);
    o.add('\tSUBROUTINE SCL' + id + '(X, N, A)', '\tINTEGER N, I', '\tREAL*8 X(N), A', '\tDO 80 I = 1, N', '\tX(I) = A*X(I)', '\t1   + 1.0D-12', '80\tCONTINUE', '\tRETURN', '\tEND');
    o.count('doLoops');
    o.count('labelledDo');
    o.count('units');
  },
];

function fixedFile(k, rnd, target) {
  const o = new Out('fixed');
  if (rnd() < 0.5) o.header = `grd${k}.h`;
  o.add(`C     Synthetic F77 ocean kernels, file ${k} (o2ath front-end corpus)`);
  o.add(S(`BLOCK DATA BD${k}`), S('DOUBLE PRECISION DX, DY'), S('INTEGER NSTEPS'), S(`COMMON /GRD${k}/ DX, DY, NSTEPS`), S('DATA DX, DY, NSTEPS /1.0D3, 1.0D3, 0/'), S('END'));
  o.count('commons');
  o.count('units');
  let id = 0;
  while (o.lines.length < target) {
    const t = pick(rnd, FIXED_TEMPLATES);
    t(o, k, `${k}X${id++}`, rnd);
  }
  return o;
}

/**
 * The corpus as [{ name, text, form, lines, counts, include? }]; the same for the same (lines, seed).
 * Entries with `include: true` are INCLUDE files (COMMON-block headers), not compiled on their own.
 */
export function generateCorpus({ lines = 100000, seed = 1 } = {}) {
  const rnd = prng(seed);
  const files = [];
  let total = 0;
  for (let k = 1; total < lines; k++) {
    const target = 250 + Math.floor(rnd() * 550);
    const r = rnd();
    let o;
    let name;
    if (r < 0.5) {
      o = freeFile(k, rnd, target, false);
      name = `ocn${k}.f90`;
    } else if (r < 0.6) {
      o = freeFile(k, rnd, target, true);
      name = `ocn${k}.F90`;
    } else {
      o = fixedFile(k, rnd, target);
      name = `ocn${k}.f`;
    }
    if (o.header) {
      const h = [S('DOUBLE PRECISION DX, DY'), S('INTEGER NSTEPS'), S(`COMMON /GRD${k}/ DX, DY, NSTEPS`)];
      // Not a translation unit of its own: `include: true`, no counts; its lines do not count towards the total.
      files.push({ name: o.header, text: h.join('\n') + '\n', form: 'fixed', lines: h.length, counts: null, include: true });
    }
    const text = o.lines.join('\n') + '\n';
    total += o.lines.length;
    files.push({ name, text, form: o.form, lines: o.lines.length, counts: o.counts });
  }
  return files;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [out, lines, seed] = process.argv.slice(2);
  if (!out) {
    console.error('usage: gen-fortran-corpus.mjs OUTDIR [LINES] [SEED]');
    process.exit(2);
  }
  mkdirSync(out, { recursive: true });
  const files = generateCorpus({ lines: Number(lines ?? 100000), seed: Number(seed ?? 1) });
  for (const f of files) writeFileSync(join(out, f.name), f.text);
  writeFileSync(join(out, 'manifest.json'), JSON.stringify(files.map(({ text: _t, ...m }) => m), null, 1) + '\n');
  const units = files.filter((f) => !f.include);
  console.log(`${units.length} files (+${files.length - units.length} include files), ${units.reduce((a, f) => a + f.lines, 0)} lines in ${out}`);
}
