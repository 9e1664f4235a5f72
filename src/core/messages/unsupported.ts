// Valid OpenMP that o2ath does not lower to Athread. With --fallback=host the region stays on the MPE.
// openmp/spec.ts names one of these for every rejected directive, clause, value and modifier; the
// names are stable (tests, --fallback and users' build logs depend on them).
import { defineMessage, type Message } from '../diagnostic.js';

const notYet = (what: string): string => `'${what}' is not supported on Athread yet`;

export const directive = defineMessage('unsupported-directive', 'error', notYet);
export const task = defineMessage('unsupported-task', 'error', notYet);
export const taskloop = defineMessage('unsupported-taskloop', 'error', notYet);
export const target = defineMessage('unsupported-target', 'error', notYet);
export const simd = defineMessage('unsupported-simd', 'error', notYet);
export const critical = defineMessage('unsupported-critical', 'error', notYet);
export const atomic = defineMessage('unsupported-atomic', 'error', notYet);
export const single = defineMessage('unsupported-single', 'error', notYet);
export const sections = defineMessage('unsupported-sections', 'error', notYet);
export const master = defineMessage('unsupported-master', 'error', notYet);
export const ordered = defineMessage('unsupported-ordered', 'error', notYet);
export const workshare = defineMessage('unsupported-workshare', 'error', notYet);
export const threadprivate = defineMessage('unsupported-threadprivate', 'error', notYet);
export const cancel = defineMessage('unsupported-cancel', 'error', notYet);
export const declare = defineMessage('unsupported-declare', 'error', notYet);
export const loopTransform = defineMessage('unsupported-loop-transform', 'error', notYet);
export const clause = defineMessage('unsupported-clause', 'error', (clause: string, directive: string) => `'${clause}' clause on '${directive}' is not supported on Athread yet`);
export const schedule = defineMessage('unsupported-schedule', 'error', (kind: string) => `'schedule(${kind})' is not supported on Athread yet`);
export const modifier = defineMessage('unsupported-modifier', 'error', (modifier: string, clause: string) => `'${modifier}' modifier in '${clause}' clause is not supported on Athread yet`);
export const value = defineMessage('unsupported-value', 'error', (clause: string, value: string) => `'${clause}(${value})' is not supported on Athread yet`);
export const arraySection = defineMessage('unsupported-array-section', 'error', (item: string, clause: string) => `array section '${item}' in '${clause}' clause is not supported on Athread yet`);
/** Accepted constructs: valid, compiled, but with no Athread-specific effect. */
export const accepted = defineMessage('accepted', 'note', (what: string, how: string) => `'${what}' is accepted: ${how}`);

/** Names the table may use for a rejected directive. */
const directiveMessages = {
  'unsupported-directive': directive,
  'unsupported-task': task,
  'unsupported-taskloop': taskloop,
  'unsupported-target': target,
  'unsupported-simd': simd,
  'unsupported-critical': critical,
  'unsupported-atomic': atomic,
  'unsupported-single': single,
  'unsupported-sections': sections,
  'unsupported-master': master,
  'unsupported-ordered': ordered,
  'unsupported-workshare': workshare,
  'unsupported-threadprivate': threadprivate,
  'unsupported-cancel': cancel,
  'unsupported-declare': declare,
  'unsupported-loop-transform': loopTransform,
} as const;

export type UnsupportedDirectiveName = keyof typeof directiveMessages;
export type UnsupportedName =
  | UnsupportedDirectiveName
  | 'unsupported-clause'
  | 'unsupported-schedule'
  | 'unsupported-modifier'
  | 'unsupported-value'
  | 'unsupported-array-section';

export const unsupportedDirectiveNames: readonly UnsupportedDirectiveName[] = Object.keys(directiveMessages) as UnsupportedDirectiveName[];

/** The message for a rejected directive; `display` is how the user wrote it ('#pragma omp task'). */
export function unsupportedDirective(name: UnsupportedName, display: string): Message {
  const make = (directiveMessages as Record<string, (what: string) => Message>)[name] ?? directive;
  return make(display);
}
