// The output comparison used by the differential-execution harness and scripts/check-oracles.mjs.
import { describe, expect, it } from 'vitest';
import { compareOutputs, parseMeta } from './compare.mjs';

describe('compareOutputs', () => {
  it('accepts identical outputs and a missing final newline', () => {
    expect(compareOutputs('a 1\nchecksum 2\n', 'a 1\nchecksum 2').ok).toBe(true);
  });

  it('is exact by default', () => {
    const r = compareOutputs('sum 1.0000000000e+00\n', 'sum 1.0000000001e+00\n');
    expect(r.ok).toBe(false);
    expect(r.problems[0]).toContain('line 1');
  });

  it('compares floating-point fields within the relative tolerance', () => {
    expect(compareOutputs('r 1.0000000000e+00 x=2.5,\n', 'r 1.0000000001e+00 x=2.5,\n', { tolerance: 1e-9 }).ok).toBe(true);
    expect(compareOutputs('r 1.0e+00\n', 'r 1.1e+00\n', { tolerance: 1e-9 }).ok).toBe(false);
    expect(compareOutputs('r 1e-20\n', 'r 3e-20\n', { tolerance: 1e-9, absTolerance: 1e-18 }).ok).toBe(true);
  });

  it('compares integers exactly whatever the tolerance', () => {
    const r = compareOutputs('count 1000000000001\n', 'count 1000000000002\n', { tolerance: 1e-6 });
    expect(r.ok).toBe(false);
    expect(r.problems[0]).toContain('integer');
  });

  it('reports changed words, field counts, spacing and line counts', () => {
    expect(compareOutputs('status ok\n', 'status FAIL\n').ok).toBe(false);
    expect(compareOutputs('a b\n', 'a b c\n').problems[0]).toContain('number of fields');
    expect(compareOutputs('a  b\n', 'a b\n').problems[0]).toContain('spacing');
    expect(compareOutputs('a\nb\n', 'a\n').problems[0]).toContain('line count');
  });

  it('reports a number that changed width as a number, not as spacing', () => {
    const r = compareOutputs('delta   94\n', 'delta  188\n');
    expect(r.problems[0]).toContain('94 != 188');
  });
});

describe('parseMeta', () => {
  it('defaults to exact comparison', () => {
    expect(parseMeta(undefined)).toMatchObject({ tolerance: 0, absTolerance: 0, args: [] });
  });
  it('reads the known keys and rejects unknown ones', () => {
    expect(parseMeta({ tolerance: 1e-9, args: ['3'], timeout_ms: 500 })).toMatchObject({ tolerance: 1e-9, args: ['3'], timeoutMs: 500 });
    expect(() => parseMeta({ tolerence: 1 })).toThrow(/unknown key/);
    expect(() => parseMeta({ tolerance: -1 })).toThrow(/non-negative/);
  });
});

describe('parseMeta repeat', () => {
  it('accepts a repeat count and rejects nonsense', () => {
    expect(parseMeta({ repeat: 10 }).repeat).toBe(10);
    expect(parseMeta({}).repeat).toBe(1);
    expect(() => parseMeta({ repeat: 0 })).toThrow(/repeat/);
    expect(() => parseMeta({ repeat: 2.5 })).toThrow(/repeat/);
  });
});
