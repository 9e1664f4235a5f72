// Statement classification: one table of statement text → kind (and key detail fields), then the
// construct tree (labelled DO with shared termination, construct names, IF/SELECT branches).
import { describe, expect, it } from 'vitest';
import { referencedNames } from '../../../src/frontend/fortran/index.js';
import { fx, parse } from './helpers.js';

/** [statement text, kind, optional subset of the detail]. */
const table: [string, string, Record<string, unknown>?][] = [
  ['program main', 'program', { name: 'main' }],
  ['module grid_mod', 'module', { name: 'grid_mod' }],
  ['submodule (parent) child', 'submodule', { name: 'child', parent: 'parent' }],
  ['subroutine step(u, v, n)', 'subroutine', { name: 'step', args: ['u', 'v', 'n'] }],
  ['subroutine noargs', 'subroutine', { name: 'noargs', args: [] }],
  ['recursive pure elemental integer(kind=8) function f(x) result(r)', 'function',
    { name: 'f', args: ['x'], result: 'r', prefixes: ['recursive', 'pure', 'elemental'], type: { text: 'integer(kind=8)', base: 'integer', kind: '8' } }],
  ['real*8 function g(a, b)', 'function', { name: 'g', type: { text: 'real*8', base: 'real', kind: '8' } }],
  ['double precision function h()', 'function', { type: { text: 'double precision', base: 'double precision' } }],
  ['module subroutine ms(x)', 'subroutine', { prefixes: ['module'] }],
  ['block data init', 'block-data', { name: 'init' }],
  ['blockdata', 'block-data'],
  ['end', 'end'],
  ['end program main', 'end-program', { name: 'main' }],
  ['endsubroutine', 'end-subroutine'],
  ['end function f', 'end-function'],
  ['end module', 'end-module'],
  ['end block data', 'end-block-data'],
  ['contains', 'contains'],
  ['use mpi', 'use', { module: 'mpi', renames: [] }],
  ['use grid, only: nx, ny => ny_global, operator(+)', 'use', { module: 'grid', only: ['nx', 'ny', 'operator(+)'], renames: [{ local: 'ny', remote: 'ny_global' }] }],
  ['use, intrinsic :: iso_c_binding', 'use', { module: 'iso_c_binding', nature: 'intrinsic' }],
  ['use m, a => b', 'use', { module: 'm', renames: [{ local: 'a', remote: 'b' }] }],
  ['implicit none', 'implicit', { none: true }],
  ['implicit real*8 (a-h, o-z)', 'implicit', { none: false, rules: [{ type: { text: 'real*8', base: 'real', kind: '8' }, letters: 'a-h,o-z' }] }],
  ['implicit double precision (a-h,o-z), integer(8) (i-n)', 'implicit'],
  ['real*8 a(10), b', 'declaration', { type: { text: 'real*8', base: 'real', kind: '8' } }],
  ['real(kind=8), dimension(n, 0:m), intent(inout) :: u, v', 'declaration',
    { attributes: ['dimension', 'intent(inout)'], dims: [{ text: 'n', upper: 'n' }, { text: '0:m', lower: '0', upper: 'm' }] }],
  ['double precision x', 'declaration', { type: { text: 'double precision', base: 'double precision' } }],
  ['character*(*) name', 'declaration', { type: { text: 'character*(*)', base: 'character', len: '*' } }],
  ['character(len=*), intent(in) :: s', 'declaration', { type: { text: 'character(len=*)', base: 'character', len: '*' } }],
  ['character(len=10, kind=1) :: t', 'declaration', { type: { text: 'character(len=10, kind=1)', base: 'character', len: '10', kind: '1' } }],
  ['character*8 a, b*16', 'declaration'],
  ['type(grid_t), pointer :: g => null()', 'declaration', { type: { text: 'type(grid_t)', base: 'type', derived: 'grid_t' }, attributes: ['pointer'] }],
  ['class(shape), allocatable :: s(:)', 'declaration', { type: { text: 'class(shape)', base: 'class', derived: 'shape' } }],
  ['integer, parameter :: n = 100, m = 2*n', 'declaration', { attributes: ['parameter'] }],
  ['logical, save, target, optional, value, contiguous, external, intrinsic, allocatable :: q', 'declaration'],
  ['parameter (pi = 3.14159d0, n = 10)', 'parameter'],
  ['common /fields/ u(100), v, /scal/ dt', 'common'],
  ['common x, y', 'common'],
  ['equivalence (a(1), b(1))', 'equivalence'],
  ['save', 'save'],
  ['save /blk/, x', 'save'],
  ['data a /1.0/, b(1:3) /3*0.0/', 'data'],
  ['dimension a(10), b(n, m)', 'dimension'],
  ['external f, g', 'external'],
  ['intrinsic sin', 'intrinsic'],
  ['allocatable :: a(:)', 'attribute', { attribute: 'allocatable' }],
  ['intent(in) :: x', 'attribute', { attribute: 'intent(in)' }],
  ['private', 'attribute'],
  ['public :: a, b', 'attribute'],
  ['namelist /nml/ a, b', 'namelist'],
  ['type grid_t', 'type-def', { name: 'grid_t' }],
  ['type :: grid_t', 'type-def', { name: 'grid_t' }],
  ['type, extends(base), public :: derived', 'type-def', { name: 'derived', attributes: ['extends(base)', 'public'] }],
  ['end type grid_t', 'end-type'],
  ['sequence', 'sequence'],
  ['interface', 'interface', { abstract: false }],
  ['interface norm', 'interface', { name: 'norm' }],
  ['abstract interface', 'interface', { abstract: true }],
  ['end interface', 'end-interface'],
  ['module procedure a, b', 'procedure'],
  ['procedure(iface), pointer :: p', 'procedure'],
  ['generic :: assignment(=) => assign_t', 'procedure'],
  ['final :: destroy', 'procedure'],
  ['final = 1', 'assignment'],
  ['do i = 1, n', 'do', { form: 'counted', variable: 'i', start: '1', end: 'n' }],
  ['do 10 i = 1, n, 2', 'do', { form: 'counted', termLabel: '10', step: '2' }],
  ['do 10, k = n, 1, -1', 'do', { termLabel: '10', variable: 'k' }],
  ['do while (err > tol)', 'do', { form: 'while', condition: 'err > tol' }],
  ['do', 'do', { form: 'infinite' }],
  ['do concurrent (i = 1:n)', 'do', { form: 'concurrent' }],
  ['enddo', 'end-do'],
  ['end do', 'end-do'],
  ['if (a .gt. b) then', 'if-then', { condition: 'a .gt. b' }],
  ['else if (a == b) then', 'else-if'],
  ['elseif(x)then', 'else-if'],
  ['else', 'else'],
  ['end if', 'end-if'],
  ['endif', 'end-if'],
  ['if (x < 0) x = -x', 'if'],
  ['if (x) 10, 20, 30', 'arithmetic-if', { labels: ['10', '20', '30'] }],
  ['select case (k)', 'select-case', { selector: 'k' }],
  ['case (1, 3:5)', 'case', { isDefault: false, selector: '1, 3:5' }],
  ['case default', 'case', { isDefault: true }],
  ['end select', 'end-select'],
  ['select type (s)', 'select-type'],
  ['type is (circle)', 'type-guard'],
  ['class default', 'type-guard'],
  ['where (h > 0.0)', 'where-construct'],
  ['where (h < 0.0) h = 0.0', 'where'],
  ['elsewhere', 'elsewhere'],
  ['else where (m)', 'elsewhere'],
  ['end where', 'end-where'],
  ['forall (i = 1:n, j = 1:m, a(i, j) > 0)', 'forall-construct', { indices: ['i', 'j'] }],
  ['forall (i = 1:n) a(i) = b(i)', 'forall'],
  ['end forall', 'end-forall'],
  ['associate (x => p%x, y => q)', 'associate', { names: ['x', 'y'] }],
  ['end associate', 'end-associate'],
  ['block', 'block'],
  ['end block', 'end-block'],
  ['critical', 'critical'],
  ['exit', 'exit'],
  ['exit outer', 'exit', { target: 'outer' }],
  ['cycle', 'cycle'],
  ['goto 100', 'goto', { target: '100' }],
  ['go to 100', 'goto', { target: '100' }],
  ['go to (10, 20, 30), k', 'goto', { labels: ['10', '20', '30'] }],
  ['continue', 'continue'],
  ['return', 'return'],
  ['stop', 'stop'],
  ["stop 'failed'", 'stop'],
  ['error stop 2', 'stop'],
  ['call solve(a, n=n, tol=1e-6)', 'call', { name: 'solve' }],
  ['call flush_all', 'call', { name: 'flush_all' }],
  ['x = 1', 'assignment', { target: 'x', targetName: 'x' }],
  ['a(i, j)%b(k) = 2.0d0', 'assignment', { targetName: 'a' }],
  ['do = 1', 'assignment'],
  ['if(i) = 2', 'assignment'],
  ['p => t', 'pointer-assignment'],
  ['g%next => null()', 'pointer-assignment'],
  ['allocate(a(n), b(0:m), stat=ierr)', 'allocate'],
  ['deallocate(a, b)', 'deallocate'],
  ['nullify(p)', 'nullify'],
  ["read(5, *) n", 'read'],
  ['read *, x', 'read'],
  ["write(*, '(a, i5)') 'n = ', n", 'write'],
  ['print *, x', 'print'],
  ["open(unit=10, file='out.dat', status='replace')", 'open'],
  ['close(10)', 'close'],
  ['inquire(file=f, exist=ok)', 'inquire'],
  ['rewind 10', 'rewind'],
  ['backspace(10)', 'backspace'],
  ['endfile 10', 'endfile'],
  ['flush(6)', 'flush'],
  ["100 format(1x, 'x = ', f10.4)", 'format'],
  ["include 'params.inc'", 'include', { path: 'params.inc' }],
  ['entry alt(x)', 'entry'],
  ['pause', 'unknown'],
  ['this is not fortran', 'unknown'],
];

describe('classification', () => {
  for (const [text, kind, detail] of table) {
    it(text, () => {
      const { tree } = parse(`${text}\n`);
      const s = tree.statements[0]!;
      expect(s.kind).toBe(kind);
      if (detail) expect(s.detail).toMatchObject(detail);
    });
  }

  it('spans of DO bounds, CALL arguments and assignment targets point into the file', () => {
    const { tree, file } = parse('do k = lo + 1, &\n   hi, -2\ncall solve(a(1:n), &\n  tol = 1e-6)\nu(i)%v = 0\n');
    const at = (sp: { start: number; end: number }): string => file.text.slice(sp.start, sp.end);
    const d = tree.statements[0]!.detail;
    if (d.kind !== 'do' || !d.spans) throw new Error('not a counted DO');
    expect([at(d.spans.variable), at(d.spans.start), at(d.spans.end), at(d.spans.step!)]).toEqual(['k', 'lo + 1', 'hi', '-2']);
    const c = tree.statements[1]!.detail;
    if (c.kind !== 'call') throw new Error('not a call');
    expect(c.args.map((a) => [a.keyword ?? '-', a.text, at(a.span)])).toEqual([['-', 'a(1:n)', 'a(1:n)'], ['tol', '1e-6', '1e-6']]);
    const g = tree.statements[2]!.detail;
    if (g.kind !== 'assignment') throw new Error('not an assignment');
    expect([g.target, at(g.targetSpan)]).toEqual(['u(i)%v', 'u(i)%v']);
  });

  it('logical IF classifies its inner statement', () => {
    const s = parse('if (x < 0) call fail(x)\n').tree.statements[0]!;
    expect(s.inner?.kind).toBe('call');
    expect(s.inner?.text).toBe('call fail(x)');
  });

  it('construct names on openers, branches and ends', () => {
    const { tree } = parse('outer: do i = 1, n\n  inner: if (x) then\n  else inner\n  end if inner\n  exit outer\nend do outer\n');
    expect(tree.statements.map((s) => s.constructName ?? '-')).toEqual(['outer', 'inner', 'inner', 'inner', '-', 'outer']);
    expect(tree.statements[4]!.detail).toMatchObject({ target: 'outer' });
  });

  it('unclassified statements are reported as notes', () => {
    const { bag } = parse('pause\n');
    expect(bag.items.map((d) => [d.name, d.severity])).toEqual([['fortran-unclassified', 'note']]);
  });

  it('fixed form: blanks are insignificant (squeezed keywords)', () => {
    const src = ['DO10I=1,N', 'DO10 = 1.5', 'CALLSOLVE(A,N)', 'GOTO10', 'DOUBLEPRECISIONX,Y', 'IF(X.GT.0)GOTO10', 'ENDIF', 'COMMON/GRD/DX,DY', 'D O 2 0 J = 1 , M']
      .map((t) => fx('', ' ', t)).join('\n');
    const { tree, file, bag } = parse(src, 'fixed');
    expect(tree.statements.map((s) => s.kind)).toEqual(['do', 'assignment', 'call', 'goto', 'declaration', 'if', 'end-if', 'common', 'do']);
    expect(tree.statements[0]!.detail).toMatchObject({ termLabel: '10', variable: 'i', end: 'N' });
    expect(tree.statements[2]!.detail).toMatchObject({ name: 'solve' });
    expect(tree.statements[8]!.detail).toMatchObject({ termLabel: '20', variable: 'j' });
    const r = referencedNames(tree.statements[8]!);
    expect(r.map((n) => `${n.name}@${file.text.slice(n.span.start, n.span.end)}`)).toEqual(['j@J', 'm@M']);
    expect(bag.items.map((d) => d.name)).not.toContain('fortran-unclassified');
  });

  it('fixed form: same classification with labels in columns 1-5', () => {
    const src = [fx('', ' ', 'DO 10 I = 1, N'), fx('', ' ', 'DO 10 J = 1, M'), fx('', ' ', 'A(I,J) = 0.0D0'), fx('10', ' ', 'CONTINUE'), fx('', ' ', 'GOTO 20'), fx('20', ' ', 'END')].join('\n');
    const { tree } = parse(src, 'fixed');
    expect(tree.statements.map((s) => `${s.label ?? ''}${s.kind}`)).toEqual(['do', 'do', 'assignment', '10continue', 'goto', '20end']);
  });
});

describe('references', () => {
  const refs = (text: string): string[] =>
    referencedNames(parse(`${text}\n`).tree.statements[0]!).map((r) => `${r.name}${r.applied ? '()' : ''}${r.written ? '=' : ''}`);

  it('assignment: target written, function/array references applied', () => expect(refs('a(i) = b(i) + sqrt(c) * x')).toEqual(['a()=', 'i', 'b()', 'i', 'sqrt()', 'c', 'x']));
  it('components and keyword arguments are not references', () => expect(refs('s%v(k) = f(x, dim=2) + t%w')).toEqual(['s=', 'k', 'f()', 'x', 't']));
  it('numbers, kinds and dotted operators', () => expect(refs('y = 1.0_dp + 1.d0*z + 2e-3 + 3_8 - 1.eq.k .and. .true.')).toEqual(['y=', 'dp', 'z', 'k']));
  it('strings with both quotes and doubled quotes', () => expect(refs(`s = 'a''b' // "c""d" // t`)).toEqual(['s=', 't']));
  it('DO variable written, bounds read', () => expect(refs('do i = lo, hi, st')).toEqual(['i=', 'lo', 'hi', 'st']));
  it('I/O control keywords skipped, iostat variable kept', () => expect(refs("read(unit=u, fmt='(a)', iostat=ios) (a(i), i=1,n)")).toEqual(['u', 'ios', 'a()', 'i', 'i', 'n']));
  it('logical IF includes the inner statement', () => expect(refs('if (x > eps) y = x')).toEqual(['x', 'eps', 'y=', 'x']));
  it('call arguments with keywords', () => expect(refs('call solve(a, n=m)')).toEqual(['a', 'm']));
  it('declarations: kind parameters, bounds and initialisers', () => expect(refs('real(kind=dp), dimension(nx) :: u(0:n+1) = c0')).toEqual(['dp', 'nx', 'n', 'c0']));
  it('Hollerith constants are constants, not names', () => expect(refs('call put(4HABCD, n, 2HXY)')).toEqual(['n']));
  it('array constructors and BOZ', () => expect(refs("v = [(i*h, i=1,n)] + (/ a, b /) + z'ff'")).toEqual(['v=', 'i', 'h', 'i', 'n', 'a', 'b']));
  it('spans point at the names', () => {
    const { tree, file } = parse('x = alpha + &\n  & beta\n');
    const r = referencedNames(tree.statements[0]!);
    expect(r.map((n) => file.text.slice(n.span.start, n.span.end))).toEqual(['x', 'alpha', 'beta']);
  });
});

describe('constructs', () => {
  it('labelled DO loops sharing one terminal CONTINUE', () => {
    const src = [fx('', ' ', 'do 10 i = 1, n'), fx('', ' ', 'do 10 j = 1, m'), fx('', ' ', 'a(i,j) = 0'), fx('10', ' ', 'continue'), fx('', ' ', 'do 20 k = 1, n'), fx('20', ' ', 'b(k) = 1'), fx('', ' ', 'end')].join('\n');
    const { tree, bag } = parse(src, 'fixed');
    expect(tree.constructs.map((c) => [c.kind, c.termLabel, c.first, c.last, c.bodyLast, c.parent ?? -1])).toEqual([
      ['do', '10', 0, 3, 3, -1], ['do', '10', 1, 3, 3, 0], ['do', '20', 4, 5, 5, -1],
    ]);
    expect(bag.items).toEqual([]);
  });

  it('labelled DO ended by a labelled END DO', () => {
    const { tree } = parse('do 5 i = 1, n\n  x = i\n5 end do\nend\n');
    expect(tree.constructs.map((c) => [c.first, c.last, c.bodyLast])).toEqual([[0, 2, 1]]);
  });

  it('IF branches, SELECT cases, WHERE elsewhere, nesting', () => {
    const src = 'if (a) then\n x = 1\nelse if (b) then\n select case (k)\n case (1)\n case default\n end select\nelse\n where (m)\n  y = 0\n elsewhere\n  y = 1\n end where\nend if\nend\n';
    const { tree, bag } = parse(src);
    expect(tree.constructs.map((c) => [c.kind, c.first, c.last, c.branches, c.parent ?? -1])).toEqual([
      ['if', 0, 13, [2, 7], -1], ['select', 3, 6, [4, 5], 0], ['where', 8, 12, [10], 0],
    ]);
    expect(bag.items).toEqual([]);
  });

  it('mismatched and unterminated constructs are diagnosed', () => {
    expect(parse('do i = 1, n\n if (x) then\n end do\nend\n').bag.items.map((d) => d.name)).toContain('fortran-mismatched-end');
    expect(parse('subroutine s\n do i = 1, n\nend subroutine\n').bag.items.map((d) => d.name)).toEqual(['fortran-unterminated-construct']);
    expect(parse('end do\n').bag.items.map((d) => d.name)).toContain('fortran-unexpected-end');
  });
});
