// Renders docs/constructs.md from the vocabulary table, so the user-facing list of what o2ath lowers,
// accepts and rejects can never drift from what the checker does. scripts/gen-constructs-doc.mjs
// writes it; test/openmp/constructs-doc.test.ts fails when the checked-in file is stale.
import { clauseTable, directiveTable } from './spec.js';
import type { ClauseSpec, DirectiveSpec, Support, SupportStatus } from './spec-types.js';

/** Table cells may not contain a bare '|' in GitHub-flavoured markdown, not even inside code spans. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|');
}

function status(s: Support): string {
  return s.status === 'rejected' ? `rejected (\`${s.unsupported}\`)` : s.status;
}

function directiveRow(d: DirectiveSpec): string {
  const name = d.c ?? d.fortran!;
  const c = d.c ? `\`#pragma omp ${d.c}\`` : '—';
  let fortran = d.fortran ? `\`!$omp ${d.fortran}\`` : '—';
  if (d.fortran && d.fortranEnd !== 'none') fortran += d.fortranEnd === 'required' ? ` … \`!$omp end ${d.fortran}\`` : ` [… \`!$omp end ${d.fortran}\`]`;
  return `| ${name} | ${c} | ${fortran} | ${d.association} | ${status(d.support)} | ${cell(d.support.how)} |`;
}

function syntax(c: ClauseSpec): string {
  const n = c.name;
  const mods = c.modifiers?.length ? '[modifier[, modifier]...:] ' : '';
  const values = (c.values ?? []).join('|');
  switch (c.shape) {
    case 'none': return n;
    case 'optional-expr': return `${n}[(expr)]`;
    case 'expr': return c.modifiers?.length ? `${n}([modifier:] expr)` : `${n}(expr)`;
    case 'expr-list': return `${n}(expr[, expr]...)`;
    case 'list': return `${n}(${mods}list)`;
    case 'list-step': return `${n}(list[: ${c.modifiers?.length ? 'step | modifiers' : 'expr'}])`;
    case 'keyword': return `${n}(${c.modifiers?.length ? '[modifier:] ' : ''}${values})`;
    case 'optional-keyword': return `${n}[(${values})]`;
    case 'keyword-pair': return `${n}(${values}[: ${(c.categories ?? []).join('|')}])`;
    case 'reduction': return `${n}([modifier, ...,] identifier: list)`;
    case 'schedule': return `${n}(${mods}kind[, chunk])`;
    case 'depend': return c.modifiers?.length ? `${n}([iterator(...),] type: list)` : `${n}(source: | sink: vector)`;
    case 'text': return `${n}(...)`;
  }
}

function clauseRows(c: ClauseSpec): string[] {
  const lang = c.language ? ` (${c.language === 'c' ? 'C' : 'Fortran'} only)` : '';
  const details: string[] = [];
  if (c.values?.length && c.shape !== 'keyword' && c.shape !== 'optional-keyword' && c.shape !== 'keyword-pair') details.push(`${c.shape === 'depend' ? 'types' : 'kinds'}: ${c.values.join(', ')}`);
  if (c.modifiers?.length) details.push(`modifiers: ${c.modifiers.join(', ')}`);
  const rows = [`| \`${c.name}\`${lang} | \`${cell(syntax(c))}\` | ${cell(details.join('; '))} | ${status(c.support)} | ${cell(c.support.how)} |`];
  for (const [value, s] of Object.entries(c.valueSupport ?? {})) rows.push(`| \`${c.name}(${value})\` | | | ${status(s)} | ${cell(s.how)} |`);
  for (const [mod, s] of Object.entries(c.modifierSupport ?? {})) rows.push(`| \`${c.name}(${mod}: ...)\` | | | ${status(s)} | ${cell(s.how)} |`);
  if (c.sectionSupport) rows.push(`| \`${c.name}\` on array sections | | | ${status(c.sectionSupport)} | ${cell(c.sectionSupport.how)} |`);
  return rows;
}

function counts(items: readonly { support: Support }[]): string {
  const n = (s: SupportStatus) => items.filter((i) => i.support.status === s).length;
  return `${items.length} (${n('lowered')} lowered, ${n('accepted')} accepted, ${n('rejected')} rejected)`;
}

export function renderConstructsDoc(): string {
  const clauses = [...clauseTable].sort((a, b) => a.name.localeCompare(b.name));
  const lines = [
    '# Supported OpenMP constructs',
    '',
    '<!-- Generated from src/openmp/directives.ts and src/openmp/clauses.ts by `node scripts/gen-constructs-doc.mjs`.',
    '     Do not edit by hand: test/openmp/constructs-doc.test.ts fails when this file is stale. -->',
    '',
    'What o2ath does with every OpenMP 5.2 directive and clause when it translates a program to Athread:',
    '',
    '- **lowered**: translated to Athread code (MPE spawn site, CPE kernel).',
    '- **accepted**: valid and compiled, with no Athread-specific effect; o2ath prints a note saying why.',
    '- **rejected**: valid OpenMP that o2ath does not lower yet: an error named `unsupported-*`',
    '  (with `--fallback=host` the enclosing region stays on the MPE, unchanged).',
    '',
    'Invalid OpenMP (unknown directives or clauses, clauses not allowed on a directive, malformed',
    'arguments) is reported with errors named `omp-*`. Fortran directive names may also be written',
    'without blanks (`!$omp paralleldo`, `!$omp enddo`); Fortran `end` directives take the status of',
    'the construct they close.',
    '',
    `Directives: ${counts(directiveTable)}. Clauses: ${counts(clauseTable)}.`,
    '',
    '## Directives',
    '',
    '| directive | C | Fortran | association | status | how |',
    '|---|---|---|---|---|---|',
    ...directiveTable.map(directiveRow),
    '',
    '## Clauses',
    '',
    'A clause is only checked for support on a directive that is itself lowered or accepted.',
    '',
    '| clause | syntax | values | status | how |',
    '|---|---|---|---|---|',
    ...clauses.flatMap(clauseRows),
    '',
  ];
  return lines.join('\n');
}
