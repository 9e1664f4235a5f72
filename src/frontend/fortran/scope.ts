// Per-unit scopes: entities declared by the unit's specification statements (type, dimensions,
// attributes, dummy-argument position, common block, module variable, parameter), USE associations,
// COMMON blocks, the implicit typing map (inherited from the host), and implicitly typed entities for
// names used but never declared. Host- and use-associated names (same file) are not re-declared.
import { referencedNames, type NameUse } from './references.js';
import { tokenize } from './tokenizer.js';
import { textSpanToFile } from './text-map.js';
import { applyImplicitRule, defaultImplicit, implicitTypeOf, noImplicit } from './implicit.js';
import type { Construct, DimSpec, EntityDecl, FortranEntity, FortranStatement, ProgramUnit, Scope } from './types.js';

/** Statements of an INCLUDE line's file, keyed by the INCLUDE statement. */
export type IncludeMap = ReadonlyMap<FortranStatement, { readonly path: string; readonly statements: readonly FortranStatement[] }>;

export function buildScopes(statements: readonly FortranStatement[], units: ProgramUnit[], constructs: readonly Construct[], includes: IncludeMap = new Map()): void {
  // Statement → innermost type/interface construct, so component declarations and interface bodies stay out of scopes.
  const hidden = new Uint8Array(statements.length);
  for (const c of constructs) {
    if (c.kind !== 'type' && c.kind !== 'interface') continue;
    const last = c.last < 0 ? statements.length - 1 : c.last;
    for (let i = c.first; i <= last; i++) hidden[i] = 1;
  }
  const owner = new Int32Array(statements.length).fill(-1);
  for (const u of units) for (let i = u.first; i <= u.last; i++) owner[i] = u.index; // children come later and overwrite
  for (const u of units) u.scope = buildScope(u, units, statements, owner, hidden, constructs, includes);
}

function newEntity(name: string): FortranEntity {
  return { name, implicitType: false, attributes: [], moduleVariable: false, parameter: false, result: false, procedure: false };
}

function buildScope(u: ProgramUnit, units: readonly ProgramUnit[], statements: readonly FortranStatement[], owner: Int32Array,
  hidden: Uint8Array, constructs: readonly Construct[], includes: IncludeMap): Scope {
  const host = u.parent !== undefined ? units[u.parent] : undefined;
  let implicit = host ? host.scope.implicit : defaultImplicit();
  const scope: Scope = { entities: [], saveAll: false, implicit, uses: [], commons: [] };
  const byName = new Map<string, FortranEntity>();
  const get = (name: string): FortranEntity => {
    let e = byName.get(name);
    if (!e) {
      e = newEntity(name);
      byName.set(name, e);
      scope.entities.push(e);
    }
    return e;
  };
  const header = statements[u.first]!;
  if (header.detail.kind === 'unit') {
    header.detail.args?.forEach((a, i) => {
      if (a !== '*') get(a).dummy = i;
    });
    if (u.kind === 'function') {
      const r = get(u.result || u.name || '');
      r.result = true;
      if (header.detail.type) r.type = header.detail.type;
    }
  }
  const specEnd = u.contains ?? u.last;
  const exec: FortranStatement[] = [];
  /** One specification statement (`from`: the INCLUDE file it came from, if any). */
  function spec(s: FortranStatement, i: number, from: string | undefined): void {
    const d = s.detail;
    switch (d.kind) {
      case 'implicit':
        implicit = d.none ? noImplicit() : d.rules.reduce((m, r) => applyImplicitRule(m, r.type, r.letters), implicit);
        break;
      case 'declaration':
        for (const ent of d.entities) {
          const e = get(ent.name);
          e.span ??= ent.span;
          if (from) e.file ??= from;
          e.type = d.type;
          setShape(e, ent, d.dims);
          for (const a of d.attributes) addAttribute(e, a);
        }
        break;
      case 'parameter':
        for (const p of d.entries) {
          const e = get(p.name);
          e.span ??= p.span;
          if (from) e.file ??= from;
          e.parameter = true;
          e.init = p.value;
        }
        break;
      case 'common':
        for (const b of d.blocks) {
          scope.commons.push({ name: b.name, members: b.members.map((m) => m.name), statement: i });
          for (const m of b.members) {
            const e = get(m.name);
            e.span ??= m.span;
            if (from) e.file ??= from;
            e.common = b.name;
            setShape(e, m, undefined);
          }
        }
        break;
      case 'entities':
        if (s.kind === 'save' && d.entities.length === 0) scope.saveAll = true;
        for (const ent of d.entities) {
          if (ent.name.startsWith('/')) continue; // `save /blk/`
          const e = get(ent.name);
          e.span ??= ent.span;
          if (from) e.file ??= from;
          setShape(e, ent, undefined);
          if (d.attribute && d.attribute !== 'dimension') addAttribute(e, d.attribute);
        }
        break;
      case 'use':
        scope.uses.push({ module: d.module, ...(d.only ? { only: d.only } : {}), renames: d.renames, statement: i });
        break;
      default:
        if (s.kind === 'equivalence' || s.kind === 'data') {
          // The first name of each object: `(a(1), b)` in EQUIVALENCE, `x /1.0/, y(2) /2.0/` in DATA.
          for (const r of leadingNames(s)) {
            const e = get(r.name);
            e.span ??= r.span;
            if (from) e.file ??= from;
            if (s.kind === 'equivalence') e.equivalenced = true;
            else e.dataInitialised = true;
          }
        } else if (s.kind === 'include') {
          // An INCLUDE line stands for the included file's statements (read by the caller's resolver).
          const inc = includes.get(s);
          for (const t of inc?.statements ?? []) spec(t, i, inc!.path);
        } else if (s.kind !== 'unknown') exec.push(s);
    }
  }

  // An implicit main program has no header: its first statement is an ordinary one.
  for (let i = u.kind === 'main' ? u.first : u.first + 1; i < specEnd; i++) {
    if (owner[i] !== u.index) continue;
    const s = statements[i]!;
    if (hidden[i]) {
      if (s.kind === 'subroutine' || s.kind === 'function') {
        // An interface body names a procedure.
        const n = s.detail.kind === 'unit' ? s.detail.name : undefined;
        if (n && constructs.some((c) => c.kind === 'interface' && c.first < i && (c.last < 0 || c.last > i))) get(n).procedure = true;
      }
      continue;
    }
    spec(s, i, undefined);
  }
  (scope as { implicit: typeof implicit }).implicit = implicit;
  for (const e of scope.entities) {
    if (u.kind === 'module' && !e.parameter && !e.procedure && e.common === undefined) e.moduleVariable = true;
    if (!e.type && !e.procedure) {
      const t = implicitTypeOf(implicit, e.name);
      if (t) {
        e.type = t;
        e.implicitType = true;
      }
    }
  }
  // Names used but never declared: implicitly typed locals, unless known from the host, a module in this file, or as procedures.
  const known = knownNames(u, units, scope.uses);
  const opaqueUse = hasOpaqueUse(u, units, scope.uses);
  for (let i = specEnd; i <= u.last; i++) if (owner[i] === u.index && !hidden[i]) exec.push(statements[i]!);
  for (const s of exec) {
    if (s.kind === 'call' && s.detail.kind === 'call') known.add(s.detail.name);
    for (const r of referencedNames(s)) {
      if (byName.has(r.name) || known.has(r.name) || r.applied) continue;
      const t = implicitTypeOf(implicit, r.name);
      if (!t) continue; // IMPLICIT NONE: must come from a module we cannot see
      const e = get(r.name);
      e.span = r.span;
      e.type = t;
      e.implicitType = true;
      if (opaqueUse) e.maybeUseAssociated = true;
    }
  }
  return scope;
}

function setShape(e: FortranEntity, ent: EntityDecl, attrDims: readonly DimSpec[] | undefined): void {
  const dims = ent.dims ?? attrDims;
  if (dims) e.dims = dims;
  if (ent.len !== undefined) e.len = ent.len;
  if (ent.init !== undefined) e.init = ent.init;
}

function addAttribute(e: FortranEntity, a: string): void {
  if (a === 'dimension') return;
  if (!e.attributes.includes(a)) e.attributes.push(a);
  const intent = /^intent\((in|out|inout)\)$/.exec(a);
  if (intent) e.intent = intent[1] as 'in' | 'out' | 'inout';
  if (a === 'parameter') e.parameter = true;
  if (a === 'external' || a === 'intrinsic') e.procedure = true;
}

/** Names visible without a local declaration: host entities, same-file module entities, procedure and unit names. */
function knownNames(u: ProgramUnit, units: readonly ProgramUnit[], ownUses: Scope['uses']): Set<string> {
  const known = new Set<string>();
  const addUnit = (x: ProgramUnit): void => {
    if (x.name) known.add(x.name);
    for (const ch of x.children) if (units[ch]!.name) known.add(units[ch]!.name!);
  };
  for (let h: ProgramUnit | undefined = u; h; h = h.parent !== undefined ? units[h.parent] : undefined) {
    addUnit(h);
    if (h !== u) for (const e of h.scope.entities) known.add(e.name);
    for (const use of h === u ? ownUses : h.scope.uses) addUse(use.module, use.only, use.renames);
  }
  function addUse(module: string, only: readonly string[] | undefined, renames: readonly { local: string }[]): void {
    const m = units.find((x) => x.kind === 'module' && x.name === module);
    for (const r of renames) known.add(r.local);
    if (only) {
      for (const n of only) known.add(n);
      return;
    }
    if (!m) return;
    for (const e of m.scope.entities) known.add(e.name);
    for (const ch of m.children) if (units[ch]!.name) known.add(units[ch]!.name!);
  }
  return known;
}

/** Does the unit or a host USE a module not defined in this file, without an ONLY list? */
function hasOpaqueUse(u: ProgramUnit, units: readonly ProgramUnit[], ownUses: Scope['uses']): boolean {
  for (let h: ProgramUnit | undefined = u; h; h = h.parent !== undefined ? units[h.parent] : undefined) {
    for (const use of h === u ? ownUses : h.scope.uses) {
      if (!use.only && !units.some((x) => x.kind === 'module' && x.name === use.module)) return true;
    }
  }
  return false;
}

/** Names that start an object in EQUIVALENCE / DATA lists (not subscripts, not values between slashes). */
function leadingNames(s: FortranStatement): NameUse[] {
  const out: NameUse[] = [];
  let depth = 0;
  let inValues = false;
  let expectName = true;
  for (const t of tokenize(s.text, s.exprs[0]?.start ?? 0, s.text.length)) {
    if (t.kind === 'punct') {
      if (t.text === '(') depth++;
      else if (t.text === ')') depth--;
      else if (t.text === '/' && depth === 0 && s.kind === 'data') inValues = !inValues;
      if ((t.text === ',' && (s.kind === 'data' ? depth === 0 : depth === 1)) || (t.text === '(' && s.kind === 'equivalence' && depth === 1) || (t.text === '/' && !inValues)) expectName = true;
      continue;
    }
    if (t.kind === 'name' && expectName && !inValues) {
      out.push({ name: t.text.toLowerCase(), span: textSpanToFile(s.pieces, t.start, t.end, s.textSpan.start), applied: false, written: false });
    }
    expectName = false;
  }
  return out;
}
