// The OpenMP vocabulary as one queryable table: directives.ts and clauses.ts hold the data; this file
// indexes it by spelling, derives the Fortran `end` directives and answers the questions the parser,
// the checker and later phases ask ("is this a loop construct?", "what closes `parallel do`?").
import { clauseTable } from './clauses.js';
import { directiveTable } from './directives.js';
import type { Association, ClauseSpec, DirectiveSpec, Language } from './spec-types.js';

export type * from './spec-types.js';
export { clauseTable, directiveTable };

/** One spelling of a directive in one language. */
export interface DirectiveEntry {
  /** Canonical spelling in this language: 'parallel for', 'end parallel do'. */
  readonly kind: string;
  readonly language: Language;
  readonly isEnd: boolean;
  readonly spec: DirectiveSpec;
}

/** The Fortran `end` directive derived from its opener (clauses: only the end clauses). */
function deriveEnd(opener: DirectiveSpec, fortran: string): DirectiveSpec {
  return {
    fortran: `end ${fortran}`,
    association: opener.association,
    clauses: opener.endClauses ?? [],
    fortranEnd: 'none',
    endOf: fortran,
    // `end critical(name)` repeats the name of the critical construct.
    ...(opener.argument?.shape === 'name' ? { argument: opener.argument } : {}),
    support: opener.support,
  };
}

function buildEntries(): DirectiveEntry[] {
  const entries: DirectiveEntry[] = [];
  for (const spec of directiveTable) {
    if (spec.c) entries.push({ kind: spec.c, language: 'c', isEnd: spec.c.startsWith('end '), spec });
    if (spec.fortran) {
      entries.push({ kind: spec.fortran, language: 'fortran', isEnd: false, spec });
      if (spec.fortranEnd !== 'none') {
        const end = deriveEnd(spec, spec.fortran);
        entries.push({ kind: end.fortran!, language: 'fortran', isEnd: true, spec: end });
      }
    }
  }
  return entries;
}

/** Every directive spelling, C first then Fortran, in table order; Fortran end forms follow their opener. */
export const directiveEntries: readonly DirectiveEntry[] = buildEntries();

const byKind: Record<Language, Map<string, DirectiveEntry>> = { c: new Map(), fortran: new Map() };
/** Fortran free form lets some directive names drop their blanks (`paralleldo`, `enddo`); we accept it for all. */
const fortranSpaceless = new Map<string, DirectiveEntry>();
for (const e of directiveEntries) {
  byKind[e.language].set(e.kind, e);
  if (e.language === 'fortran') fortranSpaceless.set(e.kind.replace(/ /g, ''), e);
}
/** The longest directive name, in words: bounds the greedy match in the parser. */
export const maxDirectiveWords = Math.max(...directiveEntries.map((e) => e.kind.split(' ').length));

const clauseByName = new Map<string, ClauseSpec>(clauseTable.map((c) => [c.name, c]));

/** The entry for a canonical spelling; without `language`, C is tried first, then Fortran. */
export function getDirectiveEntry(kind: string, language?: Language): DirectiveEntry | undefined {
  if (language) return byKind[language].get(kind);
  return byKind.c.get(kind) ?? byKind.fortran.get(kind);
}

export function getDirectiveSpec(kind: string, language?: Language): DirectiveSpec | undefined {
  return getDirectiveEntry(kind, language)?.spec;
}

/**
 * Match a directive name made of `words` (already lower-cased for Fortran). C needs the exact words;
 * Fortran also matches with the blanks removed, so `end paralleldo` and `enddo` are found.
 */
export function matchDirectiveWords(words: readonly string[], language: Language): DirectiveEntry | undefined {
  if (language === 'c') return byKind.c.get(words.join(' '));
  return byKind.fortran.get(words.join(' ')) ?? fortranSpaceless.get(words.join(''));
}

export function clauseSpec(name: string, language?: Language): ClauseSpec | undefined {
  const spec = clauseByName.get(name);
  if (spec && language && spec.language && spec.language !== language) return undefined;
  return spec;
}

export function isLoopDirective(kind: string, language?: Language): boolean {
  const e = getDirectiveEntry(kind, language);
  return !!e && !e.isEnd && e.spec.association === 'loop';
}

export function isEndDirective(kind: string, language?: Language): boolean {
  return getDirectiveEntry(kind, language)?.isEnd ?? false;
}

/** Fortran: the `end` directive closing `kind` ('parallel do' → 'end parallel do'); undefined when it has none. */
export function endDirectiveFor(kind: string, language: Language = 'fortran'): string | undefined {
  if (language === 'c') {
    const e = directiveEntries.find((x) => x.language === 'c' && x.spec.endOf === kind);
    return e?.kind;
  }
  const spec = byKind.fortran.get(kind)?.spec;
  return spec && spec.fortranEnd !== 'none' ? `end ${kind}` : undefined;
}

/** Whether the Fortran end directive of `kind` must appear ('required'), may ('optional') or cannot ('none'). */
export function fortranEndOf(kind: string): 'required' | 'optional' | 'none' {
  return byKind.fortran.get(kind)?.spec.fortranEnd ?? 'none';
}

/** The directive an end directive closes ('end parallel do' → 'parallel do'). */
export function openerOf(endKind: string, language?: Language): string | undefined {
  const e = getDirectiveEntry(endKind, language);
  return e?.isEnd ? e.spec.endOf : undefined;
}

/** The same directive in the other language's spelling ('parallel for' ↔ 'parallel do'), if it has one. */
export function otherSpelling(kind: string, language: Language): string | undefined {
  const e = byKind[language].get(kind);
  if (!e) return undefined;
  // C has no `end` for the constructs Fortran closes, and Fortran none of C's begin/end pairs.
  if (e.isEnd) return undefined;
  return language === 'c' ? e.spec.fortran : e.spec.c;
}

/**
 * The association of one written directive: like the table's, except that `ordered` with a
 * `doacross`/`depend` clause is standalone ('none'). Separating directives (section, scan) are
 * reported as such; regions decide what they split.
 */
export function associationOf(kind: string, clauseKinds: readonly string[], language?: Language): Association | undefined {
  const spec = getDirectiveSpec(kind, language);
  if (!spec) return undefined;
  if (spec.standaloneWith?.some((c) => clauseKinds.includes(c))) return 'none';
  return spec.association;
}

/** How a directive is written in diagnostics: `#pragma omp parallel for`, `!$omp parallel do`. */
export function directiveDisplay(kind: string, language: Language): string {
  return language === 'c' ? `#pragma omp ${kind}` : `!$omp ${kind}`;
}
