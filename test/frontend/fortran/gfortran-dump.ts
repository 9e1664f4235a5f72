// Reads `gfortran -fdump-fortran-original` output into per-procedure facts (DO loops, OpenMP
// directives, variables with their type family), so tests can hold the front end against gfortran's
// own parse rather than against our expectations.
import { referencedNames, tokenize, unitAt, type FortranStatement, type FortranTree } from '../../../src/frontend/fortran/index.js';

export interface GfNamespace {
  /** Procedure/module name as gfortran prints it (lower case). */
  readonly name: string;
  /** Host names and the name, joined by '/' ('ocn1_mod/smooth_1_3', 'names_x/note'), from the dump's indentation. */
  readonly path: string;
  /** DO statements, including implied DOs in I/O lists (gfortran lowers those to DO loops). */
  dos: number;
  /** OpenMP directives other than END directives (gfortran adds implied ENDs, e.g. after `parallel do`). */
  omps: number;
  /** Variable name → type family ('INTEGER', 'REAL', 'LOGICAL', 'CHARACTER', 'COMPLEX', 'DERIVED'). */
  readonly vars: Map<string, string>;
  /** Names the code refers to (gfortran prints them qualified, `ns:name`; named constants are folded away). */
  readonly refs: Set<string>;
}

export function parseGfortranDump(text: string): GfNamespace[] {
  const out: GfNamespace[] = [];
  let ns: GfNamespace | undefined;
  let sym: string | undefined;
  let type: string | undefined;
  let inCode = false;
  const hosts: { indent: number; name: string }[] = [];
  for (const line of text.split('\n')) {
    const proc = /^(\s*)procedure name = (\S+)/.exec(line);
    if (proc) {
      const indent = proc[1]!.length;
      while (hosts.length && hosts[hosts.length - 1]!.indent >= indent) hosts.pop();
      const name = proc[2]!.toLowerCase();
      hosts.push({ indent, name });
      ns = { name, path: hosts.map((h) => h.name).join('/'), dos: 0, omps: 0, vars: new Map(), refs: new Set() };
      out.push(ns);
      inCode = false;
      continue;
    }
    if (!ns) continue;
    const st = /^\s*symtree: '[^']*'\s*\|\| symbol: '([^']+)'/.exec(line);
    if (st) {
      sym = st[1]!;
      type = undefined;
      continue;
    }
    const ts = /^\s*type spec : \((\w+)/.exec(line);
    if (ts && sym) {
      type = ts[1]!;
      continue;
    }
    const at = /^\s*attributes: \((.*)\)\s*$/.exec(line);
    if (at && sym && type) {
      const attrs = at[1]!;
      if (/\bVARIABLE\b/.test(attrs) && !/USE-ASSOC|ASSOCIATE-VAR|ARTIFICIAL/.test(attrs) && !sym.startsWith('_') && !sym.includes('@')) ns.vars.set(sym, type);
      sym = undefined;
      continue;
    }
    if (/^\s*code:\s*$/.test(line)) {
      inCode = true;
      continue;
    }
    if (!inCode) continue;
    if (/^\s*(\d+\s+)?DO(\s|$)/.test(line)) ns.dos++;
    else if (/^\s*(\d+\s+)?!\$OMP\b/.test(line)) {
      if (!/!\$OMP END\b/.test(line)) ns.omps++;
      continue;
    }
    if (/^\s*symtree:|^\s*(type spec|attributes|Array spec|value|result|components)\b/.test(line)) continue; // BLOCK-local symbols
    for (const m of line.matchAll(/(?:^|[^\w@%])([A-Za-z_][\w@]*):([A-Za-z_]\w*)/g)) {
      if (!m[2]!.startsWith('_')) ns.refs.add(m[2]!.toLowerCase());
    }
  }
  return out;
}

/** gfortran's type family for one of our TypeSpec bases. */
export function typeFamily(base: string | undefined): string | undefined {
  switch (base) {
    case 'integer': case 'byte': return 'INTEGER';
    case 'real': case 'double precision': return 'REAL';
    case 'complex': case 'double complex': return 'COMPLEX';
    case 'logical': return 'LOGICAL';
    case 'character': return 'CHARACTER';
    case 'type': case 'class': return 'DERIVED';
    default: return undefined;
  }
}

/** Statements whose names gfortran does not print in the code section. */
const NON_CODE = new Set(['declaration', 'parameter', 'common', 'dimension', 'data', 'equivalence', 'use', 'implicit']);

/** Implied DO loops in an I/O item list: `(x(i), i = 1, n)` (a `name =` outside keyword lists). */
function impliedDos(s: FortranStatement): number {
  if (!['read', 'write', 'print'].includes(s.kind)) return 0;
  let n = 0;
  for (const r of s.exprs) {
    if (r.keywords) continue;
    const toks = tokenize(s.text, r.start, r.end);
    toks.forEach((t, i) => {
      if (t.kind === 'name' && toks[i + 1]?.text === '=') n++;
    });
  }
  return n;
}

/**
 * Differences between our tree and gfortran's dump of the same file: the set of program units, and per
 * unit the DO loops, the (non-END) directives, the type family of every local variable gfortran lists,
 * and every variable gfortran's code refers to must be among our referencedNames() of that unit.
 */
export function compareWithGfortran(tree: FortranTree, dump: string): string[] {
  const problems: string[] = [];
  const gf = parseGfortranDump(dump).filter((n) => !n.path.split('/').some((p) => p.startsWith('__')));
  const pathOf = (u: FortranTree['units'][number]): string => {
    const names: string[] = [];
    for (let x: typeof u | undefined = u; x; x = x.parent !== undefined ? tree.units[x.parent] : undefined) names.unshift(x.name ?? 'main__');
    return names.join('/');
  };
  const ours = new Map(tree.units.map((u) => [pathOf(u), u]));
  const a = [...ours.keys()].sort().join();
  const b = gf.map((n) => n.path).sort().join();
  if (a !== b) problems.push(`units differ: ours ${a}; gfortran ${b}`);
  const owner = new Int32Array(tree.statements.length).fill(-1);
  for (const u of tree.units) for (let i = u.first; i <= u.last; i++) owner[i] = u.index;
  for (const n of gf) {
    const u = ours.get(n.path);
    if (!u) continue;
    const mine = tree.statements.filter((s) => owner[s.index] === u.index);
    const dos = mine.filter((s) => s.kind === 'do').length + mine.reduce((x, s) => x + impliedDos(s), 0);
    const omps = tree.directiveSites.filter((d) => unitAt(tree, d.span.start)?.index === u.index && !/^end\b/i.test(d.text)).length;
    if (dos !== n.dos) problems.push(`${n.name}: ${dos} DO loops, gfortran ${n.dos}`);
    if (omps !== n.omps) problems.push(`${n.name}: ${omps} directives, gfortran ${n.omps}`);
    const refs = new Set(mine.filter((s) => !NON_CODE.has(s.kind)).flatMap((s) => referencedNames(s).map((r) => r.name)));
    // gfortran prints a renamed use-associated entity by its module name (`c_ref => cfl` shows as `mod:cfl`).
    for (const use of u.scope.uses) for (const rn of use.renames) if (refs.has(rn.local)) refs.add(rn.remote);
    for (const r of n.refs) if (!refs.has(r)) problems.push(`${n.name}: gfortran sees a reference to ${r}, we do not`);
    for (const [v, t] of n.vars) {
      const e = u.scope.entities.find((x) => x.name === v);
      if (typeFamily(e?.type?.base) !== t) problems.push(`${n.name}: ${v} is ${e?.type?.base ?? 'missing'}, gfortran ${t}`);
    }
  }
  return problems;
}
