// The catalog, the planner's LDM checks and the template set: every kernel of ml-kernels.md §11 is
// present once, every default tile fits its target's LDM budget, every template renders in strict mode.
import { describe, expect, it } from 'vitest';
import { KERNELS, findKernel } from '../../src/kernels/catalog.js';
import { PlanError, parseTileOption, planKernel } from '../../src/kernels/plan.js';
import { renderCommonFiles, renderKernelFile, type KernelFileRole } from '../../src/kernels/render.js';
import type { Target } from '../../src/kernels/types.js';

const ROLES: readonly KernelFileRole[] = ['header', 'host', 'slave', 'ref', 'test'];

describe('kernel catalog', () => {
  it('holds K1..K14 once each', () => {
    expect(KERNELS.map((k) => k.id)).toEqual(Array.from({ length: 14 }, (_, i) => `K${i + 1}`));
    expect(new Set(KERNELS.map((k) => k.name)).size).toBe(14);
    expect(findKernel('K1')?.name).toBe('gemm');
    expect(findKernel('nope')).toBeUndefined();
  });

  it('serves every method of ml-kernels.md', () => {
    const methods = new Set(KERNELS.flatMap((k) => k.methods));
    expect(methods.size).toBe(10);
  });

  for (const k of KERNELS)
    for (const dt of k.dtypes)
      for (const target of ['sw26010pro', 'sw26010'] as Target[]) {
        it(`${k.name} ${dt} ${target}: default tile within the LDM budget, templates render`, () => {
          const plan = planKernel(k, { dtype: dt, target });
          expect(plan.ldmBytes).toBeLessThanOrEqual(plan.ldmBudget);
          for (const role of ROLES) expect(renderKernelFile(plan, role).text.length).toBeGreaterThan(100);
          for (const f of renderCommonFiles(plan)) expect(f.text).not.toContain('{{');
          const slave = renderKernelFile(plan, 'slave').text;
          expect(slave).toContain(target === 'sw26010pro' ? 'athread_dma_iget' : 'athread_get(PE_MODE');
        });
      }
});

describe('planner', () => {
  const gemm = findKernel('gemm')!;
  it('rejects a tile over the LDM budget with the numbers', () => {
    expect(() => planKernel(gemm, { tile: { mb: 256, nb: 256 } })).toThrow(/needs \d+ bytes of LDM per CPE; the sw26010pro budget is 204800/);
  });
  it('rejects unknown tile names and dtypes', () => {
    expect(() => planKernel(gemm, { tile: { zz: 1 } })).toThrow(/no tile parameter 'zz'/);
    expect(() => planKernel(gemm, { tile: { mesh: 2 } })).toThrow(/'mesh' must be 0 or 1/);
    expect(planKernel(gemm, { tile: { mesh: 0 } }).tile['mesh']).toBe(0);
    expect(() => planKernel(findKernel('topk')!, { dtype: 'f64' })).toThrow(/no f64 variant/);
  });
  it('parses --tile', () => {
    expect(parseTileOption('mb=64,nb=32')).toEqual({ mb: 64, nb: 32 });
    expect(() => parseTileOption('mb=x')).toThrow(PlanError);
  });
});
