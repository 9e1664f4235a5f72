// Table-driven parser tests: directive text → compact AST (test/openmp/dump.ts), no diagnostics.
import { describe, expect, test } from 'vitest';
import { DiagnosticBag } from '../../src/core/diagnostic.js';
import { formatDiagnosticsText } from '../../src/core/format-diagnostic.js';
import { parseDirective } from '../../src/openmp/parse-directive.js';
import type { Language } from '../../src/openmp/spec-types.js';
import { dumpDirective } from './dump.js';
import { makeSite } from './site.js';

type Case = readonly [input: string, expected: unknown];

function parse(language: Language, ...lines: string[]) {
  const site = makeSite(language, ...lines);
  const bag = new DiagnosticBag();
  const directive = parseDirective(site, language, bag);
  return { site, directive, diagnostics: formatDiagnosticsText(bag.items, false) };
}

const C_CASES: readonly Case[] = [
  ['parallel', { kind: 'parallel' }],
  ['parallel for', { kind: 'parallel for' }],
  ['parallel for simd', { kind: 'parallel for simd' }],
  ['target teams distribute parallel for simd', { kind: 'target teams distribute parallel for simd' }],
  ['cancellation point for', { kind: 'cancellation point', clauses: [{ kind: 'for' }] }],
  ['cancel parallel if(cancel: err != 0)', { kind: 'cancel', clauses: [{ kind: 'parallel' }, { kind: 'if', modifiers: ['cancel'], args: ['err != 0'] }] }],
  ['target enter data map(to: a[0:n])', { kind: 'target enter data', clauses: [{ kind: 'map', modifiers: ['to'], items: [{ name: 'a', text: 'a[0:n]', sections: [{ lower: '0', length: 'n' }] }] }] }],
  ['parallel for private(i, j) shared(a)', { kind: 'parallel for', clauses: [{ kind: 'private', items: ['i', 'j'] }, { kind: 'shared', items: ['a'] }] }],
  ['parallel private(i),shared(a)', { kind: 'parallel', clauses: [{ kind: 'private', items: ['i'] }, { kind: 'shared', items: ['a'] }] }],
  ['for schedule(static, (n+1)/2)', { kind: 'for', clauses: [{ kind: 'schedule', value: 'static', args: ['(n+1)/2'] }] }],
  ['for schedule(static, big ? 64 : 8)', { kind: 'for', clauses: [{ kind: 'schedule', value: 'static', args: ['big ? 64 : 8'] }] }],
  ['teams num_teams(n > 4 ? 4 : n)', { kind: 'teams', clauses: [{ kind: 'num_teams', args: ['n > 4 ? 4 : n'] }] }],
  ['for schedule(monotonic: dynamic, 4)', { kind: 'for', clauses: [{ kind: 'schedule', modifiers: ['monotonic'], value: 'dynamic', args: ['4'] }] }],
  ['for schedule(nonmonotonic, simd: guided)', { kind: 'for', clauses: [{ kind: 'schedule', modifiers: ['nonmonotonic', 'simd'], value: 'guided' }] }],
  ['parallel reduction(+:a[0:n])', { kind: 'parallel', clauses: [{ kind: 'reduction', operator: '+', items: [{ name: 'a', text: 'a[0:n]', sections: [{ lower: '0', length: 'n' }] }] }] }],
  ['parallel reduction(inscan, +: x)', { kind: 'parallel', clauses: [{ kind: 'reduction', modifiers: ['inscan'], operator: '+', items: ['x'] }] }],
  ['parallel reduction(&&: ok) reduction(max: m, mm)', { kind: 'parallel', clauses: [{ kind: 'reduction', operator: '&&', items: ['ok'] }, { kind: 'reduction', operator: 'max', items: ['m', 'mm'] }] }],
  ['parallel reduction(my_add: s)', { kind: 'parallel', clauses: [{ kind: 'reduction', operator: 'my_add', items: ['s'] }] }],
  ['parallel if(parallel: n > (m*2))', { kind: 'parallel', clauses: [{ kind: 'if', modifiers: ['parallel'], args: ['n > (m*2)'] }] }],
  ['parallel if(n > 100 ? 1 : 0)', { kind: 'parallel', clauses: [{ kind: 'if', args: ['n > 100 ? 1 : 0'] }] }],
  ['target update if(target update: c) to(x)', { kind: 'target update', clauses: [{ kind: 'if', modifiers: ['target update'], args: ['c'] }, { kind: 'to', items: ['x'] }] }],
  ['target map(always, tofrom: a[lb:len][:])', {
    kind: 'target',
    clauses: [{ kind: 'map', modifiers: ['always', 'tofrom'], items: [{ name: 'a', text: 'a[lb:len][:]', sections: [{ lower: 'lb', length: 'len' }, {}] }] }],
  }],
  ['target map(mapper(vec_m), to: v) map(p->a[0:p->n])', {
    kind: 'target',
    clauses: [
      { kind: 'map', modifiers: ['mapper(vec_m)', 'to'], items: ['v'] },
      { kind: 'map', items: [{ name: 'p', text: 'p->a[0:p->n]', sections: [{ lower: '0', length: 'p->n' }], members: ['a'] }] },
    ],
  }],
  ['target map(tofrom: *p, s.f)', { kind: 'target', clauses: [{ kind: 'map', modifiers: ['tofrom'], items: [{ name: 'p', text: '*p', expression: true }, { name: 's', text: 's.f', members: ['f'] }] }] }],
  ['for lastprivate(conditional: x) linear(i: 2)', { kind: 'for', clauses: [{ kind: 'lastprivate', modifiers: ['conditional'], items: ['x'] }, { kind: 'linear', items: ['i'], args: ['2'] }] }],
  ['simd linear(j, k: step(4), val) aligned(p: 64)', {
    kind: 'simd',
    clauses: [{ kind: 'linear', modifiers: ['step(4)', 'val'], items: ['j', 'k'] }, { kind: 'aligned', items: ['p'], args: ['64'] }],
  }],
  ['declare simd linear(val(x): 1) uniform(n)', { kind: 'declare simd', clauses: [{ kind: 'linear', modifiers: ['val'], items: ['x'], args: ['1'] }, { kind: 'uniform', items: ['n'] }] }],
  ['task depend(in: a) depend(out: b[i][0:2])', {
    kind: 'task',
    clauses: [
      { kind: 'depend', value: 'in', items: ['a'] },
      { kind: 'depend', value: 'out', items: [{ name: 'b', text: 'b[i][0:2]', sections: [{ lower: 'i', single: true }, { lower: '0', length: '2' }] }] },
    ],
  }],
  ['task depend(iterator(it = 0:n), inout: a[it])', {
    kind: 'task',
    clauses: [{ kind: 'depend', modifiers: ['iterator(it = 0:n)'], value: 'inout', items: [{ name: 'a', text: 'a[it]', sections: [{ lower: 'it', single: true }] }] }],
  }],
  ['ordered depend(sink: i-1, j) depend(source)', { kind: 'ordered', clauses: [{ kind: 'depend', value: 'sink', args: ['i-1', 'j'] }, { kind: 'depend', value: 'source' }] }],
  ['ordered doacross(source:)', { kind: 'ordered', clauses: [{ kind: 'doacross', value: 'source', args: [] }] }],
  ['parallel default(none) proc_bind(close) num_threads(nt * 2)', {
    kind: 'parallel',
    clauses: [{ kind: 'default', value: 'none' }, { kind: 'proc_bind', value: 'close' }, { kind: 'num_threads', args: ['nt * 2'] }],
  }],
  ['loop order(reproducible: concurrent) bind(thread)', { kind: 'loop', clauses: [{ kind: 'order', modifiers: ['reproducible'], value: 'concurrent' }, { kind: 'bind', value: 'thread' }] }],
  ['target defaultmap(tofrom: scalar) device(ancestor: 1)', { kind: 'target', clauses: [{ kind: 'defaultmap', value: 'tofrom', args: ['scalar'] }, { kind: 'device', modifiers: ['ancestor'], args: ['1'] }] }],
  ['teams num_teams(4: 8)', { kind: 'teams', clauses: [{ kind: 'num_teams', args: ['4', '8'] }] }],
  ['parallel allocate(omp_high_bw_mem_alloc: x) private(x)', {
    kind: 'parallel',
    clauses: [{ kind: 'allocate', modifiers: ['allocator(omp_high_bw_mem_alloc)'], items: ['x'] }, { kind: 'private', items: ['x'] }],
  }],
  ['parallel allocate(allocator(a), align(64): x)', { kind: 'parallel', clauses: [{ kind: 'allocate', modifiers: ['allocator(a)', 'align(64)'], items: ['x'] }] }],
  ['taskloop grainsize(strict: 16) nogroup', { kind: 'taskloop', clauses: [{ kind: 'grainsize', modifiers: ['strict'], args: ['16'] }, { kind: 'nogroup' }] }],
  ['for collapse(2) ordered(2) nowait', { kind: 'for', clauses: [{ kind: 'collapse', args: ['2'] }, { kind: 'ordered', args: ['2'] }, { kind: 'nowait' }] }],
  ['critical(update_lock) hint(omp_sync_hint_contended)', { kind: 'critical', argument: 'update_lock', clauses: [{ kind: 'hint', args: ['omp_sync_hint_contended'] }] }],
  ['flush(a, b)', { kind: 'flush', argument: ['a', 'b'] }],
  ['flush acq_rel', { kind: 'flush', clauses: [{ kind: 'acq_rel' }] }],
  ['threadprivate(counter, buf)', { kind: 'threadprivate', argument: ['counter', 'buf'] }],
  ['declare target(f, g)', { kind: 'declare target', argument: ['f', 'g'] }],
  ['declare target enter(f) device_type(nohost)', { kind: 'declare target', clauses: [{ kind: 'enter', items: ['f'] }, { kind: 'device_type', value: 'nohost' }] }],
  ['begin declare target', { kind: 'begin declare target' }],
  ['end declare target', { kind: 'end declare target', isEnd: true }],
  ['declare reduction(merge : std_vec : omp_out = merge(omp_out, omp_in)) initializer(omp_priv = init())', {
    kind: 'declare reduction',
    argument: 'merge : std_vec : omp_out = merge(omp_out, omp_in)',
    clauses: [{ kind: 'initializer', args: ['omp_priv = init()'] }],
  }],
  ['declare variant(fast_f) match(device={arch(sw)})', { kind: 'declare variant', argument: 'fast_f', clauses: [{ kind: 'match', args: ['device={arch(sw)}'] }] }],
  ['atomic update seq_cst', { kind: 'atomic', clauses: [{ kind: 'update' }, { kind: 'seq_cst' }] }],
  ['depobj(o) update(inout)', { kind: 'depobj', argument: ['o'], clauses: [{ kind: 'update', value: 'inout' }] }],
  ['scan inclusive(x)', { kind: 'scan', clauses: [{ kind: 'inclusive', items: ['x'] }] }],
  ['error at(compilation) severity(warning) message("not yet")', {
    kind: 'error',
    clauses: [{ kind: 'at', value: 'compilation' }, { kind: 'severity', value: 'warning' }, { kind: 'message', args: ['"not yet"'] }],
  }],
  ['tile sizes(4, 8)', { kind: 'tile', clauses: [{ kind: 'sizes', args: ['4', '8'] }] }],
  ['unroll partial', { kind: 'unroll', clauses: [{ kind: 'partial' }] }],
  ['requires unified_shared_memory atomic_default_mem_order(seq_cst)', {
    kind: 'requires',
    clauses: [{ kind: 'unified_shared_memory' }, { kind: 'atomic_default_mem_order', value: 'seq_cst' }],
  }],
  ['masked filter(0)', { kind: 'masked', clauses: [{ kind: 'filter', args: ['0'] }] }],
  ['metadirective when(device={kind(gpu)}: target teams) otherwise(parallel)', {
    kind: 'metadirective',
    clauses: [{ kind: 'when', args: ['device={kind(gpu)}: target teams'] }, { kind: 'otherwise', args: ['parallel'] }],
  }],
  ['target update to(a[0:n:2]) from(b[:n])', {
    kind: 'target update',
    clauses: [
      { kind: 'to', items: [{ name: 'a', text: 'a[0:n:2]', sections: [{ lower: '0', length: 'n', stride: '2' }] }] },
      { kind: 'from', items: [{ name: 'b', text: 'b[:n]', sections: [{ length: 'n' }] }] },
    ],
  }],
  ['interop init(prefer_type("cuda"), targetsync: obj) nowait', { kind: 'interop', clauses: [{ kind: 'init', args: ['prefer_type("cuda"), targetsync: obj'] }, { kind: 'nowait' }] }],
];

const FORTRAN_CASES: readonly Case[] = [
  ['parallel do', { kind: 'parallel do' }],
  ['PARALLEL DO PRIVATE(I) SHARED(A)', { kind: 'parallel do', clauses: [{ kind: 'private', items: ['I'] }, { kind: 'shared', items: ['A'] }] }],
  ['paralleldo', { kind: 'parallel do' }],
  ['end parallel do', { kind: 'end parallel do', isEnd: true }],
  ['END PARALLEL DO', { kind: 'end parallel do', isEnd: true }],
  ['enddo nowait', { kind: 'end do', isEnd: true, clauses: [{ kind: 'nowait' }] }],
  ['end do simd', { kind: 'end do simd', isEnd: true }],
  ['do simd', { kind: 'do simd' }],
  ['workshare', { kind: 'workshare' }],
  ['parallel workshare', { kind: 'parallel workshare' }],
  ['end parallel workshare', { kind: 'end parallel workshare', isEnd: true }],
  ['end single copyprivate(x) nowait', { kind: 'end single', isEnd: true, clauses: [{ kind: 'copyprivate', items: ['x'] }, { kind: 'nowait' }] }],
  ['end critical (lock)', { kind: 'end critical', isEnd: true, argument: 'lock' }],
  ['target teams distribute parallel do simd', { kind: 'target teams distribute parallel do simd' }],
  ['cancel do', { kind: 'cancel', clauses: [{ kind: 'do' }] }],
  ['do schedule(static, 4) lastprivate(x)', { kind: 'do', clauses: [{ kind: 'schedule', value: 'static', args: ['4'] }, { kind: 'lastprivate', items: ['x'] }] }],
  ['DO SCHEDULE(STATIC)', { kind: 'do', clauses: [{ kind: 'schedule', value: 'static' }] }],
  ['parallel do reduction(.and.: ok) reduction(iand: mask)', { kind: 'parallel do', clauses: [{ kind: 'reduction', operator: '.and.', items: ['ok'] }, { kind: 'reduction', operator: 'iand', items: ['mask'] }] }],
  ['parallel reduction(.NEQV.:flip) reduction(max:vmax)', { kind: 'parallel', clauses: [{ kind: 'reduction', operator: '.NEQV.', items: ['flip'] }, { kind: 'reduction', operator: 'max', items: ['vmax'] }] }],
  ['parallel reduction(+:a(1:n, :))', {
    kind: 'parallel',
    clauses: [{ kind: 'reduction', operator: '+', items: [{ name: 'a', text: 'a(1:n, :)', sections: [{ lower: '1', upper: 'n' }, {}] }] }],
  }],
  ['parallel private(/blk/, x) copyin(/cblk/)', {
    kind: 'parallel',
    clauses: [{ kind: 'private', items: [{ name: 'blk', text: '/blk/', common: true }, 'x'] }, { kind: 'copyin', items: [{ name: 'cblk', text: '/cblk/', common: true }] }],
  }],
  ['target map(tofrom: s%a(1:n))', { kind: 'target', clauses: [{ kind: 'map', modifiers: ['tofrom'], items: [{ name: 's', text: 's%a(1:n)', sections: [{ lower: '1', upper: 'n' }], members: ['a'] }] }] }],
  ['parallel if(parallel: n .gt. 100) default(none)', { kind: 'parallel', clauses: [{ kind: 'if', modifiers: ['parallel'], args: ['n .gt. 100'] }, { kind: 'default', value: 'none' }] }],
  ['Parallel Default(Shared) Num_Threads(4)', { kind: 'parallel', clauses: [{ kind: 'default', value: 'shared' }, { kind: 'num_threads', args: ['4'] }] }],
  ['threadprivate(/work/, x)', { kind: 'threadprivate', argument: [{ name: 'work', text: '/work/', common: true }, 'x'] }],
  ['declare target(f)', { kind: 'declare target', argument: ['f'] }],
  ['declare simd(f) uniform(n)', { kind: 'declare simd', argument: 'f', clauses: [{ kind: 'uniform', items: ['n'] }] }],
  ['allocators allocate(omp_large_cap_mem_alloc: a)', { kind: 'allocators', clauses: [{ kind: 'allocate', modifiers: ['allocator(omp_large_cap_mem_alloc)'], items: ['a'] }] }],
  ['atomic capture', { kind: 'atomic', clauses: [{ kind: 'capture' }] }],
  ['end atomic', { kind: 'end atomic', isEnd: true }],
  ['target update to(a(1:n:2, k))', {
    kind: 'target update',
    clauses: [{ kind: 'to', items: [{ name: 'a', text: 'a(1:n:2, k)', sections: [{ lower: '1', upper: 'n', stride: '2' }, { lower: 'k', single: true }] }] }],
  }],
  ['do linear(j: 1.5d0)', { kind: 'do', clauses: [{ kind: 'linear', items: ['j'], args: ['1.5d0'] }] }],
];

describe('parseDirective (C)', () => {
  test.each(C_CASES)('%s', (input, expected) => {
    const r = parse('c', input);
    expect(r.diagnostics).toBe('');
    expect(dumpDirective(r.directive)).toEqual(expected);
  });
});

describe('parseDirective (Fortran)', () => {
  test.each(FORTRAN_CASES)('%s', (input, expected) => {
    const r = parse('fortran', input);
    expect(r.diagnostics).toBe('');
    expect(dumpDirective(r.directive)).toEqual(expected);
  });
});

describe('spans are file offsets', () => {
  test('every span of a one-line C directive covers the text it stands for', () => {
    const r = parse('c', 'parallel for private(i) reduction(+: a[0:n]) schedule(static, (n+1)/2)');
    const file = r.site.file.text;
    const d = r.directive!;
    expect(file.slice(d.nameSpan.start, d.nameSpan.end)).toBe('parallel for');
    const [priv, red, sched] = d.clauses;
    expect(file.slice(priv!.span.start, priv!.span.end)).toBe('private(i)');
    expect(file.slice(red!.nameSpan.start, red!.nameSpan.end)).toBe('reduction');
    expect(file.slice(red!.items![0]!.span.start, red!.items![0]!.span.end)).toBe('a[0:n]');
    expect(file.slice(red!.operator!.span.start, red!.operator!.span.end)).toBe('+');
    expect(file.slice(sched!.args![0]!.span.start, sched!.args![0]!.span.end)).toBe('(n+1)/2');
  });

  test('a clause on a Fortran continuation line maps to that line', () => {
    const r = parse('fortran', 'parallel do', 'private(i) shared(a)');
    const file = r.site.file;
    const shared = r.directive!.clauses[1]!;
    expect(file.text.slice(shared.span.start, shared.span.end)).toBe('shared(a)');
    expect(file.text.slice(0, shared.span.start).split('\n').length).toBe(2);
  });

  test('an expression split over two lines keeps its file span from first to last character', () => {
    const r = parse('c', 'parallel num_threads(a +', 'b)');
    const arg = r.directive!.clauses[0]!.args![0]!;
    expect(arg.text).toBe('a + b');
    expect(r.site.file.text.slice(arg.span.start, arg.span.end)).toBe('a + \\\n    b');
  });
});
