// The SW26010-Pro performance model used by `o2ath kernels bench` (roofline style):
//   peak    = CPEs x clock x flop/cycle/CPE        (64 x 2.25 GHz x 16 = 2304 GFLOP/s per core group)
//   t_comp  = flops / peak x imbalance             (imbalance = busiest CPE's work / average work)
//   t_dma   = DMA bytes (main memory <-> LDM, as counted by the kernels) / 51.2 GB/s per core group
//   t       = max(t_comp, t_dma)                   (DMA fully overlapped with compute: double buffering)
// RMA traffic between CPEs, DMA latency and instruction overheads are not modelled.
import type { Dtype, TargetInfo } from './types.js';

export interface ModelInput {
  readonly flops: number;
  readonly dmaBytes: number;
  readonly imbalance: number;
  readonly dtype: Dtype;
}

export interface ModelResult {
  readonly peakGflops: number;
  readonly tComputeS: number;
  readonly tDmaS: number;
  readonly tS: number;
  readonly gflops: number;
  readonly fractionOfPeak: number;
  readonly bound: 'compute' | 'dma';
}

export function peakFlops(t: TargetInfo, dtype: Dtype): number {
  return t.cpes * t.clockHz * t.flopPerCycle[dtype];
}

export function model(t: TargetInfo, m: ModelInput): ModelResult {
  const peak = peakFlops(t, m.dtype);
  const tComputeS = (m.flops / peak) * Math.max(1, m.imbalance);
  const tDmaS = m.dmaBytes / t.dmaBytesPerSec;
  const tS = Math.max(tComputeS, tDmaS);
  const gflops = tS > 0 ? m.flops / tS / 1e9 : 0;
  return {
    peakGflops: peak / 1e9,
    tComputeS,
    tDmaS,
    tS,
    gflops,
    fractionOfPeak: gflops / (peak / 1e9),
    bound: tComputeS >= tDmaS ? 'compute' : 'dma',
  };
}
