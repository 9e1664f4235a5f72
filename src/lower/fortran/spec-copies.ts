// The specification statements a CPE routine repeats from the host procedure so that the region's
// text means the same there: USE (and `use <module>` for a module procedure's host), IMPLICIT, named
// constants, common blocks the region touches, and the types of external functions it calls.
import type { FortranTree, ProgramUnit } from '../../frontend/fortran/index.js';
import { resolveName } from '../../frontend/fortran/index.js';
import type { FKernelAnalysis } from '../../analysis/fortran/analyze-kernel.js';
import { declarationOf, dimsText } from '../../analysis/fortran/variables.js';
import type { FSpecItem } from './plan.js';
import { tpCpeParts } from './threadprivate.js';

/** Units from the outermost host to `unit`. */
export function chain(tree: FortranTree, unit: number): number[] {
  const out: number[] = [];
  for (let u: ProgramUnit | undefined = tree.units[unit]; u; u = u.parent !== undefined ? tree.units[u.parent] : undefined) out.unshift(u.index);
  return out;
}

/** `insideModule`: the CPE routine is placed in its module's copy (host association replaces `use`). */
export function specCopiesFor(tree: FortranTree, unit: number, insideModule = false): FSpecItem[] {
  const uses: FSpecItem[] = [];
  const implicits: FSpecItem[] = [];
  const params: FSpecItem[] = [];
  const units = chain(tree, unit);
  const whole = (i: number): FSpecItem => {
    const s = tree.statements[i]!;
    return { start: s.span.start, end: s.span.end };
  };
  for (const ui of units) {
    const u = tree.units[ui]!;
    if (u.kind === 'module') {
      if (!insideModule) uses.push({ stmt: `use ${u.name}` });
      continue;
    }
    const implicitHere: FSpecItem[] = [];
    const end = u.contains ?? u.last;
    for (let i = u.first + 1; i < end; i++) {
      const s = tree.statements[i]!;
      if (s.kind === 'use') uses.push(whole(i));
      else if (s.kind === 'implicit') implicitHere.push(whole(i));
      else if (s.kind === 'include') params.push(whole(i));
      else if (s.kind === 'declaration' && s.detail.kind === 'declaration' && s.detail.attributes.some((a) => a.toLowerCase() === 'parameter')) params.push(whole(i));
      else if (s.kind === 'parameter' && s.detail.kind === 'parameter') {
        for (const e of s.detail.entries) {
          const ent = u.scope.entities.find((x) => x.name === e.name);
          if (ent && !ent.implicitType && ent.type) params.push({ stmt: `${ent.type.text} ${e.name}` });
        }
        params.push(whole(i));
      }
    }
    if (implicitHere.length > 0) implicits.splice(0, implicits.length, ...implicitHere);
  }
  return [...uses, ...implicits, ...params];
}

/** Member declarations and COMMON statements of the blocks a kernel uses. */
export function commonDecls(tree: FortranTree, k: FKernelAnalysis, tpBlocks: readonly string[] = []): string[] {
  const out: string[] = [];
  for (const name of k.commons) {
    for (const ui of chain(tree, k.unit).reverse()) {
      const u = tree.units[ui]!;
      const blocks = u.scope.commons.filter((c) => c.name === name);
      if (blocks.length === 0) continue;
      if (tpBlocks.includes(name)) {
        out.push(...tpCpeParts(u, name, true).decls);
        break;
      }
      const members = blocks.flatMap((b) => b.members);
      for (const m of members) {
        const e = u.scope.entities.find((x) => x.name === m);
        if (e) out.push(declarationOf(e.type, e, m, dimsText(e.dims)));
      }
      out.push(`common /${name}/ ${members.join(', ')}`);
      break;
    }
  }
  return out;
}

/** `real(8), external :: f` for typed external functions the region calls. */
export function externalFunctionDecls(tree: FortranTree, k: FKernelAnalysis): string[] {
  const out: string[] = [];
  for (const c of k.calls) {
    const r = resolveName(tree, k.unit, c);
    if (!r || r.via === 'use' || tree.units[r.unit]?.kind === 'module') continue;
    if (r.entity.type && !r.entity.implicitType && r.entity.procedure && !r.entity.dims?.length) out.push(`${r.entity.type.text}, external :: ${c}`);
  }
  return out;
}
