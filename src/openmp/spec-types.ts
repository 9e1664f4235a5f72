// The shape of the OpenMP vocabulary table (directives.ts, clauses.ts), in the manner of LLVM's OMP.td:
// legality (allowed / once / required / exclusive clauses) and o2ath's support status are data, so the
// parser, the checker and docs/constructs.md all read the same facts.
import type { UnsupportedName } from '../core/messages/unsupported.js';

export type Language = 'c' | 'fortran';

/**
 * What o2ath does with a construct:
 * - 'lowered': translated to Athread code;
 * - 'accepted': valid and compiled, but with no Athread-specific effect (a note says why);
 * - 'rejected': valid OpenMP that o2ath does not lower; reported with an `unsupported-*` error.
 */
export type SupportStatus = 'lowered' | 'accepted' | 'rejected';

export interface Support {
  readonly status: SupportStatus;
  /** One line for docs/constructs.md and for the note on accepted constructs. */
  readonly how: string;
  /** Diagnostic name reported when status is 'rejected'. */
  readonly unsupported?: UnsupportedName;
}

/** What the directive applies to (OpenMP 5.2 §4.1 "directive association"). */
export type Association =
  | 'block' // a structured block (C: the next statement; Fortran: up to the end directive)
  | 'loop' // one or more canonical loop nests
  | 'none' // standalone executable directive
  | 'separating' // splits the block of an enclosing construct (section, scan)
  | 'declarative'; // appears among declarations

/** Fortran `!$omp end <name>`: must it, may it, or can it not appear. */
export type FortranEnd = 'required' | 'optional' | 'none';

/** A parenthesised argument directly after the directive name: critical(name), flush(list), ... */
export interface DirectiveArgument {
  /** 'name': one identifier; 'list': variable list; 'text': kept verbatim (declare reduction, declare mapper). */
  readonly shape: 'name' | 'list' | 'text';
  readonly required: boolean;
}

export interface DirectiveSpec {
  /** C/C++ spelling, words separated by one space; undefined when the directive is Fortran only. */
  readonly c?: string;
  /** Fortran spelling; undefined when the directive is C only. */
  readonly fortran?: string;
  readonly association: Association;
  /** Leaf constructs of a combined or composite construct, in C spelling. */
  readonly leaves?: readonly string[];
  readonly clauses: readonly string[];
  /** Groups of clauses of which at least one must appear. */
  readonly required?: readonly (readonly string[])[];
  /** Groups of clauses of which at most one may appear. */
  readonly exclusive?: readonly (readonly string[])[];
  readonly argument?: DirectiveArgument;
  /** Fortran only: the end directive. */
  readonly fortranEnd: FortranEnd;
  /** Clauses allowed on the Fortran end directive (nowait, copyprivate). */
  readonly endClauses?: readonly string[];
  /** C `end declare target` and the derived Fortran `end` directives: the directive they close. */
  readonly endOf?: string;
  /** Clauses that make the directive standalone (ordered with doacross/depend). */
  readonly standaloneWith?: readonly string[];
  readonly support: Support;
}

/**
 * Argument grammar of a clause:
 * - 'none': no parentheses (`nowait`);
 * - 'optional-expr': optional `(expr)` (`ordered`, `partial`, `indirect`);
 * - 'expr': `([modifier:] expr)`; with `modifiers` the prefix is checked against them (`if(parallel: c)`);
 * - 'expr-list': `(expr, ...)` (`sizes`);
 * - 'list': `([modifier, ...:] list)` (`private`, `map(tofrom: a)`, `lastprivate(conditional: x)`);
 * - 'list-step': `(list[: tail])` where tail is an expression or modifiers (`linear(i: 2)`, `aligned(p: 64)`);
 * - 'keyword': `([modifier:] value)` with value from `values` (`default(none)`, `order(reproducible: concurrent)`);
 * - 'optional-keyword': like keyword but the parentheses may be absent (`update` on atomic vs depobj);
 * - 'keyword-pair': `(value[: category])` (`defaultmap(tofrom: scalar)`);
 * - 'reduction': `([modifier, ...,] identifier: list)`;
 * - 'schedule': `([modifier[, modifier]:] kind[, chunk])`;
 * - 'depend': `([iterator(...),] type: list)` or `(source)` / `(sink: vec)`;
 * - 'text': the whole argument kept verbatim (`match(...)`, `when(...)`, `init(...)`).
 */
export type ClauseShape =
  | 'none'
  | 'optional-expr'
  | 'expr'
  | 'expr-list'
  | 'list'
  | 'list-step'
  | 'keyword'
  | 'optional-keyword'
  | 'keyword-pair'
  | 'reduction'
  | 'schedule'
  | 'depend'
  | 'text';

/** What a list item may be: a plain variable, also an array section / member, or any locator expression. */
export type ItemKind = 'variable' | 'section' | 'locator';

export interface ClauseSpec {
  readonly name: string;
  readonly shape: ClauseShape;
  /** C only or Fortran only clauses. */
  readonly language?: Language;
  /** At most once on a directive (OMP.td allowedOnceClauses; the same for every directive that allows it). */
  readonly once?: boolean;
  /** 'if' may repeat once per directive-name modifier. */
  readonly oncePerModifier?: boolean;
  /** Keyword modifiers allowed before ':' (function-like ones such as `mapper(id)` are listed by name). */
  readonly modifiers?: readonly string[];
  /** A modifier that may be written as a bare expression: `allocate(my_alloc: x)` means `allocator(my_alloc)`. */
  readonly expressionModifier?: string;
  /** Keyword values for 'keyword' / 'schedule' / 'keyword-pair' / 'depend' shapes. */
  readonly values?: readonly string[];
  /** Categories after ':' for 'keyword-pair'. */
  readonly categories?: readonly string[];
  readonly items?: ItemKind;
  /** Fortran: list items may be common blocks `/name/`. */
  readonly commonBlocks?: boolean;
  /** A data-sharing attribute clause: a variable may appear in only one of them on a directive. */
  readonly dataSharing?: boolean;
  readonly support: Support;
  /** Status per keyword value or modifier word when it differs from the clause's (schedule kinds). */
  readonly valueSupport?: Readonly<Record<string, Support>>;
  readonly modifierSupport?: Readonly<Record<string, Support>>;
  /** Status of list items written as array sections (`a[0:n]`, `a(1:n)`) when it differs from the clause's. */
  readonly sectionSupport?: Support;
  /** Groups of modifiers of which at most one may appear (one map type; monotonic or nonmonotonic). */
  readonly exclusiveModifiers?: readonly (readonly string[])[];
  /** The argument must be a positive constant integer expression (checked when it is a literal). */
  readonly positiveConstant?: boolean;
  /** Keyword values that take no chunk / second argument (`schedule(runtime)`, `schedule(auto)`). */
  readonly valuesWithoutChunk?: readonly string[];
}
