// Turns a catalog entry plus user options into a KernelPlan: picks the tile (user override or the
// kernel's default), computes the LDM bytes the CPE code will allocate and refuses plans over budget.
import type { Dtype, KernelPlan, KernelSpec, Target } from './types.js';
import { targetInfo } from './target.js';

export interface PlanOptions {
  readonly dtype?: Dtype;
  readonly target?: Target;
  /** `--tile mb=64,nb=64` style overrides. */
  readonly tile?: Readonly<Record<string, number>>;
}

export class PlanError extends Error {}

export function parseTileOption(text: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const part of text.split(',').filter((p) => p.length > 0)) {
    const m = /^([a-z_]+)=(\d+)$/.exec(part.trim());
    if (!m) throw new PlanError(`bad --tile entry '${part}': expected NAME=INTEGER`);
    out[m[1]!] = Number(m[2]);
  }
  return out;
}

export function planKernel(spec: KernelSpec, opts: PlanOptions = {}): KernelPlan {
  const dtype = opts.dtype ?? 'f32';
  if (!spec.dtypes.includes(dtype)) {
    throw new PlanError(`kernel '${spec.name}' has no ${dtype} variant (supported: ${spec.dtypes.join(', ')})`);
  }
  const target = opts.target ?? 'sw26010pro';
  const info = targetInfo(target);
  const tile: Record<string, number> = { ...spec.defaultTile(dtype, target) };
  for (const [k, v] of Object.entries(opts.tile ?? {})) {
    if (!(k in tile)) throw new PlanError(`kernel '${spec.name}' has no tile parameter '${k}' (has: ${Object.keys(tile).join(', ') || 'none'})`);
    const isFlag = spec.tileFlags?.includes(k) ?? false;
    if (isFlag ? v !== 0 && v !== 1 : !(v > 0)) throw new PlanError(`tile parameter '${k}' must be ${isFlag ? '0 or 1' : 'positive'}`);
    tile[k] = v;
  }
  const esize = dtype === 'f32' ? 4 : 8;
  const ldmBytes = spec.ldmBytes(tile, esize);
  if (ldmBytes > info.ldmBudget) {
    throw new PlanError(
      `kernel '${spec.name}' ${dtype} tile ${JSON.stringify(tile)} needs ${ldmBytes} bytes of LDM per CPE; ` +
        `the ${target} budget is ${info.ldmBudget} bytes (${info.ldmBytes} minus stack room)`,
    );
  }
  return {
    kernel: spec.name,
    dtype,
    target,
    T: dtype === 'f32' ? 'float' : 'double',
    mf: dtype === 'f32' ? 'f' : '',
    dt: dtype,
    esize,
    isPro: target === 'sw26010pro',
    isF32: dtype === 'f32',
    tile,
    tolUnit: dtype === 'f32' ? 1e-5 : 1e-13,
    ldmBytes,
    ldmBudget: info.ldmBudget,
  };
}
