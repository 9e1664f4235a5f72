// Public interface of the Fortran front end: parseFortran() turns a SourceFile into plain data —
// statements with piece maps, directive sites, program units with scopes, nested constructs — plus
// small pure queries over that data for the later phases.
import type { DiagnosticBag } from '../../core/diagnostic.js';
import { createSourceFile, type SourceFile } from '../../source/source-file.js';
import * as msg from '../../core/messages/fortran.js';
import type { DirectiveSite } from '../directive-site.js';
import { readFixedForm, type FixedLineLength } from './fixed-form.js';
import { readFreeForm } from './free-form.js';
import { buildScopes } from './scope.js';
import { buildStatements } from './statements.js';
import { buildStructure } from './structure.js';
import { implicitTypeOf } from './implicit.js';
import type { Construct, FortranEntity, FortranStatement, ProgramUnit, StatementKind } from './types.js';

export type * from './types.js';
export { referencedNames, type NameUse } from './references.js';
export { tokenize, type Token, type TokenKind } from './tokenizer.js';
export { implicitTypeOf, defaultImplicit } from './implicit.js';
export { textToFile, textSpanToFile } from './text-map.js';
export { isIntrinsicFunction, isIntrinsicSubroutine } from './intrinsics.js';
export { resolveName, type ModuleLookup, type ResolvedName, type UnitsView } from './resolve.js';
export type { FixedLineLength };

export interface FortranParseOptions {
  /** Fixed form only: last text column (72 standard, 132, or 0 for unlimited). */
  readonly fixedLineLength?: FixedLineLength;
  /**
   * Reads the file an INCLUDE line names (the caller applies its -I search path); undefined when not
   * found. Included declarations (COMMON blocks, PARAMETERs, types) then enter the including unit's scope.
   */
  readonly readInclude?: (path: string, from: SourceFile) => { readonly path: string; readonly text: string } | undefined;
}

/** An INCLUDE line that was read: its statements and directives, in the included file's coordinates. */
export interface FortranInclude {
  /** Index of the INCLUDE statement among the statements of the file that includes it. */
  readonly statement: number;
  /** For nested INCLUDEs: index (in FortranTree.includes) of the include file holding the INCLUDE line. */
  readonly parent?: number;
  readonly file: SourceFile;
  readonly statements: readonly FortranStatement[];
  readonly directiveSites: readonly DirectiveSite[];
}

export interface FortranTree {
  readonly path: string;
  readonly form: 'free' | 'fixed';
  /** Every statement in file order (preprocessor lines included, kind 'preprocessor'). */
  readonly statements: readonly FortranStatement[];
  readonly units: readonly ProgramUnit[];
  readonly constructs: readonly Construct[];
  /** OpenMP directives in file order (spelling 'sentinel'). */
  readonly directiveSites: readonly DirectiveSite[];
  /** INCLUDE files that `readInclude` supplied (nested ones flattened, in reading order). */
  readonly includes: readonly FortranInclude[];
}

export function parseFortran(file: SourceFile, bag: DiagnosticBag, options: FortranParseOptions = {}): FortranTree {
  const form = file.form === 'fixed' ? 'fixed' : 'free';
  const lines = form === 'fixed' ? readFixedForm(file, bag, options.fixedLineLength ?? 72) : readFreeForm(file, bag);
  const { statements, sites } = buildStatements(file, lines, bag);
  const { units, constructs } = buildStructure(file, statements, bag);
  const includes: FortranInclude[] = [];
  const includeMap = new Map<FortranStatement, { path: string; statements: readonly FortranStatement[] }>();
  if (options.readInclude) readIncludes(file, statements, options, bag, includes, includeMap, undefined, 0);
  buildScopes(statements, units, constructs, includeMap);
  return { path: file.path, form, statements, units, constructs, directiveSites: sites, includes };
}

/** Read INCLUDE files (in the including file's source form, as compilers do), nested up to a fixed depth. */
function readIncludes(from: SourceFile, statements: readonly FortranStatement[], options: FortranParseOptions, bag: DiagnosticBag,
  out: FortranInclude[], map: Map<FortranStatement, { path: string; statements: readonly FortranStatement[] }>, parent: number | undefined, depth: number): void {
  for (const s of statements) {
    if (s.kind !== 'include' || s.detail.kind !== 'include' || depth > 8) continue;
    const got = options.readInclude!(s.detail.path, from);
    if (!got) {
      bag.report(from, s.textSpan, msg.includeNotFound(s.detail.path));
      continue;
    }
    const file = createSourceFile(got.path, got.text, { language: 'fortran', form: from.form === 'fixed' ? 'fixed' : 'free' });
    const lines = file.form === 'fixed' ? readFixedForm(file, bag, options.fixedLineLength ?? 72) : readFreeForm(file, bag);
    const inc = buildStatements(file, lines, bag);
    const me = out.length;
    out.push({ statement: s.index, ...(parent !== undefined ? { parent } : {}), file, statements: inc.statements, directiveSites: inc.sites });
    map.set(s, { path: got.path, statements: inc.statements });
    readIncludes(file, inc.statements, options, bag, out, map, me, depth + 1);
  }
}

/** Index of the first statement whose text starts at or after `offset` (e.g. the loop after `!$omp do`); -1 if none. */
export function statementAfter(tree: FortranTree, offset: number, skip: readonly StatementKind[] = ['preprocessor']): number {
  const st = tree.statements;
  let lo = 0;
  let hi = st.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (st[mid]!.textSpan.start < offset) lo = mid + 1;
    else hi = mid;
  }
  while (lo < st.length && skip.includes(st[lo]!.kind)) lo++;
  return lo < st.length ? lo : -1;
}

/** The statement whose lines contain `offset`, or -1. */
export function statementAt(tree: FortranTree, offset: number): number {
  for (const s of tree.statements) if (s.span.start <= offset && offset <= s.span.end) return s.index;
  return -1;
}

/** Innermost program unit containing `offset` (the enclosing procedure of a directive), or undefined. */
export function unitAt(tree: FortranTree, offset: number): ProgramUnit | undefined {
  let best: ProgramUnit | undefined;
  for (const u of tree.units) {
    if (u.span.start <= offset && offset <= u.span.end && (!best || u.span.start >= best.span.start)) best = u;
  }
  return best;
}

/** Innermost construct containing statement `index` (first < index <= last), or undefined. */
export function constructAround(tree: FortranTree, index: number): Construct | undefined {
  let best: Construct | undefined;
  for (const c of tree.constructs) {
    const last = c.last < 0 ? Infinity : c.last;
    if (c.first < index && index <= last && (!best || c.first >= best.first)) best = c;
  }
  return best;
}

/** The construct opened by statement `index` (a DO, block IF, ...), or undefined. */
export function constructStartingAt(tree: FortranTree, index: number): Construct | undefined {
  return tree.constructs.find((c) => c.first === index);
}

/** Resolve `name` in unit `unitIndex`, walking out through host units. */
export function lookupEntity(tree: FortranTree, unitIndex: number, name: string): { entity: FortranEntity; unit: number } | undefined {
  const n = name.toLowerCase();
  for (let u: ProgramUnit | undefined = tree.units[unitIndex]; u; u = u.parent !== undefined ? tree.units[u.parent] : undefined) {
    const e = u.scope.entities.find((x) => x.name === n);
    if (e) return { entity: e, unit: u.index };
  }
  return undefined;
}

/** The type a name has in a unit: declared, or by that unit's implicit rules. */
export function typeOfName(tree: FortranTree, unitIndex: number, name: string): FortranEntity['type'] {
  const hit = lookupEntity(tree, unitIndex, name);
  if (hit?.entity.type) return hit.entity.type;
  const u = tree.units[unitIndex];
  return u ? implicitTypeOf(u.scope.implicit, name) : undefined;
}

/** JSON for `--dump`: directive sites without their SourceFile back-reference. */
export function dumpFortranTree(tree: FortranTree): unknown {
  const sites = (list: readonly DirectiveSite[]): unknown[] => list.map(({ file: _file, ...rest }) => rest);
  return {
    ...tree, directiveSites: sites(tree.directiveSites),
    includes: tree.includes.map((i) => ({ statement: i.statement, path: i.file.path, statements: i.statements, directiveSites: sites(i.directiveSites) })),
  };
}
