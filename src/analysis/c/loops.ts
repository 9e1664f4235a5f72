// Canonical loop form (OpenMP 5.2 section 4.4.1) for C: `for (v = lb; v OP ub; v += step)` with OP one
// of < <= > >= != and the increment written as ++, --, +=, -=, v = v + s, v = s + v or v = v - s.
// The result is text of the user's own expressions, normalised so the iteration count is
// computable on each CPE.
import type { SyntaxNode } from '../../frontend/c/syntax.js';
import { declaratorIdentifier, specText } from './declarations.js';

export type LoopCompare = '<' | '<=' | '>' | '>=' | '!=';

export interface CanonicalLoop {
  /** Loop variable name. */
  readonly var: string;
  /** Offset of the variable's declarator when declared in the init (`for (int i = ...)`). */
  readonly declaredAt?: number;
  /** Type of the variable when declared in the init. */
  readonly declaredType?: string;
  readonly lb: string;
  readonly ub: string;
  readonly cmp: LoopCompare;
  /** Signed step expression: '1', '-1', '(s)', '-(s)'. */
  readonly step: string;
  /** Step sign when known from the increment form (+1 for ++ and +=, -1 for -- and -=). */
  readonly direction: 1 | -1;
  readonly body: SyntaxNode;
  readonly node: SyntaxNode;
}

export type LoopResult = { ok: true; loop: CanonicalLoop } | { ok: false; at: SyntaxNode; why: string };

function stripParens(n: SyntaxNode): SyntaxNode {
  while (n.type === 'parenthesized_expression' && n.namedChildCount === 1) n = n.namedChild(0)!;
  return n;
}

const FLIP: Record<string, LoopCompare> = { '<': '>', '<=': '>=', '>': '<', '>=': '<=', '!=': '!=' };

export function extractLoop(node: SyntaxNode): LoopResult {
  if (node.type !== 'for_statement') return { ok: false, at: node, why: 'expected a for loop' };
  const init = node.childForFieldName('initializer');
  const cond = node.childForFieldName('condition');
  const upd = node.childForFieldName('update');
  const body = node.childForFieldName('body');
  if (!init || !cond || !upd || !body) return { ok: false, at: node, why: 'a loop in canonical form needs an initialiser, a test and an increment' };

  let v: string;
  let lb: string;
  let declaredAt: number | undefined;
  let declaredType: string | undefined;
  if (init.type === 'declaration') {
    const ds = init.childrenForFieldName('declarator');
    if (ds.length !== 1 || ds[0]!.type !== 'init_declarator') return { ok: false, at: init, why: 'the initialiser must declare one variable with a value' };
    const id = declaratorIdentifier(ds[0]!.childForFieldName('declarator'));
    const value = ds[0]!.childForFieldName('value');
    if (!id || id.parent?.id !== ds[0]!.id || !value) return { ok: false, at: init, why: 'the loop variable must be a plain integer variable' };
    v = id.text;
    lb = value.text;
    declaredAt = id.startIndex;
    declaredType = specText(init);
  } else {
    const a = stripParens(init);
    if (a.type !== 'assignment_expression' || a.childForFieldName('operator')?.text !== '=') return { ok: false, at: init, why: "the initialiser must be 'var = lb'" };
    const left = stripParens(a.childForFieldName('left')!);
    if (left.type !== 'identifier') return { ok: false, at: left, why: 'the loop variable must be a plain variable' };
    v = left.text;
    lb = a.childForFieldName('right')!.text;
  }

  const c = stripParens(cond);
  if (c.type !== 'binary_expression') return { ok: false, at: cond, why: `the test must compare '${v}' with <, <=, >, >= or !=` };
  let op = c.childForFieldName('operator')!.text;
  const l = stripParens(c.childForFieldName('left')!);
  const r = stripParens(c.childForFieldName('right')!);
  let ub: string;
  if (l.type === 'identifier' && l.text === v) ub = c.childForFieldName('right')!.text;
  else if (r.type === 'identifier' && r.text === v) {
    ub = c.childForFieldName('left')!.text;
    op = FLIP[op] ?? op;
  } else return { ok: false, at: cond, why: `the test must compare '${v}' with the loop bound` };
  if (!(op in FLIP)) return { ok: false, at: cond, why: `'${op}' is not a canonical loop test; use <, <=, >, >= or !=` };

  const u = stripParens(upd);
  let step: string | undefined;
  let direction: 1 | -1 = 1;
  if (u.type === 'update_expression') {
    const arg = stripParens(u.childForFieldName('argument')!);
    const uop = u.childForFieldName('operator')!.text;
    if (arg.text === v) {
      step = uop === '++' ? '1' : '-1';
      direction = uop === '++' ? 1 : -1;
    }
  } else if (u.type === 'assignment_expression') {
    const left = stripParens(u.childForFieldName('left')!);
    const aop = u.childForFieldName('operator')!.text;
    const right = u.childForFieldName('right')!;
    if (left.text === v) {
      if (aop === '+=') step = `(${right.text})`;
      else if (aop === '-=') {
        step = `-(${right.text})`;
        direction = -1;
      } else if (aop === '=') {
        const rr = stripParens(right);
        if (rr.type === 'binary_expression') {
          const bo = rr.childForFieldName('operator')!.text;
          const bl = rr.childForFieldName('left')!;
          const br = rr.childForFieldName('right')!;
          if (bo === '+' && stripParens(bl).text === v) step = `(${br.text})`;
          else if (bo === '+' && stripParens(br).text === v) step = `(${bl.text})`;
          else if (bo === '-' && stripParens(bl).text === v) {
            step = `-(${br.text})`;
            direction = -1;
          }
        }
      }
    }
  }
  if (!step) return { ok: false, at: upd, why: `the increment must change '${v}' by a loop-invariant amount (++, --, +=, -=)` };
  if (/^-?\(?\s*[0-9]+\s*\)?$/.test(step) && Number(step.replace(/[()\s]/g, '')) < 0) direction = -1;
  if ((op === '<' || op === '<=') && direction < 0) return { ok: false, at: upd, why: `'${v}' decreases but the test is '${op}': the loop does not terminate in canonical form` };
  if ((op === '>' || op === '>=') && direction > 0 && step !== '1' && !step.startsWith('-')) {
    // `i > 0; i += k` with k possibly negative is allowed; only a literal increment here is wrong.
    if (/^\(?[0-9]+\)?$/.test(step)) return { ok: false, at: upd, why: `'${v}' increases but the test is '${op}'` };
  }
  return { ok: true, loop: { var: v, declaredAt, declaredType, lb, ub, cmp: op as LoopCompare, step, direction: (op === '>' || op === '>=') ? -1 : direction, body, node } };
}

/**
 * The iteration count as a C expression of type long, evaluated where lb, ub and step are in scope.
 * For `!=` the step must be 1 or -1 (OpenMP 5.2 4.4.1), so the count is the distance.
 */
export function tripCountExpr(l: CanonicalLoop): string {
  const lb = `(long)(${l.lb})`;
  const ub = `(long)(${l.ub})`;
  const st = `(long)(${l.step})`;
  switch (l.cmp) {
    case '<':
      return `(${ub} > ${lb} ? (${ub} - ${lb} + ${st} - 1) / ${st} : 0)`;
    case '<=':
      return `(${ub} >= ${lb} ? (${ub} - ${lb}) / ${st} + 1 : 0)`;
    case '>':
      return `(${lb} > ${ub} ? (${lb} - ${ub} - ${st} - 1) / -${st} : 0)`;
    case '>=':
      return `(${lb} >= ${ub} ? (${lb} - ${ub}) / -${st} + 1 : 0)`;
    case '!=':
      return `((${ub} - ${lb}) / ${st})`;
  }
}
