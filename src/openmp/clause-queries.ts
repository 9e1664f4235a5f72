// Small read-only queries over a directive's clauses, shared by the C and Fortran analyses and lowerings.
import type { OmpClause, OmpDirective, OmpListItem } from './ast.js';

export function clausesOf(d: OmpDirective, kind: string): OmpClause[] {
  return d.clauses.filter((c) => c.kind === kind);
}

export function hasClause(d: OmpDirective, kind: string): boolean {
  return d.clauses.some((c) => c.kind === kind);
}

export function listItems(d: OmpDirective, kind: string): OmpListItem[] {
  return clausesOf(d, kind).flatMap((c) => c.items ?? []);
}

/** The first expression argument of a clause, e.g. num_threads(n) -> 'n'. */
export function clauseExpr(d: OmpDirective, kind: string): string | undefined {
  return clausesOf(d, kind)[0]?.args?.[0]?.text;
}

export interface ReductionItem {
  readonly op: string;
  readonly item: OmpListItem;
}

export function reductionItems(d: OmpDirective): ReductionItem[] {
  return clausesOf(d, 'reduction').flatMap((c) => (c.items ?? []).map((item) => ({ op: normaliseOp(c.operator?.text ?? '+'), item })));
}

/** One spelling per reduction operator: Fortran dotted and intrinsic names map to C's. */
export function normaliseOp(op: string): string {
  const o = op.trim().toLowerCase();
  const map: Record<string, string> = { '.and.': '&&', '.or.': '||', '.eqv.': '.eqv.', '.neqv.': '.neqv.', iand: '&', ior: '|', ieor: '^' };
  return map[o] ?? o;
}

export interface Schedule {
  readonly kind: string;
  readonly chunk?: string;
}

export function scheduleOf(d: OmpDirective): Schedule {
  const c = clausesOf(d, 'schedule')[0];
  if (!c) return { kind: 'static' };
  return { kind: c.value?.word.toLowerCase() ?? 'static', chunk: c.args?.[0]?.text };
}
