// workshare: a block of whole-array assignments whose right-hand sides are elemental (whole arrays
// of the same rank, scalars, elemental intrinsics) is divided among the CPEs along the last dimension,
// statement by statement with a barrier after each (the next statement may read what this one wrote).
// Any other block (WHERE, FORALL, sections, reductions like SUM) runs on one CPE, which is also a
// conforming division into units of work.
import { tokenize, type FortranStatement } from '../../frontend/fortran/index.js';
import { classifyName } from '../../analysis/fortran/variables.js';
import { lineEndOf, lineStartOf, type FRegion } from '../../analysis/fortran/regions.js';
import type { BodyContext } from './lower-directives.js';
import { BARRIER, N } from './names.js';

const ELEMENTAL = new Set(['abs', 'sqrt', 'exp', 'log', 'log10', 'sin', 'cos', 'tan', 'asin', 'acos', 'atan', 'atan2', 'sinh', 'cosh', 'tanh',
  'max', 'min', 'mod', 'modulo', 'sign', 'merge', 'real', 'dble', 'int', 'nint', 'floor', 'ceiling', 'aimag', 'conjg', 'cmplx', 'dim', 'iand', 'ior', 'ieor']);

/** The statement rewritten to assign only this CPE's slab, or undefined when it is not a simple elemental assignment. */
function slabAssignment(s: FortranStatement, ctx: BodyContext): string[] | undefined {
  if (s.kind !== 'assignment' || s.detail.kind !== 'assignment' || s.label) return undefined;
  const target = s.detail.targetName.toLowerCase();
  if (s.detail.target.trim().toLowerCase() !== target) return undefined;
  const lhs = classifyName(ctx.tree, ctx.unit, target, false);
  const rank = lhs?.entity.dims?.length ?? 0;
  if (!lhs || rank === 0) return undefined;
  const eq = s.text.indexOf('=');
  if (eq < 0) return undefined;
  const toks = tokenize(s.text, eq + 1, s.text.length);
  const slab = (name: string) => `${name}(${':, '.repeat(rank - 1)}lbound(${name}, ${rank}) + ${N.lo}:lbound(${name}, ${rank}) + ${N.hi} - 1)`;
  let rhs = '';
  let at = eq + 1;
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    if (t.kind !== 'name') continue;
    const next = toks[i + 1];
    const applied = next?.kind === 'punct' && next.text === '(';
    if (next?.kind === 'punct' && next.text === '=') continue; // keyword argument
    const v = classifyName(ctx.tree, ctx.unit, t.text.toLowerCase(), applied);
    if (applied) {
      if (v && v.entity.dims?.length) return undefined; // an element or a section: shape unknown here
      if (!v && !ELEMENTAL.has(t.text.toLowerCase())) return undefined;
      continue;
    }
    if (!v) return undefined;
    const r = v.entity.dims?.length ?? 0;
    if (r === 0) continue;
    if (r !== rank) return undefined;
    rhs += s.text.slice(at, t.start) + slab(t.text);
    at = t.end;
  }
  rhs += s.text.slice(at);
  return [
    `${N.n} = size(${target}, ${rank})`,
    `${N.lo} = ${N.tid} * (${N.n} / ${N.nthr}) + min(int(${N.tid}, 8), mod(${N.n}, int(${N.nthr}, 8)))`,
    `${N.hi} = ${N.lo} + ${N.n} / ${N.nthr}`,
    `if (${N.tid} < mod(${N.n}, int(${N.nthr}, 8))) ${N.hi} = ${N.hi} + 1`,
    `if (${N.lo} < ${N.hi}) ${slab(target)} = ${rhs.trim()}`,
    ...BARRIER,
  ];
}

/** Edits for a workshare block when every statement can be divided; false when it cannot. */
export function lowerWorkshareSlabs(r: FRegion, ctx: BodyContext): boolean {
  const parts: { s: FortranStatement; stmts: string[] }[] = [];
  for (let i = r.firstStmt; i <= r.lastStmt && i < ctx.tree.statements.length; i++) {
    const s = ctx.tree.statements[i]!;
    if (s.kind === 'preprocessor') return false;
    const stmts = slabAssignment(s, ctx);
    if (!stmts) return false;
    parts.push({ s, stmts });
  }
  if (parts.length === 0) return false;
  ctx.edits.push({ kind: 'replace', start: r.lineStart, end: r.bodyStart, stmts: [] });
  for (const p of parts) ctx.edits.push({ kind: 'replace', start: lineStartOf(ctx.text, p.s.span.start), end: lineEndOf(ctx.text, p.s.span.end), stmts: p.stmts });
  if (r.endSite) {
    ctx.edits.push({ kind: 'replace', start: lineStartOf(ctx.text, r.endSite.span.start), end: lineEndOf(ctx.text, r.endSite.span.end - 1), stmts: [] });
  }
  // Every statement ends with a barrier, so NOWAIT changes nothing here.
  return true;
}
