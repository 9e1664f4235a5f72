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
  /** Initialiser expression; absent: uninitialised private. `{args}` names the argument block copy. */
  readonly init?: string;
  /** Firstprivate array: copy the elements from this pointer expression. */
  readonly copyFrom?: string;
  /** Array reduction copy: set every element of `fill.length` elements to `fill.value`. */
  readonly fill?: { readonly value: string; readonly length: string; readonly elem: string };
}

export interface ReductionPlan {
  readonly name: string;
  /** Scalar: the variable's declarator template. Array: the element type ('double'). */
  readonly ctype: string;
  readonly identity: string;
  /** Combine template over {acc} and {part}, e.g. '{acc} + {part}'. */
  readonly combine: string;
  /** Where the partial results go: an argument-block field (region reductions) or a CPE-side static. */
  readonly slots: string;
  /** Expression naming the shared original: an lvalue for scalars, a flat element pointer for arrays. */
  readonly target: string;
  /** Arrays: number of elements reduced, and the first index (sections). */
  readonly length?: string;
  readonly lower?: string;
}

export interface LastPrivatePlan {
  readonly name: string;
  /** Lvalue of the original. */
  readonly target: string;
  /** Value written back: the private copy, or the index value after the loop. */
  readonly value: string;
}

export interface LinearPlan {
  readonly name: string;
  readonly start: string;
  readonly step: string;
  /** Lvalue of the original: after the loop it holds start + iterations * step. */
  readonly target: string;
}

export interface LoopLevel {
  readonly var: string;
  /** When the index is declared in the loop init: its declarator template. */
  readonly varDecl?: string;
  readonly lb: string;
  readonly step: string;
  readonly trip: string;
}

export type ScheduleKind = 'static' | 'static-chunk' | 'dynamic' | 'guided' | 'runtime';
/** kernel: the team's id and size are the kernel's constants; query: ask the runtime (orphaned code). */
export type TeamSource = 'kernel' | 'query';

interface Span {
  readonly start: number;
  readonly end: number;
}
interface Block extends Span {
  readonly bodyStart: number;
  readonly bodyEnd: number;
  readonly line: number;
  readonly team: TeamSource;
}

export type ConstructPlan =
  | (Block & {
      readonly kind: 'loop';
      readonly directive: string;
      readonly levels: readonly LoopLevel[];
      readonly schedule: ScheduleKind;
      readonly chunk?: string;
      /** CPE-side statics: the shared iteration counter and its lock (dynamic, guided, runtime), the ordered turn. */
      readonly counter?: string;
      readonly lock?: string;
      readonly orderedTurn?: string;
      readonly locals: readonly KernelLocal[];
      readonly reductions: readonly ReductionPlan[];
      readonly lastprivates: readonly LastPrivatePlan[];
      readonly linears: readonly LinearPlan[];
      readonly barrier: boolean;
      /** The region's own loop: its end is the kernel's end. */
      readonly isKernelLoop: boolean;
    })
  | (Span & { readonly kind: 'barrier' | 'flush' | 'drop' })
  | (Block & { readonly kind: 'single'; readonly locals: readonly KernelLocal[]; readonly barrier: boolean; readonly copyprivate: readonly { readonly name: string; readonly slot: string; readonly ctype: string }[] })
  | (Block & { readonly kind: 'master'; readonly filter: string })
  | (Block & { readonly kind: 'critical' | 'atomic'; readonly lock: string })
  | (Block & { readonly kind: 'ordered'; readonly turn: string; readonly k: string })
  | (Block & {
      readonly kind: 'sections';
      readonly sections: readonly Span[];
      readonly locals: readonly KernelLocal[];
      readonly reductions: readonly ReductionPlan[];
      readonly lastprivates: readonly LastPrivatePlan[];
      readonly barrier: boolean;
    })
  | (Block & {
      readonly kind: 'nested';
      readonly locals: readonly KernelLocal[];
      readonly reductions: readonly ReductionPlan[];
      /** Array reductions of a whole region: combined across the team, not directly. */
      readonly teamCombine: boolean;
    });

export interface DerefEdit {
  readonly start: number;
  readonly end: number;
  readonly pointer: string;
}

export interface KernelPlan {
  readonly kernel: string;
  readonly struct: string;
  readonly fnName: string;
  /** Where the struct and the slave function declaration go on the host side. */
  readonly hostDeclAt: number;
  /** Host text range replaced by the spawn block: from the directive to the end of its statement. */
  readonly replaceStart: number;
  readonly replaceEnd: number;
  /** End of the directive and start of its statement: text between them (an `#endif`) is kept. */
  readonly pragmaEnd: number;
  readonly stmtStart: number;
  readonly indent: string;
  readonly directive: string;
  readonly line: number;
  readonly fields: readonly ArgField[];
  readonly locals: readonly KernelLocal[];
  /** Region reductions of scalars: partial results in the argument block, combined on the MPE. */
  readonly reductions: readonly ReductionPlan[];
  readonly numThreads?: string;
  readonly ifExpr?: string;
  /** The region body copied into the kernel: [bodyStart, bodyEnd) of the file. */
  readonly bodyStart: number;
  readonly bodyEnd: number;
  readonly constructs: readonly ConstructPlan[];
  readonly derefs: readonly DerefEdit[];
  readonly usesTeam: boolean;
}

export type PrologueItem = { readonly kind: 'copy'; readonly start: number; readonly end: number } | { readonly kind: 'text'; readonly text: string };

/** A CPE-side file-scope variable in main memory (counters, locks, reduction slots). */
export interface SlaveStatic {
  readonly decl: string;
}

export interface FilePlan {
  readonly target: Target;
  readonly kernels: readonly KernelPlan[];
  /** Slave side: the declarations CPE code needs, in file order. */
  readonly prologue: readonly PrologueItem[];
  readonly slaveStatics: readonly SlaveStatic[];
  /** Slave side: user functions copied to the CPE, as file ranges. */
  readonly callees: readonly { readonly name: string; readonly start: number; readonly end: number; readonly before: string; readonly after: string }[];
  /** Orphaned constructs inside the copied functions. */
  readonly orphans: readonly ConstructPlan[];
  /**
   * File-scope statics used by copied functions: the CPE object cannot name another object's statics,
   * so the host half defines an external pointer to each, right after its declaration.
   */
  readonly staticAliases: readonly { readonly alias: string; readonly ctype: string; readonly hostInit: string; readonly after: number }[];
  /** Edits inside copied functions: uses of those statics go through the alias. */
  readonly calleeEdits: readonly { readonly start: number; readonly end: number; readonly text: string }[];
  /** Names of generated helpers shared by all kernels of the file. */
  readonly names: Readonly<Record<'args' | 'argPtr' | 'tid' | 'nthr' | 'k' | 'lo' | 'hi' | 'n' | 'c' | 't' | 'e' | 'chunk' | 'reply' | 'last' | 'acc', string>>;
}
