// Machine model per target. Numbers from shared/reference/athread-api.md section 1; see model.ts for how
// they turn into modelled times.
import type { Target, TargetInfo } from './types.js';

export const TARGETS: Readonly<Record<Target, TargetInfo>> = {
  sw26010pro: {
    name: 'sw26010pro',
    ldmBytes: 256 * 1024,
    // ml-kernels.md section 12.2: keep the static arena at or under about 200 KB, the rest is stack.
    ldmBudget: 200 * 1024,
    cpes: 64,
    clockHz: 2.25e9,
    // 512-bit SIMD: doublev8 with FMA = 16 flop/cycle (13.8 TF/chip = 384 x 2.25 GHz x 16). The Pro's fp32
    // vector type is floatv8 (8 lanes), so fp32 peak is taken equal to fp64 peak, not double it.
    flopPerCycle: { f32: 16, f64: 16 },
    dmaBytesPerSec: 51.2e9,
  },
  sw26010: {
    name: 'sw26010',
    ldmBytes: 64 * 1024,
    ldmBudget: 56 * 1024,
    cpes: 64,
    clockHz: 1.45e9,
    // 256-bit SIMD (floatv4/doublev4) with FMA: 8 flop/cycle per CPE.
    flopPerCycle: { f32: 8, f64: 8 },
    // Theoretical 34 GB/s per CG (measured CPE-cluster DMA is often quoted at 22-28 GB/s); theoretical is
    // used for both targets so the two models are comparable.
    dmaBytesPerSec: 34e9,
  },
};

export function targetInfo(t: Target): TargetInfo {
  return TARGETS[t];
}
