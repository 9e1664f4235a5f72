// What a Fortran directive means for lowering, seen through O2ATH's offload model (MPE and CPEs
// share memory, so `target` only marks where the CPEs start and `map` never copies): combined and
// composite spellings reduce to the few shapes the lowering knows. `simd` adds nothing on a CPE.
export type LoweringKind = 'parallel' | 'parallel do' | 'parallel sections' | 'container' | 'do' | 'noop' | string;

export function loweringKind(kind: string): LoweringKind {
  const w = kind.split(' ').filter((x) => x !== 'simd');
  if (w.length === 0) return 'noop';
  if (w.includes('parallel') || w.includes('teams')) {
    if (w.includes('workshare')) return 'parallel workshare';
    if (w.includes('do') || w.includes('distribute') || w.includes('loop')) return 'parallel do';
    if (w.includes('sections')) return 'parallel sections';
    return 'parallel';
  }
  if (w[0] === 'target' && (w.length === 1 || (w.length === 2 && w[1] === 'data'))) return 'container';
  if (w.every((x) => x === 'distribute' || x === 'do' || x === 'loop')) return 'do';
  return w.join(' ');
}
