// The Fortran Athread plan: for each kernel, what the host block passes (argument-block entries),
// how the CPE side re-declares each variable, and the edits that turn the region's text (kept as
// written) into the CPE body. Texts here are the user's own expressions and declarations; the
// statements around them are written by emit/fortran.

/** One integer(8) entry of the argument block: an address (`loc(x)`), a bound or the team size. */
export interface FArgEntry {
  readonly hostExpr: string;
}

/** A variable the CPE wrapper maps with a Cray pointer and passes to the body. */
export interface FPointee {
  /** Entry (1-based) of the argument block holding the address. */
  readonly entry: number;
  /** Wrapper-side declaration: the type and `(*)` for arrays. */
  readonly type: string;
  readonly array: boolean;
}

/** A body dummy: a mapped variable (pointee) or an integer(8) bound taken from the block. */
export type FDummy =
  | { readonly kind: 'pointee'; readonly name: string; readonly decl: string; readonly pointee: FPointee }
  | { readonly kind: 'bound'; readonly name: string; readonly entry: number };

export interface FReduction {
  readonly name: string;
  readonly op: string;
  readonly array: boolean;
  /** Type text of the variable (for slot declarations). */
  readonly type: string;
}

/** Host-combined reduction of the kernel directive: slots in a host array, one row per CPE. */
export interface FHostReduction extends FReduction {
  readonly slots: string;
  readonly entry: number;
}

export type FSpecItem = { readonly start: number; readonly end: number } | { readonly stmt: string };

/** Text edits of the copied region/procedure text; generated statements are emitted in the file's form. */
export type FEdit =
  | { readonly kind: 'replace'; readonly start: number; readonly end: number; readonly stmts: readonly string[] }
  | { readonly kind: 'insert'; readonly at: number; readonly stmts: readonly string[] }
  | { readonly kind: 'rename'; readonly start: number; readonly end: number; readonly to: string };

export interface FKernelPlan {
  readonly kernel: string;
  readonly body: string;
  readonly directive: string;
  readonly line: number;
  /** Host text [hostStart, hostEnd) (whole lines) replaced by the spawn block. */
  readonly hostStart: number;
  readonly hostEnd: number;
  readonly indent: string;
  readonly entries: readonly FArgEntry[];
  readonly team: string;
  readonly dummies: readonly FDummy[];
  /** USE / IMPLICIT / parameter statements the CPE side repeats: file ranges (whole lines) or generated statements. */
  readonly specCopies: readonly FSpecItem[];
  /** Generated specification statements of the body (locals, commons, external functions). */
  readonly decls: readonly string[];
  /** Executable statements before the region text (firstprivate copies, reduction identities). */
  readonly prologue: readonly string[];
  readonly regionStart: number;
  readonly regionEnd: number;
  readonly edits: readonly FEdit[];
  readonly epilogue: readonly string[];
  readonly hostReductions: readonly FHostReduction[];
  /**
   * Kernels of module procedures live in the CPE copy of their module, after its CONTAINS (file
   * offset of the line after it), so they see the module's private entities by host association; the
   * wrapper then takes a bind(c) name so the host can still call it as `slave_<kernel>`.
   */
  readonly inModule?: { readonly name: string; readonly at: number };
  /** threadprivate common blocks: the host routine filling each one's info block runs before the spawn. */
  readonly tpCalls: readonly { readonly routine: string; readonly copyin: boolean }[];
}

/** A procedure copied to the CPE side (called from a kernel), with its orphaned directives lowered. */
export interface FCalleeCopy {
  readonly name: string;
  readonly start: number;
  readonly end: number;
  readonly edits: readonly FEdit[];
}

export interface FFilePlan {
  readonly form: 'free' | 'fixed';
  /** Module of bind(c) interfaces every CPE routine of this file uses. */
  readonly bindingModule: string;
  readonly kernels: readonly FKernelPlan[];
  /** Whole modules of the file repeated on the CPE side (file ranges), with edits in called procedures. */
  readonly modules: readonly FCalleeCopy[];
  readonly callees: readonly FCalleeCopy[];
  /** Preprocessor lines (macros, conditionals) the CPE half repeats so that the copied code means the same: file ranges. */
  readonly preprocessor: readonly { readonly start: number; readonly end: number }[];
  /** Host routines of threadprivate common blocks, appended to the host half. */
  readonly tpRoutines: readonly { readonly name: string; readonly spec: readonly FSpecItem[]; readonly stmts: readonly string[] }[];
}
