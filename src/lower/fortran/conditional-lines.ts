// `!$ ` / `c$ ` conditional-compilation lines are code in an OpenMP build, and the translation is
// one: their sentinels become two blanks (same length, so every offset of the plan stays valid;
// fixed-form columns are kept).
import type { FortranTree } from '../../frontend/fortran/index.js';
import { lineStartOf } from '../../analysis/fortran/regions.js';

const FREE = /^([ \t]*)!\$(?=[ \t&]|$)/;
const FIXED = /^()[cC*!]\$(?=[ \t0-9&]|$)/;

export function activateConditionalLines(tree: FortranTree, text: string): string {
  const chars = text.split('');
  const re = tree.form === 'fixed' ? FIXED : FREE;
  for (const s of tree.statements) {
    if (!s.conditional) continue;
    let at = lineStartOf(text, s.span.start);
    while (at <= s.span.end && at < text.length) {
      const nl = text.indexOf('\n', at);
      const line = text.slice(at, nl < 0 ? text.length : nl);
      const m = re.exec(line);
      if (m) {
        const p = at + m[1]!.length;
        chars[p] = ' ';
        chars[p + 1] = ' ';
      }
      if (nl < 0) break;
      at = nl + 1;
    }
  }
  return chars.join('');
}
