// Name resolution across scopes: local declarations, host association (internal and module
// procedures see their host's names), and USE association (ONLY lists and renames honoured), for
// modules in the same tree or, through a caller-supplied lookup, in other files.
import type { FortranEntity, ProgramUnit, UseAssociation } from './types.js';

/** Enough of a FortranTree for resolution (avoids an import cycle with index.ts). */
export interface UnitsView {
  readonly units: readonly ProgramUnit[];
}

export interface ResolvedName {
  readonly entity: FortranEntity;
  /** The tree and unit that declare the entity. */
  readonly tree: UnitsView;
  readonly unit: number;
  readonly via: 'local' | 'host' | 'use';
  /** For 'use': the module name and the name inside the module (after renames). */
  readonly module?: string;
  readonly remote?: string;
}

/** Finds a module defined in another file (e.g. from a project index); undefined when unknown. */
export type ModuleLookup = (module: string) => { tree: UnitsView; unit: number } | undefined;

export function resolveName(tree: UnitsView, unitIndex: number, name: string, lookup?: ModuleLookup, depth = 0): ResolvedName | undefined {
  const n = name.toLowerCase();
  for (let u: ProgramUnit | undefined = tree.units[unitIndex]; u; u = u.parent !== undefined ? tree.units[u.parent] : undefined) {
    const e = u.scope.entities.find((x) => x.name === n && !x.implicitType);
    if (e) return { entity: e, tree, unit: u.index, via: u.index === unitIndex ? 'local' : 'host' };
    // USE association beats implicit typing; a module's own USEs are visible through it (depth-limited).
    for (const use of u.scope.uses) {
      const remote = remoteName(use, n);
      if (remote === undefined || depth > 8) continue;
      const m = findModule(tree, use.module) ?? lookup?.(use.module);
      if (!m) continue;
      const hit = resolveName(m.tree, m.unit, remote, lookup, depth + 1);
      if (hit && !hit.entity.implicitType) return { ...hit, via: 'use', module: use.module, remote };
    }
    const implicit = u.scope.entities.find((x) => x.name === n);
    if (implicit) return { entity: implicit, tree, unit: u.index, via: u.index === unitIndex ? 'local' : 'host' };
  }
  return undefined;
}

/** The name inside the module that local `name` refers to through `use`, or undefined if not visible. */
function remoteName(use: UseAssociation, name: string): string | undefined {
  const renamed = use.renames.find((r) => r.local === name);
  if (renamed) return renamed.remote;
  // A renamed entity is not visible under its original name (unless also listed in ONLY).
  if (use.only) return use.only.includes(name) ? name : undefined;
  if (use.renames.some((r) => r.remote === name)) return undefined;
  return name;
}

function findModule(tree: UnitsView, module: string): { tree: UnitsView; unit: number } | undefined {
  const u = tree.units.find((x) => x.kind === 'module' && x.name === module);
  return u ? { tree, unit: u.index } : undefined;
}
