// AthreadPlan: what the emitter must produce for one file, as data. Types are carried as C
// declarator templates with '$' for the declared name (taken from the user's own declarations);
// expressions are the user's own text. No decisions are left for the emitter.
import type { Target } from '../translate.js';

export interface ArgField {
  readonly name: string;
  /** Declarator template, e.g. 'double (*$)[M]', 'int $', 'double *$', 'void *$'. */
  readonly ctype: string;
  /** Host expression assigned to the field before the spawn; absent for slots the CPEs fill. */
  readonly hostInit?: string;
}

export interface KernelLocal {
  readonly ctype: string;
  readonly name: string;
  /** Initialiser expression (kernel side); absent: uninitialised private. */
  readonly init?: string;
  /** Firstprivate array: copy the elements from this pointer expression. */
  readonly copyFrom?: string;
}

export interface ReductionPlan {
  readonly name: string;
  readonly ctype: string;
  readonly identity: string;
  /** Field holding one partial result per CPE. */
  readonly slots: string;
  /** Combine template over {acc} and {part}, e.g. '{acc} + {part}'. */
  readonly combine: string;
  /** Kernel-side expression that names the shared original (nested-loop reductions), e.g. '(*s_p)'. */
  readonly target?: string;
}

export interface LoopPlan {
  readonly start: number;
  readonly end: number;
  readonly bodyStart: number;
  readonly bodyEnd: number;
  readonly var: string;
  /** When the index is declared in the loop init: its declarator template. */
  readonly varDecl?: string;
  readonly lb: string;
  readonly step: string;
  readonly trip: string;
  readonly chunk?: string;
  readonly locals: readonly KernelLocal[];
  readonly reductions: readonly ReductionPlan[];
  readonly barrierAfter: boolean;
  readonly line: number;
}

export interface DerefEdit {
  readonly start: number;
  readonly end: number;
  readonly pointer: string;
}

export interface KernelPlan {
  readonly kernel: string;
  readonly struct: string;
  readonly fnName: string;
  /** Where the struct and the slave function declaration go on the host side (start of the enclosing function). */
  readonly hostDeclAt: number;
  /** Host text range replaced by the spawn block: from the directive to the end of its statement. */
  readonly replaceStart: number;
  readonly replaceEnd: number;
  /** End of the directive itself and start of its statement: text between them (an `#endif`) is kept. */
  readonly pragmaEnd: number;
  readonly stmtStart: number;
  readonly indent: string;
  readonly directive: string;
  readonly line: number;
  readonly fields: readonly ArgField[];
  readonly locals: readonly KernelLocal[];
  readonly reductions: readonly ReductionPlan[];
  readonly numThreads?: string;
  readonly ifExpr?: string;
  /** The region body copied into the kernel: [bodyStart, bodyEnd) of the file. */
  readonly bodyStart: number;
  readonly bodyEnd: number;
  /** Combined `parallel for`: the body is the loop, partitioned by loops[0]. */
  readonly combinedLoop: boolean;
  readonly loops: readonly LoopPlan[];
  readonly barriers: readonly { start: number; end: number }[];
  readonly derefs: readonly DerefEdit[];
  readonly usesTeam: boolean;
}

export type PrologueItem =
  | { readonly kind: 'copy'; readonly start: number; readonly end: number }
  | { readonly kind: 'text'; readonly text: string };

export interface FilePlan {
  readonly target: Target;
  readonly kernels: readonly KernelPlan[];
  /** Slave side: the declarations CPE code needs, in file order. */
  readonly prologue: readonly PrologueItem[];
  /** Slave side: user functions copied to the CPE, as file ranges. */
  readonly callees: readonly { readonly name: string; readonly start: number; readonly end: number }[];
  /**
   * File-scope statics used by copied functions: the CPE object cannot name another object's statics,
   * so the host half defines an external pointer to each, right after its declaration.
   */
  readonly staticAliases: readonly { readonly alias: string; readonly ctype: string; readonly hostInit: string; readonly after: number }[];
  /** Edits inside copied functions: uses of those statics go through the alias. */
  readonly calleeEdits: readonly { readonly start: number; readonly end: number; readonly text: string }[];
  /** Names of generated helpers shared by all kernels of the file. */
  readonly names: {
    readonly args: string;
    readonly argPtr: string;
    readonly tid: string;
    readonly nthr: string;
    readonly k: string;
    readonly lo: string;
    readonly hi: string;
    readonly n: string;
    readonly c: string;
    readonly t: string;
    readonly chunk: string;
    readonly reply: string;
  };
}
