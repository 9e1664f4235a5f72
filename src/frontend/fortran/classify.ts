// Statement classification: one logical statement's text (label already removed) → kind, detail and
// the expression regions the reference finder reads. Keywords are not reserved in Fortran, so an
// assignment (`do = 1`, `if(i) = 2`) is recognised first, by its shape `designator =`.
import { Cursor, findTop, splitTop, trimRange, type Range } from './cursor.js';
import {
  classifyAttributeStmt, classifyCommon, classifyImplicit, classifyInterface, classifyParameter, classifyProcedureOrDecl,
  classifyTypeDef, classifyUse, simple, type Classified, type ToFile,
} from './classify-spec.js';
import type { ActualArg, ExprRegion, StatementKind } from './types.js';

export type { Classified, ToFile };

const CONSTRUCT_WORDS = /^(do|if|select|where|forall|associate|block|critical)\b/i;

export function classifyStatement(text: string, toFile: ToFile, squeezed = false): Classified {
  const c = new Cursor(text, 0, text.length, squeezed);
  // Construct name: `outer: do i = ...` (but not `a::b` or a type-spec).
  const cn = /^\s*([A-Za-z]\w*)\s*:(?!:)\s*/.exec(text);
  if (cn && CONSTRUCT_WORDS.test(text.slice(cn[0].length))) {
    c.pos = cn[0].length;
    const r = classifyAt(c, toFile);
    return { ...r, constructName: cn[1]!.toLowerCase() };
  }
  return classifyAt(c, toFile);
}

/** `designator =` or `designator =>` at the start: the offset of the operator. */
function assignmentShape(c: Cursor): { op: number; pointer: boolean; target: Range; name: string } | undefined {
  const save = c.pos;
  const n = c.name();
  if (!n) return undefined;
  for (;;) {
    if (c.peek('(')) {
      if (!c.parens()) break;
    } else if (c.peek('%')) {
      c.pos++;
      if (!c.name()) break;
    } else if (c.peek('[')) {
      // Coarray image selector.
      const close = c.text.indexOf(']', c.pos);
      if (close < 0) break;
      c.pos = close + 1;
    } else break;
  }
  c.ws();
  const t = c.text;
  const target = { start: n.start, end: c.pos };
  let res: ReturnType<typeof assignmentShape>;
  if (t.startsWith('=>', c.pos)) res = { op: c.pos, pointer: true, target, name: n.name };
  else if (t[c.pos] === '=' && t[c.pos + 1] !== '=') res = { op: c.pos, pointer: false, target, name: n.name };
  c.pos = save;
  return res;
}

function classifyAt(c: Cursor, toFile: ToFile): Classified {
  const text = c.text;
  const asg = assignmentShape(c);
  if (asg && !(c.squeezed && isSqueezedDo(text))) {
    const start = c.rest().start;
    const target = trimRange(text, asg.target);
    return simple(asg.pointer ? 'pointer-assignment' : 'assignment', [{ start, end: text.length }], {
      kind: 'assignment', target: c.slice(target), targetName: asg.name, targetSpan: toFile(target),
    });
  }
  const all = (): ExprRegion[] => [c.rest()];
  const parensThenRest = (kind: StatementKind): Classified => {
    const exprs: ExprRegion[] = [];
    const p = c.parens();
    if (p) exprs.push({ start: p.start, end: p.end, keywords: true });
    const r = c.rest();
    if (r.end > r.start) exprs.push(r);
    return simple(kind, exprs, { kind: 'io', ...(p ? { control: c.slice(p).trim() } : {}) });
  };

  if (c.kw('end file')) return parensThenRest('endfile');
  if (END_WORDS.some(([w]) => peekKw(c, `end ${w}`)) || peekKw(c, 'end')) {
    c.ws();
    c.pos += 3; // `end` may run straight into the next word (`enddo`, `endsubroutine`)
    return classifyEnd(c);
  }
  if (c.kw('program')) return simple('program', [], { kind: 'unit', unit: 'program', ...nameOf(c) });
  if (c.kw('block data')) return simple('block-data', [], { kind: 'unit', unit: 'block-data', ...nameOf(c) });
  if (c.kw('submodule')) {
    const p = c.parens();
    const parent = p ? c.slice(p).trim().toLowerCase() : undefined;
    return simple('submodule', [], { kind: 'unit', unit: 'submodule', ...nameOf(c), ...(parent ? { parent } : {}) });
  }
  {
    const s = c.pos;
    if (c.kw('module')) {
      if (c.kw('procedure')) return simple('procedure');
  // Type-bound GENERIC and FINAL bindings (inside a type's CONTAINS part) are procedure statements too.
  if (tryKw(c, 'generic', () => c.peek('::') || c.peek(','))) return simple('procedure');
  if (tryKw(c, 'final', () => c.peek('::'))) return simple('procedure');
      c.pos = s;
      const proc = classifyProcedureOrDecl(c, toFile);
      if (proc) return proc;
      c.kw('module');
      return simple('module', [], { kind: 'unit', unit: 'module', ...nameOf(c) });
    }
  }
  // `type is (...)` and `class is / class default` inside SELECT TYPE, `type t` definitions.
  {
    const s = c.pos;
    if (c.kw('type is') && c.hasParens()) return simple('type-guard', [], { kind: 'case', selector: c.slice(c.parens()!), isDefault: false });
    c.pos = s;
    if (c.kw('class is') && c.hasParens()) return simple('type-guard', [], { kind: 'case', selector: c.slice(c.parens()!), isDefault: false });
    c.pos = s;
    if (c.kw('class default')) return simple('type-guard', [], { kind: 'case', isDefault: true });
    c.pos = s;
    if (c.kw('type') && !c.peek('(')) return classifyTypeDef(c);
    c.pos = s;
  }
  const proc = classifyProcedureOrDecl(c, toFile);
  if (proc) return proc;

  if (c.kw('contains')) return simple('contains');
  if (c.kw('use')) return classifyUse(c);
  if (c.kw('import')) return simple('import');
  if (c.kw('implicit')) return classifyImplicit(c);
  if (c.kw('parameter')) return classifyParameter(c, toFile);
  if (c.kw('common')) return classifyCommon(c, toFile);
  if (c.kw('equivalence')) return simple('equivalence', all());
  if (c.kw('data')) return simple('data', all());
  if (c.kw('namelist')) return simple('namelist', all());
  if (c.kw('dimension')) return classifyAttributeStmt(c, 'dimension', 'dimension', toFile);
  if (c.kw('save')) return classifyAttributeStmt(c, 'save', 'save', toFile);
  if (c.kw('external')) return classifyAttributeStmt(c, 'external', 'external', toFile);
  if (c.kw('intrinsic')) return classifyAttributeStmt(c, 'intrinsic', 'intrinsic', toFile);
  for (const a of ['allocatable', 'pointer', 'target', 'optional', 'intent', 'value', 'volatile', 'public', 'private',
    'protected', 'asynchronous', 'contiguous', 'bind']) {
    if (c.kw(a)) return classifyAttributeStmt(c, 'attribute', a, toFile);
  }
  if (c.kw('entry')) return simple('entry');
  if (c.kw('sequence')) return simple('sequence');
  if (tryKw(c, 'format', () => c.peek('('))) return simple('format');
  if (c.kw('include')) {
    const r = c.rest();
    return simple('include', [], { kind: 'include', path: c.slice(r).trim().replace(/^['"]|['"]$/g, '') });
  }
  if (c.kw('abstract interface')) return classifyInterface(c, true);
  if (c.kw('interface')) return classifyInterface(c, false);
  if (c.kw('procedure')) return simple('procedure');
  // Type-bound GENERIC and FINAL bindings (inside a type's CONTAINS part) are procedure statements too.
  if (tryKw(c, 'generic', () => c.peek('::') || c.peek(','))) return simple('procedure');
  if (tryKw(c, 'final', () => c.peek('::'))) return simple('procedure');
  if (c.kw('do', true)) return classifyDo(c, toFile);
  if (c.kw('if')) return classifyIf(c);
  if (c.kw('else if')) {
    const p = c.parens();
    c.kw('then');
    return { ...simple('else-if', p ? [p] : [], { kind: 'condition', condition: p ? c.slice(p).trim() : '' }), ...endName(c) };
  }
  if (c.kw('else where')) {
    const p = c.parens();
    return { ...simple('elsewhere', p ? [p] : [], { kind: 'condition', condition: p ? c.slice(p).trim() : '' }), ...endName(c) };
  }
  if (c.kw('else')) return { ...simple('else'), ...endName(c) };
  if (c.kw('select case')) return selectLike(c, 'select-case');
  if (c.kw('select type')) return selectLike(c, 'select-type');
  if (c.kw('case default')) return { ...simple('case', [], { kind: 'case', isDefault: true }), ...endName(c) };
  if (c.kw('case')) {
    const p = c.parens();
    return { ...simple('case', p ? [p] : [], { kind: 'case', isDefault: false, ...(p ? { selector: c.slice(p).trim() } : {}) }), ...endName(c) };
  }
  if (c.kw('where')) return maskedConstruct(c, 'where-construct', 'where');
  if (c.kw('forall')) return maskedConstruct(c, 'forall-construct', 'forall');
  if (c.kw('associate')) {
    const p = c.parens();
    const names: string[] = [];
    const exprs: ExprRegion[] = [];
    if (p) {
      for (const part of splitTop(c.text, p.start, p.end)) {
        const arrow = findTop(c.text, part.start, part.end, '=>');
        if (arrow < 0) continue;
        names.push(c.text.slice(part.start, arrow).trim().toLowerCase());
        exprs.push({ start: arrow + 2, end: part.end });
      }
    }
    return simple('associate', exprs, { kind: 'associate', names });
  }
  if (tryKw(c, 'block', () => c.atEnd())) return simple('block');
  if (c.kw('critical')) return simple('critical');
  if (c.kw('exit')) return simple('exit', [], { kind: 'jump', ...nameTarget(c) });
  if (c.kw('cycle')) return simple('cycle', [], { kind: 'jump', ...nameTarget(c) });
  if (c.kw('go to', true)) return classifyGoto(c);
  if (c.kw('continue')) return simple('continue');
  if (c.kw('return')) return simple('return', all());
  if (c.kw('error stop')) return simple('stop', all());
  if (c.kw('stop', true)) return simple('stop', all());
  if (c.kw('call')) {
    const n = c.name();
    const p = c.parens();
    const args = p ? actualArgs(c.text, p, toFile) : [];
    return simple('call', p ? [{ start: p.start, end: p.end, keywords: true }] : [], { kind: 'call', name: n?.name ?? '', args });
  }
  for (const k of ['allocate', 'deallocate', 'nullify'] as const) {
    if (tryKw(c, k, () => c.hasParens())) {
      const p = c.parens()!;
      return simple(k, [{ start: p.start, end: p.end, keywords: true }]);
    }
  }
  for (const k of ['read', 'write', 'open', 'close', 'inquire', 'rewind', 'backspace', 'flush', 'wait'] as const) {
    if (c.kw(k)) return parensThenRest(k);
  }
  if (c.kw('print')) return simple('print', all(), { kind: 'io' });
  return simple('unknown');
}

/**
 * `DO10I=1,N` read as an assignment to `do10i`: in fixed form the top-level comma after `=` makes it
 * a DO statement (the classic blank-insensitivity ambiguity).
 */
export function isSqueezedDo(text: string): boolean {
  const m = /^\s*do\s*\d*\s*[a-z][a-z0-9_$]*\s*=/i.exec(text);
  return m !== null && findTop(text, m[0].length, text.length, ',') >= 0;
}

/** Would keyword `w` match here? (cursor unchanged) */
function peekKw(c: Cursor, w: string): boolean {
  const s = c.pos;
  const ok = c.kw(w);
  c.pos = s;
  return ok;
}

/** Match keyword `w` only when `then` also holds; otherwise leave the cursor where it was. */
function tryKw(c: Cursor, w: string, then: () => boolean): boolean {
  const s = c.pos;
  if (c.kw(w) && then()) return true;
  c.pos = s;
  return false;
}

function nameOf(c: Cursor): { name?: string } {
  const n = c.name();
  return n ? { name: n.name } : {};
}

/** The optional construct name after END DO, ELSE, CASE ...: recorded as `constructName`. */
function endName(c: Cursor): { constructName?: string } {
  const n = c.name();
  return n ? { constructName: n.name } : {};
}

function nameTarget(c: Cursor): { target?: string } {
  const n = c.name();
  return n ? { target: n.name } : {};
}

const END_WORDS: readonly [string, StatementKind][] = [
  ['program', 'end-program'], ['module', 'end-module'], ['submodule', 'end-submodule'], ['subroutine', 'end-subroutine'],
  ['function', 'end-function'], ['block data', 'end-block-data'], ['do', 'end-do'], ['if', 'end-if'], ['select', 'end-select'],
  ['where', 'end-where'], ['forall', 'end-forall'], ['associate', 'end-associate'], ['block', 'end-block'],
  ['critical', 'end-critical'], ['type', 'end-type'], ['interface', 'end-interface'], ['procedure', 'end-subroutine'],
];

/** After END (or the `end` prefix of a joined `enddo`). */
function classifyEnd(c: Cursor): Classified {
  if (c.atEnd()) return simple('end', [], { kind: 'end' });
  for (const [w, kind] of END_WORDS) {
    if (c.kw(w)) {
      if (kind === 'end-interface') return simple(kind, [], { kind: 'end' }); // `end interface operator(+)`
      const n = c.name();
      const named = n ? { name: n.name } : {};
      const isConstruct = !/^end-(program|module|submodule|subroutine|function|block-data|type)$/.test(kind);
      return { ...simple(kind, [], { kind: 'end', ...named }), ...(isConstruct && n ? { constructName: n.name } : {}) };
    }
  }
  return simple('unknown');
}

/** Actual arguments inside `( )`, split at top-level commas; `name = value` marks a keyword argument. */
function actualArgs(text: string, p: Range, toFile: ToFile): ActualArg[] {
  const out: ActualArg[] = [];
  if (text.slice(p.start, p.end).trim() === '') return out;
  for (const part of splitTop(text, p.start, p.end)) {
    const r = trimRange(text, part);
    const kw = /^([A-Za-z]\w*)\s*=(?![=>])\s*/.exec(text.slice(r.start, r.end));
    const v = kw ? { start: r.start + kw[0].length, end: r.end } : r;
    out.push({ text: text.slice(v.start, v.end), span: toFile(v), ...(kw ? { keyword: kw[1]!.toLowerCase() } : {}) });
  }
  return out;
}

function classifyDo(c: Cursor, toFile: ToFile): Classified {
  const termLabel = c.label();
  const lab = termLabel !== undefined ? { termLabel } : {};
  c.eat(',');
  if (c.atEnd()) return simple('do', [], { kind: 'do', form: 'infinite', ...lab });
  const s = c.pos;
  if (c.kw('while')) {
    const p = c.parens();
    return simple('do', p ? [p] : [], { kind: 'do', form: 'while', ...lab, ...(p ? { condition: c.slice(p).trim() } : {}) });
  }
  c.pos = s;
  if (c.kw('concurrent')) {
    const p = c.parens();
    return simple('do', p ? [p] : [], { kind: 'do', form: 'concurrent', ...lab, ...(p ? { condition: c.slice(p).trim() } : {}) });
  }
  c.pos = s;
  const region = c.rest();
  const v = c.name();
  if (!v || !c.eat('=')) return simple('unknown');
  const r = c.rest();
  const ranges = splitTop(c.text, r.start, r.end).map((p) => trimRange(c.text, p));
  const parts = ranges.map((p) => c.slice(p));
  const at = (k: number): Range => ranges[k] ?? { start: r.end, end: r.end };
  return simple('do', [region], {
    kind: 'do', form: 'counted', ...lab, variable: v.name, start: parts[0] ?? '', end: parts[1] ?? '',
    ...(parts[2] !== undefined ? { step: parts[2] } : {}),
    spans: { variable: toFile(v), start: toFile(at(0)), end: toFile(at(1)), ...(ranges[2] ? { step: toFile(ranges[2]) } : {}) },
  });
}

function classifyIf(c: Cursor): Classified {
  const p = c.parens();
  if (!p) return simple('unknown');
  const condition = c.slice(p).trim();
  const s = c.pos;
  if (c.kw('then') && c.atEnd()) return simple('if-then', [p], { kind: 'condition', condition });
  c.pos = s;
  const rest = c.rest();
  if (/^\d/.test(c.slice(rest))) {
    const labels = splitTop(c.text, rest.start, rest.end).map((x) => String(Number(c.slice(x).trim())));
    return simple('arithmetic-if', [p], { kind: 'arithmetic-if', condition, labels });
  }
  if (rest.end <= rest.start) return simple('unknown');
  return { ...simple('if', [p], { kind: 'logical-if', condition }), inner: rest };
}

function selectLike(c: Cursor, kind: 'select-case' | 'select-type'): Classified {
  const p = c.parens();
  return simple(kind, p ? [p] : [], { kind: 'select', selector: p ? c.slice(p).trim() : '' });
}

/** WHERE (mask) / FORALL (header): a construct when nothing follows, else a statement with an inner assignment. */
function maskedConstruct(c: Cursor, construct: 'where-construct' | 'forall-construct', stmt: 'where' | 'forall'): Classified {
  const p = c.parens();
  if (!p) return simple('unknown');
  const header = c.slice(p).trim();
  const detail = stmt === 'where'
    ? { kind: 'condition' as const, condition: header }
    : { kind: 'forall' as const, header, indices: forallIndices(c.text, p) };
  if (c.atEnd()) return simple(construct, [p], detail);
  return { ...simple(stmt, [p], detail), inner: c.rest() };
}

function forallIndices(text: string, p: Range): string[] {
  const out: string[] = [];
  for (const part of splitTop(text, p.start, p.end)) {
    const m = /^\s*([A-Za-z]\w*)\s*=(?!=)/.exec(text.slice(part.start, part.end));
    if (m) out.push(m[1]!.toLowerCase());
  }
  return out;
}

function classifyGoto(c: Cursor): Classified {
  if (c.hasParens()) {
    const p = c.parens()!;
    const labels = splitTop(c.text, p.start, p.end).map((x) => String(Number(c.slice(trimRange(c.text, x)))));
    c.eat(',');
    return simple('goto', [c.rest()], { kind: 'jump', labels });
  }
  const l = c.label();
  if (l !== undefined) return simple('goto', [], { kind: 'jump', target: l });
  return simple('goto', [c.rest()], { kind: 'jump' }); // assigned GOTO
}
