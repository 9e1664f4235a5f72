// The plain-data form of one OpenMP directive, the same for C and Fortran syntax. Produced by
// openmp/parse-directive.ts, validated by openmp/check-directive.ts against openmp/spec.ts.
// All spans are offsets into the user's file (mapped back through DirectiveSite.pieces).
import type { Span } from '../core/span.js';

/** A piece of source-language text kept verbatim (an expression, a type, a reduction identifier). */
export interface OmpText {
  readonly text: string;
  readonly span: Span;
}

/** One dimension of an array section: C `a[lower:length]`, Fortran `a(lower:upper)`. */
export interface OmpSectionDim {
  readonly lower?: OmpText;
  /** C: the length after ':'. Fortran: not used. */
  readonly length?: OmpText;
  /** Fortran: the upper bound after ':'. C: not used. */
  readonly upper?: OmpText;
  /** The third part of `a[lower:length:stride]` / `a(lower:upper:stride)`. */
  readonly stride?: OmpText;
  /** True when written as a single subscript with no ':' (`a[i]`, `a(i)`). */
  readonly single?: boolean;
}

/** A variable in a clause list: `x`, `a[0:n]`, `p->f` (C), `a(1:n)`, `/blk/` (Fortran common block). */
export interface OmpListItem {
  /** The base variable name (for `/blk/` the common block name, without slashes). */
  readonly name: string;
  readonly span: Span;
  /** Full text of the item as written. */
  readonly text: string;
  readonly sections: readonly OmpSectionDim[];
  readonly isCommonBlock?: boolean;
  /** Member path after the base name: `p->a.b` gives ['a', 'b'] (C `.`/`->`, Fortran `%`). */
  readonly members?: readonly string[];
  /** A locator that is not a plain variable path (`*p`, `(a + 1)[0:n]`): kept as text; `name` is its first identifier. */
  readonly isExpression?: boolean;
}

export interface OmpModifier {
  readonly word: string;
  readonly span: Span;
  /** Arguments of a function-like modifier: `mapper(id)`, `iterator(i=0:n)`, `step(2)`, `allocator(a)`. */
  readonly args?: readonly OmpText[];
}

export interface OmpClause {
  /** Canonical clause name as the spec spells it: 'firstprivate', 'num_threads', 'reduction'. */
  readonly kind: string;
  readonly span: Span;
  readonly nameSpan: Span;
  /** Modifiers before ':' or ',' as the grammar defines: `reduction(inscan, +: x)`, `if(parallel: c)`, `map(tofrom: a)`, `schedule(monotonic: dynamic)`. */
  readonly modifiers: readonly OmpModifier[];
  /** Keyword argument: schedule kind, default(...), proc_bind(...), order(...), atomic_default_mem_order(...). */
  readonly value?: OmpModifier;
  /** Reduction identifier (`+`, `max`, `.and.`, `iand`, a user identifier). */
  readonly operator?: OmpText;
  /** Variable-list clauses. */
  readonly items?: readonly OmpListItem[];
  /** Expression arguments: num_threads(n), if(c), collapse(2), schedule chunk, device(d), depend sinks... */
  readonly args?: readonly OmpText[];
}

export interface OmpDirective {
  /** Canonical directive name in the file's language spelling, words joined by one space: 'parallel for', 'parallel do', 'end parallel do', 'target teams distribute parallel for'. */
  readonly kind: string;
  /** Fortran `!$omp end ...` */
  readonly isEnd: boolean;
  readonly span: Span;
  readonly nameSpan: Span;
  readonly clauses: readonly OmpClause[];
  /** Parenthesised directive argument: critical(name), flush(list), threadprivate(list), declare target(list), allocate(list), scan... */
  readonly argument?: { readonly text: string; readonly span: Span; readonly items?: readonly OmpListItem[] };
}
