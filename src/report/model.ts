// The performance model behind `o2ath report`: every parameter in one table, with where it comes
// from. The emulator measures what the program does (spawns, DMA bytes, wall time of each kernel on
// the host); the model turns that into an estimate for one core group of the real machine.
import type { Target } from '../translate.js';

export interface ModelParameters {
  /** Main-memory bandwidth of one core group's DMA engine, bytes/s. */
  readonly dmaBytesPerSecond: number;
  /** Cost of one athread_spawn + athread_join on the hardware, seconds. */
  readonly spawnSeconds: number;
  /** CPE clock, Hz; CPEs per core group. */
  readonly cpeHz: number;
  readonly cpes: number;
  /** Host seconds of emulated compute per second on the CPE cluster (1 = take the host's time as is). */
  readonly computeScale: number;
  readonly sources: readonly string[];
}

export const MODEL: Record<Target, ModelParameters> = {
  sw26010pro: {
    dmaBytesPerSecond: 51.2e9,
    spawnSeconds: 10e-6,
    cpeHz: 2.25e9,
    cpes: 64,
    computeScale: 1,
    sources: [
      'DMA 51.2 GB/s per core group: DDR4-3200, 128-bit, one controller per core group (reference/athread-api.md 1.2)',
      'CPE clock 2.25 GHz, 64 CPEs per core group (reference/athread-api.md 1.2)',
      'spawn + join 10 us: an assumption (no public measurement); change it with --spawn-us',
      'compute: the emulated kernels\' host wall time, scaled by --compute-scale (default 1)',
    ],
  },
  sw26010: {
    dmaBytesPerSecond: 28e9,
    spawnSeconds: 10e-6,
    cpeHz: 1.45e9,
    cpes: 64,
    computeScale: 1,
    sources: [
      'DMA 28 GB/s per core group: the measured figures usually quoted (22-28 GB/s; 34 GB/s theoretical) (reference/athread-api.md 1.1)',
      'CPE clock 1.45 GHz, 64 CPEs per core group (reference/athread-api.md 1.1)',
      'spawn + join 10 us: an assumption (no public measurement); change it with --spawn-us',
      'compute: the emulated kernels\' host wall time, scaled by --compute-scale (default 1)',
    ],
  },
};

export interface KernelStats {
  readonly name: string;
  readonly spawns: number;
  readonly seconds: number;
}

export interface ModelledKernel extends KernelStats {
  readonly modelSeconds: number;
}

/** Per kernel: spawn costs plus the larger of its share of the DMA time and its compute time. */
export function modelKernels(kernels: readonly KernelStats[], dmaBytes: number, p: ModelParameters): { kernels: ModelledKernel[]; dmaSeconds: number; total: number } {
  const dmaSeconds = dmaBytes / p.dmaBytesPerSecond;
  const compute = kernels.reduce((s, k) => s + k.seconds, 0) || 1;
  const out = kernels.map((k) => {
    const share = dmaSeconds * (k.seconds / compute);
    return { ...k, modelSeconds: k.spawns * p.spawnSeconds + Math.max(share, k.seconds * p.computeScale) };
  });
  return { kernels: out, dmaSeconds, total: out.reduce((s, k) => s + k.modelSeconds, 0) };
}
