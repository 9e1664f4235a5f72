// Every construct the table rejects gives exactly one error, named by the table, at the directive's
// name, and no other diagnostic: generated from the table, so a newly rejected construct is covered.
import { describe, expect, it } from 'vitest';
import { directiveTable } from '../../src/openmp/index.js';
import { run } from './site.js';

// Minimal valid spellings for rejected directives that need an argument or a clause.
const SPELLING: Record<string, string> = {
  depobj: 'depobj(o) depend(in: x)',
  scan: 'scan inclusive(x)',
  cancel: 'cancel parallel',
  'cancellation point': 'cancellation point parallel',
  interop: 'interop init(obj)',
  'declare reduction': 'declare reduction(plus: int: omp_out += omp_in)',
  'declare mapper': 'declare mapper(struct s v) map(v)',
  'declare variant': 'declare variant(f) match(construct={parallel})',
  'begin declare variant': 'begin declare variant match(construct={parallel})',
  allocate: 'allocate(x)',
  allocators: 'allocators allocate(x)',
  error: 'error',
  metadirective: 'metadirective otherwise(nothing)',
  'begin metadirective': 'begin metadirective otherwise(nothing)',
  taskwait: 'taskwait',
  tile: 'tile sizes(4)',
  unroll: 'unroll',
};

const rejected = directiveTable.filter((d) => d.support.status === 'rejected' && !d.endOf);

describe('rejected constructs', () => {
  it('covers every rejected directive of the table', () => {
    expect(rejected.length).toBeGreaterThan(20);
  });
  for (const d of rejected) {
    const language = d.c ? 'c' : 'fortran';
    const name = (d.c ?? d.fortran)!;
    it(`${language}: ${name} -> ${d.support.unsupported}`, () => {
      const text = SPELLING[name] ?? name;
      const r = run(language, text);
      const errors = r.bag.items.filter((x) => x.severity !== 'note');
      expect(errors.map((x) => `${x.severity} ${x.name}`), r.text).toEqual([`error ${d.support.unsupported}`]);
      // The caret is on the directive name (after '#pragma omp ' / '!$omp ').
      expect(errors[0]!.span!.start).toBe(language === 'c' ? '#pragma omp '.length : '!$omp '.length);
    });
  }
});
