// The vocabulary table is consistent with itself and with the message catalog, and the query API
// answers what later phases ask.
import { describe, expect, test } from 'vitest';
import * as ompMessages from '../../src/core/messages/omp.js';
import * as unsupportedMessages from '../../src/core/messages/unsupported.js';
import { unsupportedDirectiveNames } from '../../src/core/messages/unsupported.js';
import {
  associationOf, clauseSpec, clauseTable, directiveEntries, directiveTable, endDirectiveFor, fortranEndOf, getDirectiveSpec,
  isEndDirective, isLoopDirective, openerOf, otherSpelling,
} from '../../src/openmp/spec.js';

const clauseNames = new Set(clauseTable.map((c) => c.name));

describe('directive table', () => {
  test.each(directiveTable.map((d) => [d.c ?? d.fortran!, d] as const))('%s', (_name, d) => {
    expect(d.c ?? d.fortran).toBeTruthy();
    for (const c of d.clauses) expect(clauseNames, `clause '${c}'`).toContain(c);
    for (const c of d.endClauses ?? []) expect(d.clauses).toContain(c);
    for (const group of [...(d.required ?? []), ...(d.exclusive ?? [])]) for (const c of group) expect(d.clauses).toContain(c);
    for (const c of d.standaloneWith ?? []) expect(d.clauses).toContain(c);
    expect(new Set(d.clauses).size).toBe(d.clauses.length);
    expect(d.support.how.length).toBeGreaterThan(0);
    expect(d.support.how).not.toContain('\n');
    if (d.support.status === 'rejected') expect(unsupportedDirectiveNames).toContain(d.support.unsupported);
    else expect(d.support.unsupported).toBeUndefined();
    if (!d.fortran) expect(d.fortranEnd).toBe('none');
    if (d.association === 'loop') expect(d.fortranEnd === 'optional' || !d.fortran).toBe(true);
    for (const leaf of d.leaves ?? []) expect(getDirectiveSpec(leaf, 'c') ?? getDirectiveSpec(leaf, 'fortran'), leaf).toBeDefined();
  });

  test('spellings are unique per language, lower case, single-spaced', () => {
    for (const language of ['c', 'fortran'] as const) {
      const kinds = directiveEntries.filter((e) => e.language === language).map((e) => e.kind);
      expect(new Set(kinds).size).toBe(kinds.length);
      for (const k of kinds) expect(k).toMatch(/^[a-z_]+( [a-z_]+)*$/);
    }
  });

  test('Fortran spellings stay unique with their blanks removed (`enddo`, `paralleldo`)', () => {
    const spaceless = directiveEntries.filter((e) => e.language === 'fortran').map((e) => e.kind.replace(/ /g, ''));
    expect(new Set(spaceless).size).toBe(spaceless.length);
  });

  test('Fortran spellings spell the worksharing loop `do`, C spellings `for`', () => {
    for (const d of directiveTable) {
      if (d.c) expect(d.c.split(' ')).not.toContain('do');
      if (d.fortran) expect(d.fortran.split(' ')).not.toContain('for');
    }
  });

  test('every clause is allowed on some directive', () => {
    const used = new Set(directiveTable.flatMap((d) => d.clauses));
    expect(clauseTable.map((c) => c.name).filter((n) => !used.has(n))).toEqual([]);
  });
});

describe('clause table', () => {
  test.each(clauseTable.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    expect(c.name).toMatch(/^[a-z_]+$/);
    if (c.support.status === 'rejected') expect(c.support.unsupported).toBe('unsupported-clause');
    if (c.sectionSupport?.status === 'rejected') expect(c.sectionSupport.unsupported).toBe('unsupported-array-section');
    for (const group of c.exclusiveModifiers ?? []) for (const m of group) expect(c.modifiers).toContain(m);
    for (const v of c.valuesWithoutChunk ?? []) expect(c.values).toContain(v);
    for (const v of Object.keys(c.valueSupport ?? {})) expect(c.values).toContain(v);
    for (const m of Object.keys(c.modifierSupport ?? {})) expect(c.modifiers).toContain(m);
    if (c.shape === 'keyword' || c.shape === 'schedule' || c.shape === 'keyword-pair' || c.shape === 'depend') expect(c.values?.length).toBeGreaterThan(0);
    if (c.shape === 'list' || c.shape === 'list-step' || c.shape === 'reduction') expect(c.items).toBeDefined();
    if (c.dataSharing) expect(['list', 'list-step', 'reduction']).toContain(c.shape);
  });

  test('names are unique', () => {
    expect(clauseNames.size).toBe(clauseTable.length);
  });
});

describe('message catalog', () => {
  test('every constructor has a stable, unique kebab-case name in its family', () => {
    const names = new Map<string, string>();
    for (const [family, mod] of [['omp', ompMessages], ['unsupported', unsupportedMessages]] as const) {
      for (const [key, fn] of Object.entries(mod)) {
        if (typeof fn !== 'function' || key === 'alternatives' || key === 'unsupportedDirective') continue;
        const m = (fn as (...a: unknown[]) => { name: string })('x', 'y', ['z']);
        expect(m.name).toMatch(/^[a-z]+(-[a-z]+)*$/);
        if (family === 'omp') expect(m.name.startsWith('omp-')).toBe(true);
        expect(names.get(m.name), `${m.name} declared twice`).toBeUndefined();
        names.set(m.name, key);
      }
    }
  });

  test('the table names only declared unsupported-* diagnostics', () => {
    for (const name of unsupportedDirectiveNames) expect(unsupportedMessages.unsupportedDirective(name, 'x').name).toBe(name);
  });
});

describe('query API', () => {
  test('loop association', () => {
    expect(isLoopDirective('parallel for')).toBe(true);
    expect(isLoopDirective('do', 'fortran')).toBe(true);
    expect(isLoopDirective('target teams distribute parallel do simd', 'fortran')).toBe(true);
    expect(isLoopDirective('parallel')).toBe(false);
    expect(isLoopDirective('end do', 'fortran')).toBe(false);
  });

  test('Fortran end pairing', () => {
    expect(endDirectiveFor('parallel do')).toBe('end parallel do');
    expect(endDirectiveFor('workshare')).toBe('end workshare');
    expect(endDirectiveFor('barrier')).toBeUndefined();
    expect(endDirectiveFor('begin declare target', 'c')).toBe('end declare target');
    expect(openerOf('end parallel do', 'fortran')).toBe('parallel do');
    expect(openerOf('end declare target', 'c')).toBe('begin declare target');
    expect(isEndDirective('end do', 'fortran')).toBe(true);
    expect(fortranEndOf('parallel')).toBe('required');
    expect(fortranEndOf('do')).toBe('optional');
    expect(fortranEndOf('atomic')).toBe('optional');
    expect(fortranEndOf('section')).toBe('none');
    expect(getDirectiveSpec('end single', 'fortran')?.clauses).toEqual(['copyprivate', 'nowait']);
  });

  test('association of a written directive', () => {
    expect(associationOf('ordered', ['threads'], 'c')).toBe('block');
    expect(associationOf('ordered', ['doacross'], 'c')).toBe('none');
    expect(associationOf('ordered', ['depend'], 'fortran')).toBe('none');
    expect(associationOf('section', [], 'c')).toBe('separating');
    expect(associationOf('bogus', [])).toBeUndefined();
  });

  test('spellings across languages', () => {
    expect(otherSpelling('parallel for', 'c')).toBe('parallel do');
    expect(otherSpelling('do simd', 'fortran')).toBe('for simd');
    expect(otherSpelling('workshare', 'fortran')).toBeUndefined();
    expect(clauseSpec('do', 'c')).toBeUndefined();
    expect(clauseSpec('for', 'c')?.name).toBe('for');
    expect(clauseSpec('private')?.dataSharing).toBe(true);
  });

  test('the constructs of the walking skeleton are lowered', () => {
    for (const [kind, language] of [['parallel', 'c'], ['parallel for', 'c'], ['parallel do', 'fortran'], ['end parallel do', 'fortran'], ['barrier', 'c']] as const) {
      expect(getDirectiveSpec(kind, language)?.support.status, kind).toBe('lowered');
    }
  });
});
