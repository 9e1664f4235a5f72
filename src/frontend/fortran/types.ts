// Plain-data output of the Fortran front end: logical statements with a map back to the file, the
// program-unit tree, nested constructs and per-unit scopes. Everything here is JSON-serialisable
// (indices instead of object links) so `--dump` and snapshots work without special casing.
import type { Span } from '../../core/span.js';
import type { SitePiece } from '../directive-site.js';

export type { SitePiece };

/** Everything a statement can be. Names follow the Fortran keywords; `end-*` close constructs/units. */
export type StatementKind =
  // program units
  | 'program' | 'module' | 'submodule' | 'subroutine' | 'function' | 'block-data'
  | 'end-program' | 'end-module' | 'end-submodule' | 'end-subroutine' | 'end-function' | 'end-block-data'
  | 'end' // bare END: closes the innermost program unit
  | 'contains'
  // specification part
  | 'use' | 'import' | 'implicit' | 'declaration' | 'parameter' | 'common' | 'equivalence' | 'save'
  | 'data' | 'dimension' | 'external' | 'intrinsic' | 'attribute' | 'namelist' | 'entry' | 'sequence'
  | 'type-def' | 'end-type' | 'interface' | 'end-interface' | 'procedure' | 'format' | 'include'
  // control constructs
  | 'do' | 'end-do' | 'if-then' | 'else-if' | 'else' | 'end-if' | 'if' | 'arithmetic-if'
  | 'select-case' | 'case' | 'select-type' | 'type-guard' | 'end-select'
  | 'where-construct' | 'where' | 'elsewhere' | 'end-where'
  | 'forall-construct' | 'forall' | 'end-forall'
  | 'associate' | 'end-associate' | 'block' | 'end-block' | 'critical' | 'end-critical'
  // simple executable statements
  | 'exit' | 'cycle' | 'goto' | 'continue' | 'return' | 'stop' | 'call'
  | 'assignment' | 'pointer-assignment' | 'allocate' | 'deallocate' | 'nullify'
  | 'read' | 'write' | 'print' | 'open' | 'close' | 'inquire' | 'rewind' | 'backspace' | 'endfile' | 'flush' | 'wait'
  // not Fortran statements proper
  | 'preprocessor' | 'unknown';

/** A type specification as written, decomposed. */
export interface TypeSpec {
  /** Source text, e.g. 'real(kind=8)', 'real*8', 'character(len=*)', 'type(grid_t)'. */
  readonly text: string;
  readonly base: 'integer' | 'real' | 'double precision' | 'complex' | 'double complex' | 'logical' | 'character' | 'byte' | 'type' | 'class';
  /** Kind parameter text: '8' for real*8 and real(8) and real(kind=8). */
  readonly kind?: string;
  /** Character length text: '*' for character*(*), '10' for character(len=10). */
  readonly len?: string;
  /** Derived type name for type(t) / class(t) (lower case; '*' for class(*)). */
  readonly derived?: string;
}

/** One dimension of an array spec; bounds as source text. `upper` '*' = assumed size, both absent = ':' (deferred/assumed shape). */
export interface DimSpec {
  readonly text: string;
  readonly lower?: string;
  readonly upper?: string;
}

/** One entity in a declaration's list: `a(n, 0:m)*8 = init`. */
export interface EntityDecl {
  /** Lower-case name. */
  readonly name: string;
  /** File span of the name. */
  readonly span: Span;
  readonly dims?: readonly DimSpec[];
  readonly len?: string;
  readonly init?: string;
  /** True for `=> null()` style initialisation. */
  readonly pointerInit?: boolean;
}

/** A name as written somewhere in a statement (lower-cased) with its file span. */
export interface NameRef {
  readonly name: string;
  readonly span: Span;
}

export interface UseRename {
  readonly local: string;
  readonly remote: string;
}

/** An actual argument of a CALL: `x`, `a(1:n)`, `tol=1e-6` (keyword lower-cased, text as written). */
export interface ActualArg {
  readonly text: string;
  readonly span: Span;
  readonly keyword?: string;
}

/** Kind-specific data. Absent fields mean "not written". */
export type StatementDetail =
  | { readonly kind: 'unit'; readonly unit: 'program' | 'module' | 'submodule' | 'subroutine' | 'function' | 'block-data'; readonly name?: string;
      readonly args?: readonly string[]; readonly result?: string; readonly prefixes?: readonly string[]; readonly type?: TypeSpec; readonly parent?: string }
  | { readonly kind: 'end'; readonly name?: string }
  | { readonly kind: 'use'; readonly module: string; readonly only?: readonly string[]; readonly renames: readonly UseRename[]; readonly nature?: string }
  | { readonly kind: 'implicit'; readonly none: boolean; readonly rules: readonly { readonly type: TypeSpec; readonly letters: string }[] }
  | { readonly kind: 'declaration'; readonly type: TypeSpec; readonly attributes: readonly string[]; readonly dims?: readonly DimSpec[]; readonly entities: readonly EntityDecl[] }
  | { readonly kind: 'entities'; readonly entities: readonly EntityDecl[]; readonly attribute?: string }
  | { readonly kind: 'parameter'; readonly entries: readonly { readonly name: string; readonly span: Span; readonly value: string }[] }
  | { readonly kind: 'common'; readonly blocks: readonly { readonly name: string; readonly members: readonly EntityDecl[] }[] }
  | { readonly kind: 'type-def'; readonly name: string; readonly attributes: readonly string[] }
  | { readonly kind: 'interface'; readonly name?: string; readonly abstract: boolean }
  | { readonly kind: 'do'; readonly form: 'counted' | 'while' | 'infinite' | 'concurrent'; readonly termLabel?: string;
      readonly variable?: string; readonly start?: string; readonly end?: string; readonly step?: string; readonly condition?: string;
      /** File spans of the loop-control parts (counted DO), for rewriting bounds in place. */
      readonly spans?: { readonly variable: Span; readonly start: Span; readonly end: Span; readonly step?: Span } }
  | { readonly kind: 'condition'; readonly condition: string }
  | { readonly kind: 'logical-if'; readonly condition: string }
  | { readonly kind: 'arithmetic-if'; readonly condition: string; readonly labels: readonly string[] }
  | { readonly kind: 'select'; readonly selector: string }
  | { readonly kind: 'case'; readonly selector?: string; readonly isDefault: boolean }
  | { readonly kind: 'forall'; readonly header: string; readonly indices: readonly string[] }
  | { readonly kind: 'associate'; readonly names: readonly string[] }
  | { readonly kind: 'jump'; readonly target?: string; readonly labels?: readonly string[] }
  | { readonly kind: 'call'; readonly name: string; readonly args: readonly ActualArg[] }
  | { readonly kind: 'assignment'; readonly target: string; readonly targetName: string; readonly targetSpan: Span }
  | { readonly kind: 'io'; readonly control?: string }
  | { readonly kind: 'include'; readonly path: string }
  | { readonly kind: 'none' };

/** An expression region of a statement, in statement-text offsets, for the reference finder. */
export interface ExprRegion {
  readonly start: number;
  readonly end: number;
  /** True when `name =` at the top level of the region is a keyword (I/O control lists, `allocate(..., stat=)`). */
  readonly keywords?: boolean;
}

export interface FortranStatement {
  /** Position in FortranTree.statements (an `inner` statement carries its parent's index). */
  readonly index: number;
  readonly kind: StatementKind;
  /** Statement text: label, construct name prefix, comments and continuation marks removed; lines joined. */
  readonly text: string;
  /** Map from `text` to file offsets (same contract as DirectiveSite.pieces). */
  readonly pieces: readonly SitePiece[];
  /**
   * All physical lines of the statement, from the start of the first to the end of the last (no newline);
   * statements sharing a line through `;` share this span.
   */
  readonly span: Span;
  /** Exactly the statement's own characters (first to last piece). */
  readonly textSpan: Span;
  /** Statement label, digits without leading zeros. */
  readonly label?: string;
  /** Construct name (`outer: do`, `end do outer`, `exit outer`), lower case. */
  readonly constructName?: string;
  /** True for `!$ ` / `c$ ` conditional-compilation lines (code only when compiled with OpenMP). */
  readonly conditional: boolean;
  readonly detail: StatementDetail;
  /** Where expressions live in `text`; referencedNames() reads only these. */
  readonly exprs: readonly ExprRegion[];
  /** The inner statement of a logical IF / WHERE / FORALL statement. */
  readonly inner?: FortranStatement;
}

export type UnitKind = 'program' | 'module' | 'submodule' | 'subroutine' | 'function' | 'block-data' | 'main';

export interface FortranEntity {
  readonly name: string;
  /** First declaring occurrence, if declared (file offsets). */
  span?: Span;
  /** Path of the INCLUDE file `span` points into, when the declaration came from one. */
  file?: string;
  type?: TypeSpec;
  /** True when the type comes from the implicit rules rather than a declaration. */
  implicitType: boolean;
  dims?: readonly DimSpec[];
  len?: string;
  init?: string;
  attributes: string[];
  intent?: 'in' | 'out' | 'inout';
  /** Position in the dummy argument list (0-based), when a dummy argument. */
  dummy?: number;
  /** Common block name ('' for blank common) when a member. */
  common?: string;
  moduleVariable: boolean;
  parameter: boolean;
  /** Function result variable. */
  result: boolean;
  /** Known to be a procedure (external, intrinsic, interface body, called). */
  procedure: boolean;
  /** Named in an EQUIVALENCE statement (storage shared with another entity). */
  equivalenced?: boolean;
  /** Initialised by a DATA statement (which implies SAVE). */
  dataInitialised?: boolean;
  /** Implicitly typed here, but a USE of a module not in this file might provide it. */
  maybeUseAssociated?: boolean;
}

export interface UseAssociation {
  readonly module: string;
  readonly only?: readonly string[];
  readonly renames: readonly UseRename[];
  readonly statement: number;
}

export interface CommonBlock {
  readonly name: string;
  readonly members: readonly string[];
  readonly statement: number;
}

/** Implicit typing map: 26 entries for a..z, each a TypeSpec or null (no implicit type). */
export interface ImplicitMap {
  readonly letters: readonly (TypeSpec | null)[];
}

export interface Scope {
  readonly entities: FortranEntity[];
  /** A SAVE statement without a list: every local variable is saved (static, so shared in parallel regions). */
  saveAll: boolean;
  readonly implicit: ImplicitMap;
  readonly uses: UseAssociation[];
  readonly commons: CommonBlock[];
}

export interface ProgramUnit {
  readonly index: number;
  readonly kind: UnitKind;
  readonly name?: string;
  /** Statement indices: header (or first statement of an implicit main program) and end statement. */
  first: number;
  last: number;
  readonly span: Span;
  parent?: number;
  readonly children: number[];
  /** Index of the CONTAINS statement, if any. */
  contains?: number;
  readonly args: readonly string[];
  readonly result?: string;
  scope: Scope;
}

export type ConstructKind = 'do' | 'if' | 'select' | 'where' | 'forall' | 'associate' | 'block' | 'critical' | 'type' | 'interface' | 'interface-body';

export interface Construct {
  readonly index: number;
  readonly kind: ConstructKind;
  readonly name?: string;
  /** For labelled DO: the label of the terminating statement. */
  readonly termLabel?: string;
  readonly first: number;
  /** Index of the closing statement (END DO, the labelled terminator, ...); -1 if never closed. */
  last: number;
  /**
   * Last statement of the body, inclusive: `last - 1` for END-closed constructs; for a labelled DO the
   * terminal statement itself (it executes on every iteration, even when it is an assignment).
   */
  bodyLast: number;
  /** ELSE IF / ELSE / CASE / ELSEWHERE statement indices. */
  readonly branches: number[];
  readonly parent?: number;
  readonly children: number[];
  /** Program unit containing the construct. */
  readonly unit: number;
}
