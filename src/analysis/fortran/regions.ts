// Fortran region tree: each `!$omp X` paired with its `!$omp end X`, loop directives with the DO
// construct that follows them (their `!$omp end do` is optional), standalone directives as leaves.
// Everything is in statement indices and file offsets of whole lines, so that later phases can cut
// and copy the user's text without re-reading it.
import type { DiagnosticBag } from '../../core/diagnostic.js';
import type { DirectiveSite } from '../../frontend/directive-site.js';
import { constructStartingAt, statementAfter, type Construct, type FortranTree } from '../../frontend/fortran/index.js';
import type { OmpDirective } from '../../openmp/index.js';
import { getDirectiveSpec } from '../../openmp/index.js';
import * as fmsg from '../../core/messages/fortran-lower.js';
import { loweringKind } from './kinds.js';

export interface ParsedSite {
  readonly site: DirectiveSite;
  readonly directive: OmpDirective;
}

export interface FRegion {
  readonly site: DirectiveSite;
  readonly directive: OmpDirective;
  /** The lowering shape (kinds.ts): 'parallel do', 'do', 'barrier', ... (never an end form). */
  readonly kind: string;
  /** 'statement': atomic, whose `!$omp end atomic` is optional; it closes like a loop. */
  readonly association: 'loop' | 'block' | 'none' | 'statement';
  /** The `!$omp end X` directive, when written. */
  endSite?: DirectiveSite;
  endDirective?: OmpDirective;
  /** Loop directives: the DO construct. */
  loop?: Construct;
  /** Offsets of whole lines: from the start of the directive's first line ... */
  lineStart: number;
  /** ... to the end (after the newline) of the end directive, the loop's last line, or the directive. */
  lineEnd: number;
  /** The structured block: [bodyStart, bodyEnd) whole lines between the directive and its end. */
  bodyStart: number;
  bodyEnd: number;
  /** Statement indices of the block, inclusive (first > last when empty). */
  firstStmt: number;
  lastStmt: number;
  parent?: FRegion;
  readonly children: FRegion[];
}

/** Offset of the start of the line holding `offset`. */
export function lineStartOf(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** Offset just after the newline ending the line holding `offset` (or the end of the text). */
export function lineEndOf(text: string, offset: number): number {
  const nl = text.indexOf('\n', offset);
  return nl < 0 ? text.length : nl + 1;
}

function baseKind(kind: string): string {
  return kind.replace(/^end /, '');
}

export function buildRegions(tree: FortranTree, text: string, parsed: readonly ParsedSite[], bag: DiagnosticBag): FRegion[] {
  const roots: FRegion[] = [];
  const stack: FRegion[] = [];
  const attach = (r: FRegion) => {
    const top = stack[stack.length - 1];
    if (top) {
      r.parent = top;
      top.children.push(r);
    } else roots.push(r);
  };
  const lastLineEnd = (idx: number) => lineEndOf(text, tree.statements[idx]!.span.end);

  for (const p of parsed) {
    const at = p.site.span.start;
    // Loop regions close when a directive appears after their DO construct; an `end` of the same kind
    // right after the loop belongs to it.
    let endConsumed = false;
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      if ((top.association !== 'loop' && top.association !== 'statement') || at < top.lineEnd) break;
      stack.pop();
      if (p.directive.isEnd && baseKind(p.directive.kind) === top.directive.kind && !top.endSite && text.slice(top.lineEnd, lineStartOf(text, at)).trim() === '') {
        top.endSite = p.site;
        top.endDirective = p.directive;
        top.lineEnd = lineEndOf(text, p.site.span.end - 1);
        endConsumed = true;
        break;
      }
    }
    if (endConsumed) continue;
    if (p.directive.isEnd) {
      const want = baseKind(p.directive.kind);
      const idx = findLastIndex(stack, (r) => r.directive.kind === want && r.association === 'block');
      if (idx < 0) {
        bag.report(p.site.file, p.site.span, fmsg.unmatchedEnd(p.directive.kind));
        continue;
      }
      while (stack.length - 1 > idx) stack.pop();
      const r = stack.pop()!;
      r.endSite = p.site;
      r.endDirective = p.directive;
      r.bodyEnd = lineStartOf(text, p.site.span.start);
      r.lineEnd = lineEndOf(text, p.site.span.end - 1);
      r.lastStmt = statementAfter(tree, r.bodyEnd) < 0 ? tree.statements.length - 1 : statementAfter(tree, r.bodyEnd) - 1;
      continue;
    }
    const spec = getDirectiveSpec(p.directive.kind, 'fortran');
    const association = p.directive.kind === 'atomic' ? 'statement' : spec?.association === 'loop' ? 'loop' : spec?.association === 'block' ? 'block' : 'none';
    const lineStart = lineStartOf(text, p.site.span.start);
    const dirEnd = lineEndOf(text, p.site.span.end - 1);
    const r: FRegion = {
      site: p.site, directive: p.directive, kind: loweringKind(p.directive.kind), association,
      lineStart, lineEnd: dirEnd, bodyStart: dirEnd, bodyEnd: dirEnd, firstStmt: statementAfter(tree, dirEnd), lastStmt: -1, children: [],
    };
    if (r.firstStmt < 0) r.firstStmt = tree.statements.length;
    if (association === 'loop') {
      const loop = constructStartingAt(tree, r.firstStmt);
      if (!loop || loop.kind !== 'do' || loop.last < 0) {
        bag.report(p.site.file, p.site.span, fmsg.loopExpected(p.directive.kind));
        continue;
      }
      r.loop = loop;
      r.lastStmt = loop.last;
      r.bodyEnd = lastLineEnd(loop.last);
      r.lineEnd = r.bodyEnd;
    }
    if (association === 'statement') {
      const st = tree.statements[r.firstStmt];
      if (!st) continue;
      r.lastStmt = r.firstStmt;
      // atomic capture may hold two statements, then `!$omp end atomic` is required after the second.
      const second = tree.statements[r.firstStmt + 1];
      if (second && p.directive.clauses.some((c) => c.kind === 'capture')) {
        const after = tree.statements[r.firstStmt + 2]?.span.start ?? text.length;
        if (parsed.some((q) => q.directive.isEnd && q.directive.kind === 'end atomic' && q.site.span.start > second.span.end && q.site.span.start < after)) r.lastStmt = r.firstStmt + 1;
      }
      r.bodyEnd = lastLineEnd(r.lastStmt);
      r.lineEnd = r.bodyEnd;
    }
    attach(r);
    if (association !== 'none') stack.push(r);
  }
  for (const r of stack) {
    if (r.association === 'block' && !r.endSite) bag.report(r.site.file, r.site.span, fmsg.missingEnd(r.kind));
  }
  return roots;
}

function findLastIndex<T>(xs: readonly T[], f: (x: T) => boolean): number {
  for (let i = xs.length - 1; i >= 0; i--) if (f(xs[i]!)) return i;
  return -1;
}
