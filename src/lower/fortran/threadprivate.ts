// threadprivate common blocks. The MPE (OpenMP's initial thread) keeps the block's own storage;
// CPE 0 (the master of every team) uses it too, CPEs 1..63 each get a copy in one heap buffer that
// lives as long as the program. CPE code sees the members as Cray pointees aimed at its copy; the
// addresses come from a generated info common `/o2ath_tpi_<blk>/` that a host routine fills before
// each spawn (buffer, block size, original address, member offsets), also doing `copyin`.
import type { DiagnosticBag } from '../../core/diagnostic.js';
import type { FortranTree, ProgramUnit } from '../../frontend/fortran/index.js';
import type { FRegion } from '../../analysis/fortran/regions.js';
import { declarationOf, dimsText } from '../../analysis/fortran/variables.js';
import * as fmsg from '../../core/messages/fortran-lower.js';
import type { FSpecItem } from './plan.js';
import { specCopiesFor } from './spec-copies.js';
import { N } from './names.js';

export const tpInfo = (blk: string) => `o2ath_tpi_${blk}`;
export const tpRoutine = (blk: string) => `o2ath_tp_${blk}`;
const tpPtr = (blk: string, j: number) => `o2ath_tpp_${blk}_${j}`;

/** Common blocks named in `threadprivate` directives (module variables: threadprivate-module.ts). */
export function threadprivateBlocks(regions: readonly FRegion[], bag: DiagnosticBag, inModule: (r: FRegion) => boolean = () => false): string[] {
  const out: string[] = [];
  for (const r of regions) {
    if (r.kind !== 'threadprivate') continue;
    for (const it of r.directive.argument?.items ?? []) {
      if (it.isCommonBlock) {
        if (!out.includes(it.name.toLowerCase())) out.push(it.name.toLowerCase());
      } else if (!inModule(r)) bag.report(r.site.file, it.span, fmsg.variable(it.name, 'threadprivate is lowered for common blocks and module variables'));
    }
  }
  return out;
}

/** Members of /blk/ as unit u declares them. */
export function membersOf(u: ProgramUnit, blk: string): string[] {
  return u.scope.commons.filter((c) => c.name === blk).flatMap((c) => c.members);
}

/** CPE-side declarations (member pointees, info common) and the pointer set-up statements. */
export function tpCpeParts(u: ProgramUnit, blk: string, declareMembers: boolean): { decls: string[]; setup: string[] } {
  const members = membersOf(u, blk);
  const info = tpInfo(blk);
  const decls: string[] = [];
  const setup: string[] = [];
  members.forEach((m, i) => {
    const e = u.scope.entities.find((x) => x.name === m);
    if (declareMembers && e) decls.push(declarationOf(e.type, e, m, dimsText(e.dims)));
    decls.push(`pointer (${tpPtr(blk, i + 1)}, ${m})`);
    setup.push(`${tpPtr(blk, i + 1)} = merge(${info}(2), ${info}(0) + (${N.tid} - 1) * ${info}(1), ${N.tid} == 0) + ${info}(${i + 3})`);
  });
  decls.push(`integer(8) ${info}(0:${members.length + 2})`, `common /${info}/ ${info}`);
  return { decls, setup };
}

export interface TpHostRoutine {
  readonly name: string;
  readonly spec: readonly FSpecItem[];
  readonly stmts: readonly string[];
}

/** The host routine filling /o2ath_tpi_<blk>/ (argument 1: copy the master's values into every copy). */
export function tpHostRoutine(tree: FortranTree, blk: string): TpHostRoutine | undefined {
  const u = tree.units.find((x) => membersOf(x, blk).length > 0);
  if (!u) return undefined;
  const members = membersOf(u, blk);
  const decls = members.map((m) => {
    const e = u.scope.entities.find((x) => x.name === m);
    return e ? declarationOf(e.type, e, m, dimsText(e.dims)) : `! ${m}: implicitly typed`;
  });
  return {
    name: tpRoutine(blk),
    spec: specCopiesFor(tree, u.index, false),
    stmts: hostRoutineStmts(tpRoutine(blk), tpInfo(blk), [...decls, `common /${blk}/ ${members.join(', ')}`], members),
  };
}

/**
 * Statements of a host routine that sizes the storage of `members` (contiguous, in order), records
 * the original address and member offsets in `info`, allocates the 63 CPE copies once, and copies the
 * original into them the first time and for copyin. `access`: the statements making the members visible.
 */
export function hostRoutineStmts(routine: string, info: string, access: readonly string[], members: readonly string[]): string[] {
  const first = members[0]!;
  const last = members[members.length - 1]!;
  return [
    `subroutine ${routine}(o2ath_copyin)`,
    '@@SPEC@@',
    ...access,
    `integer(8) ${info}(0:${members.length + 2})`,
    `common /${info}/ ${info}`,
    'integer o2ath_copyin',
    'integer(8) o2ath_t8',
    'integer(1) o2ath_src(*), o2ath_dst(*)',
    'pointer (o2ath_ps, o2ath_src)',
    'pointer (o2ath_pd, o2ath_dst)',
    'logical o2ath_fresh',
    `${info}(1) = loc(${last}) - loc(${first}) + sizeof(${last})`,
    `o2ath_fresh = ${info}(0) == 0`,
    // CPEs 1..63: one copy each, made once and kept (threadprivate data persists between regions).
    `if (o2ath_fresh) ${info}(0) = malloc(63 * ${info}(1))`,
    `${info}(2) = loc(${first})`,
    ...members.map((m, i) => `${info}(${i + 3}) = loc(${m}) - loc(${first})`),
    'if (o2ath_fresh .or. o2ath_copyin /= 0) then',
    '  o2ath_ps = loc(' + first + ')',
    '  do o2ath_t8 = 0, 62',
    `    o2ath_pd = ${info}(0) + o2ath_t8 * ${info}(1)`,
    `    o2ath_dst(1:${info}(1)) = o2ath_src(1:${info}(1))`,
    '  end do',
    'end if',
    `end subroutine ${routine}`,
  ];
}
