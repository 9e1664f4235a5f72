// `o2ath kernels bench gemm`: K1 at n = 1024 (fp32) moves at most 1.5x the minimum DMA traffic for its
// LDM tile and models at least 80% of a core group's peak (issue 6, done-when).
import { describe, expect, it } from 'vitest';
import { runKernelsCli } from './helpers.js';
import type { BenchRow } from '../../src/kernels/bench.js';

describe('o2ath kernels bench gemm', () => {
  it('n = 1024 fp32: <= 1.5x minimum DMA, >= 80% of modelled peak', async () => {
    const r = await runKernelsCli(['bench', 'gemm', '--dtype', 'f32', '--json']);
    expect(r.exitCode).toBe(0);
    const rows = JSON.parse(r.out) as BenchRow[];
    const row = rows.find((x) => x.dtype === 'f32' && x.case === 'n1024' && x.tile['mesh'] === 1);
    expect(row).toBeDefined();
    expect(row!.dmaBytes).toBeGreaterThan(0);
    expect(row!.ratio).toBeLessThanOrEqual(1.5);
    expect(row!.model!.fractionOfPeak).toBeGreaterThanOrEqual(0.8);
    // The private-tile variant shows what the mesh broadcasts buy: 8x the A and B traffic, DMA-bound.
    const priv = rows.find((x) => x.dtype === 'f32' && x.case === 'n1024' && x.tile['mesh'] === 0);
    expect(priv!.dmaBytes).toBeGreaterThan(5 * row!.dmaBytes);
  });
});
