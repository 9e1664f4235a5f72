// Program units and nested constructs from the flat statement list: units with their statement
// ranges (internal and module procedures nested after CONTAINS), DO/IF/SELECT/... constructs matched
// with their END statements by kind and construct name, labelled DO loops closed by their terminal
// label (one `10 continue` may close several loops), interface bodies and type definitions kept apart.
import type { DiagnosticBag } from '../../core/diagnostic.js';
import type { SourceFile } from '../../source/source-file.js';
import * as msg from '../../core/messages/fortran.js';
import type { Construct, ConstructKind, FortranStatement, ProgramUnit, StatementKind, UnitKind } from './types.js';

const OPENERS: Partial<Record<StatementKind, ConstructKind>> = {
  'do': 'do', 'if-then': 'if', 'select-case': 'select', 'select-type': 'select', 'where-construct': 'where',
  'forall-construct': 'forall', 'associate': 'associate', 'block': 'block', 'critical': 'critical',
  'type-def': 'type', 'interface': 'interface',
};
const CLOSERS: Partial<Record<StatementKind, ConstructKind>> = {
  'end-do': 'do', 'end-if': 'if', 'end-select': 'select', 'end-where': 'where', 'end-forall': 'forall',
  'end-associate': 'associate', 'end-block': 'block', 'end-critical': 'critical', 'end-type': 'type', 'end-interface': 'interface',
};
const BRANCHES: Partial<Record<StatementKind, ConstructKind>> = {
  'else-if': 'if', 'else': 'if', 'case': 'select', 'type-guard': 'select', 'elsewhere': 'where',
};
const UNIT_HEADERS: Partial<Record<StatementKind, UnitKind>> = {
  'program': 'program', 'module': 'module', 'submodule': 'submodule', 'subroutine': 'subroutine', 'function': 'function', 'block-data': 'block-data',
};
const UNIT_ENDS: Partial<Record<StatementKind, UnitKind>> = {
  'end-program': 'program', 'end-module': 'module', 'end-submodule': 'submodule', 'end-subroutine': 'subroutine',
  'end-function': 'function', 'end-block-data': 'block-data',
};

const EMPTY_SCOPE = (): ProgramUnit['scope'] => ({ entities: [], saveAll: false, implicit: { letters: [] }, uses: [], commons: [] });

export function buildStructure(file: SourceFile, statements: readonly FortranStatement[], bag: DiagnosticBag): { units: ProgramUnit[]; constructs: Construct[] } {
  const units: ProgramUnit[] = [];
  const constructs: Construct[] = [];
  const unitStack: number[] = [];
  const open: number[] = []; // construct indices, innermost last
  const spanOf = (first: number, last: number) => ({ start: statements[first]!.span.start, end: statements[last]!.span.end });

  const openUnit = (kind: UnitKind, s: FortranStatement): void => {
    const d = s.detail.kind === 'unit' ? s.detail : undefined;
    const parent = unitStack[unitStack.length - 1];
    const u: ProgramUnit = {
      index: units.length, kind, ...(d?.name ? { name: d.name } : {}), first: s.index, last: s.index, span: s.span,
      ...(parent !== undefined ? { parent } : {}), children: [], args: d?.args ?? [],
      ...(d?.kind === 'unit' && d.unit === 'function' ? { result: d.result ?? d.name ?? '' } : {}), scope: EMPTY_SCOPE(),
    };
    units.push(u);
    if (parent !== undefined) units[parent]!.children.push(u.index);
    unitStack.push(u.index);
  };

  const closeUnit = (s: FortranStatement): void => {
    const u = units[unitStack.pop()!]!;
    while (open.length && constructs[open[open.length - 1]!]!.unit === u.index) {
      const c = constructs[open.pop()!]!;
      bag.report(file, statements[c.first]!.textSpan, msg.unterminatedConstruct(statements[c.first]!.text.split(/\s/)[0] ?? c.kind));
    }
    u.last = s.index;
    (u as { span: ProgramUnit['span'] }).span = spanOf(u.first, u.last);
  };

  const push = (kind: ConstructKind, s: FortranStatement): void => {
    const parent = open[open.length - 1];
    const d = s.detail;
    const c: Construct = {
      index: constructs.length, kind, ...(s.constructName ? { name: s.constructName } : {}),
      ...(d.kind === 'do' && d.termLabel !== undefined ? { termLabel: d.termLabel } : {}),
      first: s.index, last: -1, bodyLast: -1, branches: [], ...(parent !== undefined ? { parent } : {}), children: [],
      unit: unitStack[unitStack.length - 1] ?? -1,
    };
    constructs.push(c);
    if (parent !== undefined) constructs[parent]!.children.push(c.index);
    open.push(c.index);
  };

  /** Close the innermost open construct of `kind` (warn when others are left open in between). */
  const pop = (kind: ConstructKind, s: FortranStatement): void => {
    let k = open.length - 1;
    while (k >= 0 && constructs[open[k]!]!.kind !== kind) k--;
    if (k < 0) {
      bag.report(file, s.textSpan, msg.unexpectedEnd(s.text));
      return;
    }
    while (open.length - 1 > k) {
      const c = constructs[open.pop()!]!;
      bag.report(file, s.textSpan, msg.mismatchedEnd(s.text, statements[c.first]!.text));
    }
    const c = constructs[open.pop()!]!;
    if (s.constructName && c.name !== s.constructName) bag.report(file, s.textSpan, msg.mismatchedEnd(s.text, statements[c.first]!.text));
    c.last = s.index;
    c.bodyLast = s.index - 1;
  };

  const top = (): Construct | undefined => (open.length ? constructs[open[open.length - 1]!] : undefined);
  const inInterface = (): boolean => {
    const t = top();
    return t !== undefined && (t.kind === 'interface' || t.kind === 'interface-body');
  };

  for (const s of statements) {
    if (s.kind === 'preprocessor') continue;
    // Interface bodies declare procedures defined elsewhere: they are not program units of this file.
    if (inInterface()) {
      if (s.kind === 'subroutine' || s.kind === 'function') push('interface-body', s);
      else if ((s.kind === 'end-subroutine' || s.kind === 'end-function' || s.kind === 'end') && top()!.kind === 'interface-body') pop('interface-body', s);
      else if (s.kind === 'end-interface') pop('interface', s);
      continue;
    }
    const header = UNIT_HEADERS[s.kind];
    if (header) {
      openUnit(header, s);
      continue;
    }
    if (unitStack.length === 0) {
      // Executable code before any PROGRAM statement: an implicit main program.
      openUnit('main', s);
    }
    const endOf = UNIT_ENDS[s.kind];
    if (endOf || s.kind === 'end') {
      const u = units[unitStack[unitStack.length - 1]!]!;
      if (endOf && u.kind !== endOf && !(u.kind === 'main' && endOf === 'program')) bag.report(file, s.textSpan, msg.mismatchedEnd(s.text, u.kind));
      closeUnit(s);
      continue;
    }
    if (s.kind === 'contains') {
      const t = top();
      if (!t || t.kind !== 'type') units[unitStack[unitStack.length - 1]!]!.contains = s.index;
      continue;
    }
    const opener = OPENERS[s.kind];
    if (opener) {
      push(opener, s);
      continue;
    }
    const branch = BRANCHES[s.kind];
    if (branch) {
      const t = top();
      if (t && t.kind === branch) t.branches.push(s.index);
      else bag.report(file, s.textSpan, msg.unexpectedEnd(s.text));
      continue;
    }
    const closer = CLOSERS[s.kind];
    if (closer === 'do' && s.label !== undefined && open.some((i) => constructs[i]!.termLabel === s.label)) {
      closeLabelled(s);
      continue;
    }
    if (closer) {
      pop(closer, s);
      continue;
    }
    if (s.label !== undefined) closeLabelled(s);
  }

  /** A labelled statement ends every DO loop waiting for its label (shared termination). */
  function closeLabelled(s: FortranStatement): void {
    for (;;) {
      const t = top();
      if (!t || t.kind !== 'do' || t.termLabel !== s.label) break;
      t.last = s.index;
      t.bodyLast = s.kind === 'end-do' ? s.index - 1 : s.index;
      open.pop();
    }
  }

  const lastIndex = statements.length - 1;
  while (unitStack.length) {
    const u = units[unitStack[unitStack.length - 1]!]!;
    if (u.kind !== 'main' || open.length) bag.report(file, statements[u.first]!.textSpan, msg.unterminatedConstruct(u.kind === 'main' ? 'program' : u.kind));
    closeUnit(statements[lastIndex]!);
  }
  return { units, constructs };
}
