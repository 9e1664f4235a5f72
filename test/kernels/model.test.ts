// The SW26010-Pro model and the GEMM traffic formulas used by `o2ath kernels bench`.
import { describe, expect, it } from 'vitest';
import { model, peakFlops } from '../../src/kernels/model.js';
import { targetInfo } from '../../src/kernels/target.js';
import { benchModel } from '../../src/kernels/bench-models.js';

describe('performance model', () => {
  const pro = targetInfo('sw26010pro');
  it('peak is 64 CPEs x 2.25 GHz x 16 flop/cycle = 2304 GFLOP/s per core group', () => {
    expect(peakFlops(pro, 'f32')).toBeCloseTo(2.304e12, -6);
  });
  it('takes the slower of compute and DMA', () => {
    const m = model(pro, { flops: 2.304e12, dmaBytes: 102.4e9, imbalance: 1, dtype: 'f32' });
    expect(m.tComputeS).toBeCloseTo(1, 9);
    expect(m.tDmaS).toBeCloseTo(2, 9);
    expect(m.bound).toBe('dma');
    expect(m.fractionOfPeak).toBeCloseTo(0.5, 9);
  });
  it('GEMM n=1024 fp32, 128x128 sub-tiles on the mesh: minimum traffic A + B + C, compute bound', () => {
    const g = benchModel('gemm');
    const d = { M: 1024, N: 1024, K: 1024, batch: 1, beta: 0 };
    const t = { mb: 128, nb: 128, kb: 32, mesh: 1 };
    expect(g.minBytes(d, t, 4)).toBe(3 * 4 * 1024 * 1024);
    expect(g.imbalance(d, t, 64)).toBe(1);
    // Private 128x128 tiles (no mesh sharing) would move 8x the A and B traffic.
    expect(g.minBytes(d, { ...t, mesh: 0 }, 4)).toBe(4 * (2 * 8 * 1024 * 1024 + 1024 * 1024));
  });
});
