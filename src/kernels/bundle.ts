// The set of C files one kernel needs (its own plus those of the kernels it calls), written to a
// directory, with the host/CPE source lists the build uses.
import fs from 'node:fs';
import path from 'node:path';
import type { KernelPlan, KernelSpec } from './types.js';
import { findKernel } from './catalog.js';
import { planKernel, type PlanOptions } from './plan.js';
import { kernelFileName, renderCommonFiles, renderKernelFile, type KernelFileRole, type RenderedFile } from './render.js';

export interface Bundle {
  readonly plan: KernelPlan;
  readonly files: readonly RenderedFile[];
  readonly hostSources: readonly string[];
  readonly slaveSources: readonly string[];
}

/** Dependencies first, each once, the kernel itself last. */
function closure(spec: KernelSpec, seen = new Set<string>()): KernelSpec[] {
  const out: KernelSpec[] = [];
  for (const dep of spec.deps) {
    if (seen.has(dep)) continue;
    const d = findKernel(dep);
    if (!d) throw new Error(`catalog: '${spec.name}' depends on unknown kernel '${dep}'`);
    out.push(...closure(d, seen));
  }
  if (!seen.has(spec.name)) {
    seen.add(spec.name);
    out.push(spec);
  }
  return out;
}

export function makeBundle(spec: KernelSpec, opts: PlanOptions, roles: readonly KernelFileRole[]): Bundle {
  const plan = planKernel(spec, opts);
  const files: RenderedFile[] = [...renderCommonFiles(plan)];
  const hostSources = ['swk_common.host.c'];
  const slaveSources: string[] = [];
  for (const k of closure(spec)) {
    // Dependencies are planned with their own default tiles but the caller's dtype and target.
    const p = k === spec ? plan : planKernel(k, { dtype: plan.dtype, target: plan.target });
    const own = k === spec ? roles : (['header', 'host', 'slave'] as const);
    for (const role of own) files.push(renderKernelFile(p, role));
    hostSources.push(kernelFileName(k.name, 'host'));
    if (own.includes('ref')) hostSources.push(kernelFileName(k.name, 'ref'));
    slaveSources.push(kernelFileName(k.name, 'slave'));
  }
  return { plan, files, hostSources, slaveSources };
}

export function writeBundle(dir: string, b: Bundle): void {
  fs.mkdirSync(dir, { recursive: true });
  for (const f of b.files) fs.writeFileSync(path.join(dir, f.name), f.text);
}
