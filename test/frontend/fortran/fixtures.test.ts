// Golden outlines of the front end's output for the fixtures in fixtures/fortran/frontend/: statements
// (line:col, label, kind, construct name, text), directive sites, units with scopes, constructs.
// Update with `npx vitest run test/frontend/fortran -u` and review the diff.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { DiagnosticBag } from '../../../src/core/diagnostic.js';
import { positionOf } from '../../../src/source/line-map.js';
import { createSourceFile, type SourceFile } from '../../../src/source/source-file.js';
import { parseFortran, type FortranTree } from '../../../src/frontend/fortran/index.js';
import { compareWithGfortran } from './gfortran-dump.js';

const dir = join(__dirname, '../../../fixtures/fortran/frontend');
const run = promisify(execFile);

function outline(file: SourceFile, tree: FortranTree, bag: DiagnosticBag): string {
  const at = (o: number): string => {
    const p = positionOf(file.lines, o);
    return `${p.line}:${p.column}`;
  };
  const out: string[] = [`# ${file.path} (${tree.form} form)`, '', '## statements'];
  for (const s of tree.statements) {
    const tags = [s.label ? `label=${s.label}` : '', s.constructName ? `name=${s.constructName}` : '', s.conditional ? 'conditional' : ''].filter(Boolean).join(' ');
    out.push(`${at(s.textSpan.start).padEnd(7)} ${s.kind.padEnd(16)} ${tags ? `[${tags}] ` : ''}${s.text.replace(/\n/g, '\\n')}${s.inner ? `   => ${s.inner.kind}` : ''}`);
  }
  out.push('', '## directives');
  for (const d of tree.directiveSites) out.push(`${at(d.span.start).padEnd(7)} ${d.text}   (pieces at ${d.pieces.map((p) => at(p.fileStart)).join(', ')})`);
  out.push('', '## units');
  for (const u of tree.units) {
    out.push(`${u.kind} ${u.name ?? '-'} [${u.first}..${u.last}]${u.parent !== undefined ? ` parent=${u.parent}` : ''}${u.contains !== undefined ? ` contains@${u.contains}` : ''} args=(${u.args.join(',')})`);
    for (const e of u.scope.entities) {
      const facts = [
        e.type ? `${e.type.text}${e.implicitType ? ' (implicit)' : ''}` : 'untyped',
        e.dims ? `dims(${e.dims.map((d) => d.text).join(',')})` : '', e.attributes.length ? e.attributes.join(',') : '',
        e.dummy !== undefined ? `dummy#${e.dummy}` : '', e.common !== undefined ? `common /${e.common}/` : '',
        e.moduleVariable ? 'module-variable' : '', e.parameter ? `parameter=${e.init}` : '', e.result ? 'result' : '', e.procedure ? 'procedure' : '',
      ].filter(Boolean);
      out.push(`  ${e.name}: ${facts.join('; ')}`);
    }
    for (const use of u.scope.uses) out.push(`  use ${use.module}${use.only ? ` only(${use.only.join(',')})` : ''}`);
  }
  out.push('', '## constructs');
  for (const c of tree.constructs) out.push(`${'  '.repeat(depth(tree, c.index))}${c.kind}${c.name ? ` ${c.name}` : ''}${c.termLabel ? ` label=${c.termLabel}` : ''} [${c.first}..${c.last}]${c.branches.length ? ` branches=${c.branches.join(',')}` : ''}`);
  out.push('', '## diagnostics', ...bag.items.map((d) => `${d.span ? at(d.span.start) : '-'} ${d.severity} ${d.name}: ${d.text}`), '');
  return out.join('\n');
}

function depth(tree: FortranTree, i: number): number {
  let d = 0;
  for (let c = tree.constructs[i]!; c.parent !== undefined; c = tree.constructs[c.parent]!) d++;
  return d;
}

describe('fixtures', () => {
  for (const name of readdirSync(dir).filter((n) => /\.(f|f90|F|F90)$/.test(n)).sort()) {
    it(name, async () => {
      const file = createSourceFile(name, readFileSync(join(dir, name), 'utf8'));
      const bag = new DiagnosticBag();
      const tree = parseFortran(file, bag);
      await expect(outline(file, tree, bag)).toMatchFileSnapshot(join(dir, 'expected', `${name}.outline.txt`));
    });
    it(`${name}: agrees with gfortran -fdump-fortran-original`, async () => {
      const file = createSourceFile(name, readFileSync(join(dir, name), 'utf8'));
      const tree = parseFortran(file, new DiagnosticBag());
      const mods = mkdtempSync(join(tmpdir(), 'o2ath-fmods-'));
      try {
        const { stdout } = await run('gfortran', ['-fsyntax-only', '-fopenmp', '-w', '-J', mods, '-fdump-fortran-original', name], { cwd: dir, maxBuffer: 64 << 20 });
        expect(compareWithGfortran(tree, stdout)).toEqual([]);
      } finally {
        rmSync(mods, { recursive: true, force: true });
      }
    });
  }
});
