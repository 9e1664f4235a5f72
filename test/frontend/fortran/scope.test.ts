// Scopes: declared entities with their shapes and attributes, dummy arguments, common blocks, module
// variables, USE associations, implicit typing (default, IMPLICIT NONE, letter ranges), host
// association for internal procedures, and the program-unit tree.
import { describe, expect, it } from 'vitest';
import {
  constructAround, dumpFortranTree, isIntrinsicFunction, isIntrinsicSubroutine, lookupEntity, resolveName, statementAfter, typeOfName, unitAt,
} from '../../../src/frontend/fortran/index.js';
import { DiagnosticBag } from '../../../src/core/diagnostic.js';
import { createSourceFile } from '../../../src/source/source-file.js';
import { parseFortran } from '../../../src/frontend/fortran/index.js';
import { fx, parse } from './helpers.js';

const entity = (src: string, unit: number, name: string, form: 'free' | 'fixed' = 'free') => {
  const { tree } = parse(src, form);
  return tree.units[unit]!.scope.entities.find((e) => e.name === name);
};

describe('scopes', () => {
  it('default implicit typing: i-n integer, others real', () => {
    const { tree } = parse('subroutine s\n  k = 1\n  x = k * 2.0\n  call sub(y)\nend\n');
    const ents = tree.units[0]!.scope.entities;
    expect(ents.map((e) => [e.name, e.type?.base, e.implicitType])).toEqual([['k', 'integer', true], ['x', 'real', true], ['y', 'real', true]]);
    expect(typeOfName(tree, 0, 'nothing')).toMatchObject({ base: 'integer' });
  });

  it('IMPLICIT NONE: undeclared names are not invented', () => {
    const { tree } = parse('subroutine s\n  use other\n  implicit none\n  x = 1\nend\n');
    expect(tree.units[0]!.scope.entities).toEqual([]);
    expect(typeOfName(tree, 0, 'x')).toBeUndefined();
  });

  it('IMPLICIT letter ranges', () => {
    const { tree } = parse('subroutine s\n  implicit double precision (a-h, o-z), logical (l)\n  a = 1\n  lflag = .true.\n  i = 2\nend\n');
    expect(tree.units[0]!.scope.entities.map((e) => [e.name, e.type?.base])).toEqual([['a', 'double precision'], ['lflag', 'logical'], ['i', 'integer']]);
  });

  it('declarations: type, kind, dims, attributes, intent, dummy position, init', () => {
    const src = 'subroutine s(n, u, name)\n  integer, intent(in) :: n\n  real(kind=8), dimension(0:n+1, *), intent(inout) :: u\n  character*(*) name\n  real, parameter :: c = 0.5\n  real, allocatable, target :: w(:)\nend subroutine\n';
    const u = entity(src, 0, 'u')!;
    expect(u).toMatchObject({ dummy: 1, intent: 'inout', type: { base: 'real', kind: '8' }, dims: [{ lower: '0', upper: 'n+1' }, { upper: '*' }] });
    expect(entity(src, 0, 'name')).toMatchObject({ dummy: 2, type: { base: 'character', len: '*' } });
    expect(entity(src, 0, 'c')).toMatchObject({ parameter: true, init: '0.5' });
    expect(entity(src, 0, 'w')).toMatchObject({ attributes: ['allocatable', 'target'], dims: [{ text: ':' }] });
  });

  it('common blocks, named and blank, dims given in COMMON or DIMENSION', () => {
    const src = [fx('', ' ', 'subroutine s'), fx('', ' ', 'common /fld/ u(100), v, /c2/ w'), fx('', ' ', 'common q'), fx('', ' ', 'dimension v(50)'), fx('', ' ', 'end')].join('\n');
    const { tree } = parse(src, 'fixed');
    const sc = tree.units[0]!.scope;
    expect(sc.commons.map((c) => [c.name, c.members])).toEqual([['fld', ['u', 'v']], ['c2', ['w']], ['', ['q']]]);
    expect(sc.entities.map((e) => [e.name, e.common, e.dims?.map((d) => d.text), e.type?.base])).toEqual([
      ['u', 'fld', ['100'], 'real'], ['v', 'fld', ['50'], 'real'], ['w', 'c2', undefined, 'real'], ['q', '', undefined, 'real'],
    ]);
  });

  it('module variables, USE with only/renames, host association of internal procedures', () => {
    const src = [
      'module m', '  implicit none', '  real, allocatable :: field(:)', '  integer, parameter :: n = 4', 'contains',
      '  subroutine inc(x)', '    real :: x', '    field = field + x', '  end subroutine', 'end module',
      'program p', '  use m, only: field, f2 => field', '  implicit none', '  real :: t', '  t = 1', '  call inc(t)', 'contains',
      '  subroutine inner', '    t = t + 1', '  end subroutine', 'end program',
    ].join('\n');
    const { tree } = parse(src);
    expect(tree.units.map((u) => [u.kind, u.name, u.parent ?? -1, u.children])).toEqual([
      ['module', 'm', -1, [1]], ['subroutine', 'inc', 0, []], ['program', 'p', -1, [3]], ['subroutine', 'inner', 2, []],
    ]);
    expect(tree.units[0]!.scope.entities.map((e) => [e.name, e.moduleVariable, e.parameter])).toEqual([['field', true, false], ['n', false, true]]);
    expect(tree.units[1]!.scope.entities.map((e) => e.name)).toEqual(['x']); // field is host-associated
    expect(tree.units[2]!.scope.uses).toMatchObject([{ module: 'm', only: ['field', 'f2'], renames: [{ local: 'f2', remote: 'field' }] }]);
    expect(tree.units[3]!.scope.entities).toEqual([]); // t comes from the host
    expect(lookupEntity(tree, 3, 't')).toMatchObject({ unit: 2, entity: { type: { base: 'real' } } });
    expect(tree.units[2]!.contains).toBe(16);
  });

  it('function result variable and prefix type', () => {
    const { tree } = parse('integer function f(x) result(r)\n  r = 2 * x\nend function\nreal*8 function g(y)\n  g = y\nend\n');
    expect(tree.units[0]!.scope.entities.map((e) => [e.name, e.result, e.type?.base])).toEqual([['x', false, 'real'], ['r', true, 'integer']]);
    expect(tree.units[1]!.scope.entities.find((e) => e.name === 'g')).toMatchObject({ result: true, type: { kind: '8' } });
  });

  it('derived-type components and interface bodies stay out of the scope', () => {
    const src = 'module m\n  type t\n    real :: comp\n  contains\n    procedure :: p\n  end type\n  interface\n    subroutine ext(a)\n      real :: a\n    end subroutine\n  end interface\n  type(t) :: v\nend module\n';
    const { tree, bag } = parse(src);
    expect(tree.units.length).toBe(1);
    expect(tree.units[0]!.contains).toBeUndefined();
    expect(tree.units[0]!.scope.entities.map((e) => [e.name, e.procedure])).toEqual([['ext', true], ['v', false]]);
    expect(bag.items).toEqual([]);
  });

  it('implicit main program and queries by offset', () => {
    const src = 'x = 1\n!$omp parallel do\ndo i = 1, 3\n  x = x + i\nend do\nend\n';
    const { tree } = parse(src);
    expect(tree.units.map((u) => [u.kind, u.first, u.last])).toEqual([['main', 0, 4]]);
    expect(tree.units[0]!.scope.entities.map((e) => [e.name, e.type?.base])).toEqual([['x', 'real'], ['i', 'integer']]);
    const site = tree.directiveSites[0]!;
    const next = statementAfter(tree, site.span.end);
    expect(tree.statements[next]!.kind).toBe('do');
    expect(unitAt(tree, site.span.start)?.kind).toBe('main');
    expect(constructAround(tree, 2)?.kind).toBe('do');
  });

  it('SAVE without a list, EQUIVALENCE and DATA objects, names a foreign module may provide', () => {
    const src = 'subroutine s\n  use netcdf\n  real a(10), b(10)\n  save\n  equivalence (a(1), b(1)), (c, d)\n  data x /1.0/, (y(i), i=1,2) /2*0.0/\n  z = nf90_noerr\nend\n';
    const { tree } = parse(src);
    const sc = tree.units[0]!.scope;
    expect(sc.saveAll).toBe(true);
    expect(sc.entities.filter((e) => e.equivalenced).map((e) => e.name)).toEqual(['a', 'b', 'c', 'd']);
    expect(sc.entities.filter((e) => e.dataInitialised).map((e) => e.name)).toEqual(['x', 'y']);
    expect(sc.entities.filter((e) => e.maybeUseAssociated).map((e) => e.name)).toEqual(['z', 'nf90_noerr']);
  });

  it('indented preprocessor lines in free form', () => {
    const { tree } = parse('  #ifdef _OPENMP\n  x = 1\n  # endif\n');
    expect(tree.statements.map((s) => s.kind)).toEqual(['preprocessor', 'assignment', 'preprocessor']);
  });

  it('the tree dumps to JSON and back without loss', () => {
    const { tree } = parse('module m\n  integer :: a(3)\ncontains\n  subroutine s\n    !$omp parallel\n    a = 1\n    !$omp end parallel\n  end subroutine\nend module\n');
    const dumped = dumpFortranTree(tree) as { directiveSites: { text: string }[] };
    const round = JSON.parse(JSON.stringify(dumped)) as typeof dumped;
    expect(round).toEqual(dumped);
    expect(round.directiveSites.map((d) => d.text)).toEqual(['parallel', 'end parallel']);
  });

  it('resolveName: local, host, USE with renames and ONLY, other files through a lookup', () => {
    const lib = parse('module consts\n  real, parameter :: g = 9.81\nend module\n').tree;
    const src = [
      'module grid', '  use consts', '  real :: h(10), dx', 'end module',
      'subroutine s', '  use grid, only: depth => h', '  implicit none', '  real :: x', '  x = depth(1) * g', 'contains',
      '  subroutine t', '    x = 0', '  end subroutine', 'end subroutine',
    ].join('\n');
    const { tree } = parse(src);
    const lookup = (m: string) => (m === 'consts' ? { tree: lib, unit: 0 } : undefined);
    expect(resolveName(tree, 1, 'x')).toMatchObject({ via: 'local', unit: 1 });
    expect(resolveName(tree, 2, 'x')).toMatchObject({ via: 'host', unit: 1 });
    expect(resolveName(tree, 1, 'depth')).toMatchObject({ via: 'use', module: 'grid', remote: 'h', unit: 0, entity: { moduleVariable: true } });
    expect(resolveName(tree, 1, 'h')).toBeUndefined(); // only the renamed name is visible
    expect(resolveName(tree, 1, 'dx')).toBeUndefined(); // not in the ONLY list
    expect(resolveName(tree, 0, 'g', lookup)).toMatchObject({ via: 'use', module: 'consts', tree: lib, entity: { parameter: true } });
    expect(resolveName(tree, 0, 'g')).toBeUndefined(); // consts is in another file and no lookup was given
  });

  it('intrinsic procedure names', () => {
    expect(['sqrt', 'MAX', 'omp_get_thread_num', 'dble'].map(isIntrinsicFunction)).toEqual([true, true, true, true]);
    expect(isIntrinsicFunction('field')).toBe(false);
    expect(isIntrinsicSubroutine('random_number')).toBe(true);
  });

  it('INCLUDE files supplied by a resolver enter the including unit\'s scope', () => {
    const files: Record<string, string> = {
      'grid.h': ['      INTEGER NX, NY', '      PARAMETER (NX = 10, NY = 20)', "      INCLUDE 'fields.h'"].join('\n'),
      'fields.h': ['      DOUBLE PRECISION U(NX,NY)', '      COMMON /FLD/ U'].join('\n'),
    };
    const src = [fx('', ' ', 'SUBROUTINE S'), fx('', ' ', "INCLUDE 'grid.h'"), fx('', ' ', "INCLUDE 'missing.h'"), fx('', ' ', 'U(1,1) = 0'), fx('', ' ', 'END')].join('\n');
    const file = createSourceFile('s.f', src);
    const bag = new DiagnosticBag();
    const tree = parseFortran(file, bag, { readInclude: (p) => (files[p] !== undefined ? { path: `inc/${p}`, text: files[p]! } : undefined) });
    expect(tree.includes.map((i) => [i.statement, i.parent, i.file.path, i.statements.length])).toEqual([[1, undefined, 'inc/grid.h', 3], [2, 0, 'inc/fields.h', 2]]);
    const sc = tree.units[0]!.scope;
    expect(sc.entities.map((e) => [e.name, e.type?.base, e.common, e.parameter, e.file])).toEqual([
      ['nx', 'integer', undefined, true, 'inc/grid.h'], ['ny', 'integer', undefined, true, 'inc/grid.h'], ['u', 'double precision', 'fld', false, 'inc/fields.h'],
    ]);
    expect(bag.items.map((d) => d.name)).toEqual(['fortran-include-not-found']);
    expect(JSON.parse(JSON.stringify(dumpFortranTree(tree)))).toMatchObject({ includes: [{ path: 'inc/grid.h' }, { path: 'inc/fields.h' }] });
  });
});
