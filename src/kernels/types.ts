// Plain-data types shared by the kernel catalog, the planner, the renderer and the test runner.

export type Dtype = 'f32' | 'f64';
export type Target = 'sw26010pro' | 'sw26010';

/** One tunable or structural parameter a kernel exposes (shown by `o2ath kernels list`). */
export interface KernelParam {
  readonly name: string;
  readonly doc: string;
}

/** Hardware facts the planner needs, per target (athread-api.md section 1). */
export interface TargetInfo {
  readonly name: Target;
  /** Usable LDM per CPE in bytes: the hard size minus room for stack and runtime variables. */
  readonly ldmBudget: number;
  readonly ldmBytes: number;
  readonly cpes: number;
  readonly clockHz: number;
  /** Peak flop per cycle per CPE (FMA counted as 2) for this dtype. */
  readonly flopPerCycle: Readonly<Record<Dtype, number>>;
  /** Main-memory DMA bandwidth of one core group in bytes/s. */
  readonly dmaBytesPerSec: number;
}

/** Everything a template needs to render one kernel; computed in TS, formatted by templates. */
export interface KernelPlan {
  readonly kernel: string;
  readonly dtype: Dtype;
  readonly target: Target;
  /** C scalar type name, e.g. `float`. */
  readonly T: string;
  /** Suffix of C math functions for T: `f` for float, empty for double. */
  readonly mf: string;
  /** Suffix of generated C names: `f32` or `f64`. */
  readonly dt: string;
  readonly esize: number;
  readonly isPro: boolean;
  readonly isF32: boolean;
  /** Kernel-specific tile sizes and budgets (numbers only), checked against the LDM budget. */
  readonly tile: Readonly<Record<string, number>>;
  /** Unit of the test tolerances for this dtype (ml-kernels.md uses 1e-5 for fp32 GEMM). */
  readonly tolUnit: number;
  readonly ldmBytes: number;
  readonly ldmBudget: number;
}

export interface KernelSpec {
  /** Catalog name used on the command line, e.g. `gemm`. */
  readonly name: string;
  /** K1..K14 from ml-kernels.md section 11. */
  readonly id: string;
  /** C entry points the host API header declares (without dtype suffix where one is added). */
  readonly entryPoints: readonly string[];
  readonly methods: readonly string[];
  readonly params: readonly KernelParam[];
  readonly dtypes: readonly Dtype[];
  /** True when results must be bit-identical across runs and CPE counts. */
  readonly deterministic: boolean;
  /** Default tile sizes per dtype; `--tile k=v,...` overrides them before planning. */
  readonly defaultTile: (dtype: Dtype, target: Target) => Readonly<Record<string, number>>;
  /** Tile entries that are 0/1 switches rather than sizes (e.g. GEMM's mesh sharing). */
  readonly tileFlags?: readonly string[];
  /** LDM bytes per CPE used by the CPE code for a given tile (the planner checks it against the budget). */
  readonly ldmBytes: (tile: Readonly<Record<string, number>>, esize: number) => number;
  /** Other catalog kernels whose host and CPE code this one calls (MoE calls GEMM and softmax). */
  readonly deps: readonly string[];
}
