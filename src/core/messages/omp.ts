// Invalid OpenMP: the directive or clause is wrong whatever the target. Texts follow gcc's wording
// where gcc has one; `directive` arguments are display forms such as '#pragma omp parallel for' or
// '!$omp parallel do' (openmp/spec.ts directiveDisplay).
import { defineMessage } from '../diagnostic.js';

/** 'a', 'b' or 'c' */
export function alternatives(words: readonly string[]): string {
  const q = words.map((w) => `'${w}'`);
  if (q.length <= 1) return q.join('');
  return `${q.slice(0, -1).join(', ')} or ${q[q.length - 1]}`;
}

const didYouMean = (suggestion?: string): string => (suggestion ? `; did you mean '${suggestion}'?` : '');

export const unknownDirective = defineMessage('omp-unknown-directive', 'error', (word: string, suggestion?: string) => `unknown OpenMP directive '${word}'${didYouMean(suggestion)}`);
export const wrongLanguage = defineMessage('omp-wrong-language', 'error', (kind: string, language: string, other?: string) =>
  other ? `'${kind}' is the ${language} spelling; use '${other}'` : `'${kind}' exists only in ${language}`,
);
export const unknownClause = defineMessage('omp-unknown-clause', 'error', (word: string, directive: string, suggestion?: string) => `unknown clause '${word}' on '${directive}'${didYouMean(suggestion)}`);
export const syntax = defineMessage('omp-syntax', 'error', (what: string) => what);
export const expected = defineMessage('omp-expected', 'error', (what: string, before?: string) => (before === undefined ? `expected ${what}` : `expected ${what} before '${before}'`));
export const clauseNotAllowed = defineMessage('omp-clause-not-allowed', 'error', (clause: string, directive: string) => `'${clause}' is not valid for '${directive}'`);
export const duplicateClause = defineMessage('omp-duplicate-clause', 'error', (clause: string) => `too many '${clause}' clauses`);
export const exclusiveClauses = defineMessage('omp-exclusive-clauses', 'error', (clause: string, other: string) => `'${clause}' cannot be used together with '${other}'`);
export const missingClause = defineMessage('omp-missing-clause', 'error', (directive: string, clauses: readonly string[]) =>
  clauses.length === 1 ? `'${directive}' requires a '${clauses[0]}' clause` : `'${directive}' requires at least one of the clauses ${alternatives(clauses)}`,
);
export const missingArgument = defineMessage('omp-missing-argument', 'error', (name: string) => `expected '(' after '${name}'`);
export const unexpectedArgument = defineMessage('omp-unexpected-argument', 'error', (name: string) => `'${name}' takes no argument`);
export const emptyList = defineMessage('omp-empty-list', 'error', (clause: string) => `expected at least one list item in '${clause}'`);
export const emptyArgument = defineMessage('omp-empty-argument', 'error', (clause: string) => `expected an expression in '${clause}' clause`);
export const badValue = defineMessage('omp-bad-value', 'error', (value: string, clause: string, allowed: readonly string[]) =>
  `invalid '${clause}' kind '${value}'; expected ${alternatives(allowed)}`,
);
export const badModifier = defineMessage('omp-bad-modifier', 'error', (modifier: string, clause: string, suggestion?: string) => `invalid modifier '${modifier}' in '${clause}' clause${didYouMean(suggestion)}`);
export const badIfModifier = defineMessage('omp-bad-if-modifier', 'error', (modifier: string, directive: string) => `'${modifier}' does not name a construct of '${directive}'`);
export const badReductionOp = defineMessage('omp-bad-reduction-op', 'error', (op: string) => `invalid reduction identifier '${op}'`);
/** `where` is `clause 'private'` or a directive display such as `'#pragma omp threadprivate'`. */
export const badListItem = defineMessage('omp-bad-list-item', 'error', (item: string, where: string) => `'${item}' is not a variable in ${where}`);
export const commonBlock = defineMessage('omp-common-block', 'error', (item: string, clause: string) => `common block '${item}' is not allowed in '${clause}' clause`);
export const exclusiveModifiers = defineMessage('omp-exclusive-modifiers', 'error', (modifier: string, other: string, clause: string) =>
  `'${modifier}' cannot be used together with '${other}' in '${clause}' clause`,
);
export const notPositive = defineMessage('omp-not-positive', 'error', (clause: string) => `'${clause}' argument needs positive constant integer expression`);
export const scheduleChunk = defineMessage('omp-schedule-chunk', 'error', (kind: string) => `schedule '${kind}' does not take a chunk size`);
export const duplicateVar = defineMessage('omp-duplicate-var', 'error', (name: string) => `'${name}' appears in more than one data-sharing clause`);
export const firstListed = defineMessage('omp-first-listed', 'note', () => 'first listed here');
