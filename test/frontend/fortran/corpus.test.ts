// The 100,000-line corpus criterion: a generated mixed free/fixed corpus (scripts/gen-fortran-corpus.mjs)
// parses without a crash, quickly, with every statement classified, and with counts of DO loops,
// directives, conditional lines, SELECT/WHERE constructs, program units and COMMON statements equal to
// what the generator put in each file; gfortran -fsyntax-only -fopenmp accepts every file we accept, and
// gfortran's own parse-tree dump agrees with our units, DO loops, directives, variable types and the
// variables each unit's code refers to.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DiagnosticBag } from '../../../src/core/diagnostic.js';
import { createSourceFile } from '../../../src/source/source-file.js';
import { parseFortran, type FortranTree } from '../../../src/frontend/fortran/index.js';
import { compareWithGfortran } from './gfortran-dump.js';
// @ts-expect-error -- plain ESM script without type declarations
import { generateCorpus } from '../../../scripts/gen-fortran-corpus.mjs';

interface CorpusFile {
  name: string;
  /** An INCLUDE file (COMMON-block header), not a translation unit. */
  include?: boolean;
  text: string;
  form: 'free' | 'fixed';
  lines: number;
  counts: Record<'doLoops' | 'labelledDo' | 'directives' | 'conditional' | 'selects' | 'wheres' | 'units' | 'commons', number>;
}

const run = promisify(execFile);

function countsOf(tree: FortranTree): CorpusFile['counts'] {
  const st = tree.statements;
  const n = (p: (s: (typeof st)[number]) => boolean): number => st.filter(p).length;
  return {
    doLoops: n((s) => s.kind === 'do'),
    labelledDo: n((s) => s.detail.kind === 'do' && s.detail.termLabel !== undefined),
    directives: tree.directiveSites.length,
    conditional: n((s) => s.conditional),
    selects: n((s) => s.kind === 'select-case'),
    wheres: n((s) => s.kind === 'where-construct'),
    units: tree.units.length,
    commons: n((s) => s.kind === 'common'),
  };
}

describe('generated 100,000-line corpus', () => {
  const all = generateCorpus({ lines: 100000, seed: 1 }) as CorpusFile[];
  const files = all.filter((f) => !f.include);
  const headers = new Map(all.filter((f) => f.include).map((f) => [f.name, f.text]));
  const readInclude = (p: string): { path: string; text: string } | undefined => (headers.has(p) ? { path: p, text: headers.get(p)! } : undefined);
  const trees = new Map<string, { tree: FortranTree; bag: DiagnosticBag }>();
  let dir = '';
  /** Parsed on demand too, so single tests can run alone (`-t`). */
  const parsed = (f: CorpusFile): { tree: FortranTree; bag: DiagnosticBag } => {
    let r = trees.get(f.name);
    if (!r) {
      const bag = new DiagnosticBag();
      r = { tree: parseFortran(createSourceFile(f.name, f.text), bag, { readInclude }), bag };
      trees.set(f.name, r);
    }
    return r;
  };

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'o2ath-fcorpus-'));
    for (const f of all) writeFileSync(join(dir, f.name), f.text);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is deterministic and mixed', () => {
    const again = generateCorpus({ lines: 100000, seed: 1 }) as CorpusFile[];
    expect(again.map((f) => f.text)).toEqual(all.map((f) => f.text));
    expect(headers.size).toBeGreaterThan(10);
    const total = files.reduce((a, f) => a + f.lines, 0);
    expect(total).toBeGreaterThanOrEqual(100000);
    expect(new Set(files.map((f) => f.name.replace(/^.*\./, '')))).toEqual(new Set(['f90', 'F90', 'f']));
  });

  it('parses every file quickly, without a crash, classifying every statement', () => {
    // CPU time, not wall time, for the bound: two shared cores are often busy with other work.
    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    for (const f of files) parsed(f);
    const cpu = process.cpuUsage(cpu0);
    const cpuMs = (cpu.user + cpu.system) / 1000;
    const ms = performance.now() - t0;
    const total = files.reduce((a, f) => a + f.lines, 0);
    const unclassified = [...trees.values()].reduce((a, t) => a + t.tree.statements.filter((s) => s.kind === 'unknown').length, 0);
    console.log(`fortran corpus: ${files.length} files, ${total} lines in ${ms.toFixed(0)} ms wall, ${cpuMs.toFixed(0)} ms CPU (${Math.round(total / (cpuMs / 1000))} lines/CPU-s); unclassified statements: ${unclassified}`);
    expect(unclassified).toBe(0);
    expect(cpuMs).toBeLessThan(10000);
    for (const [name, { bag }] of trees) expect(bag.items.map((d) => `${name}: ${d.name} ${d.text}`)).toEqual([]);
  });

  it('classification agrees with what the generator wrote', () => {
    for (const f of files) {
      const t = parsed(f).tree;
      expect({ name: f.name, ...countsOf(t) }).toEqual({ name: f.name, ...f.counts });
      expect(t.constructs.filter((c) => c.last < 0)).toEqual([]);
    }
  });

  // One gfortran run per file does both jobs: it proves the file compiles, and its parse-tree dump is
  // the oracle for our classification. Two processes at a time (two shared cores).
  it('every file the front end accepts compiles with gfortran -fsyntax-only -fopenmp, and gfortran\'s parse agrees (units, DO loops, directives, variable types, referenced variables)', async () => {
    const accepted = files.filter((f) => {
      const r = parsed(f);
      return !r.bag.items.length && !r.tree.statements.some((s) => s.kind === 'unknown');
    });
    expect(accepted.length).toBe(files.length);
    const mods = join(dir, 'mods');
    await run('mkdir', ['-p', mods]);
    const failures: string[] = [];
    const disagreements: string[] = [];
    const queue = [...accepted];
    const worker = async (): Promise<void> => {
      for (let f = queue.shift(); f; f = queue.shift()) {
        try {
          const { stdout } = await run('gfortran', ['-fsyntax-only', '-fopenmp', '-w', '-J', mods, '-fdump-fortran-original', f.name], { cwd: dir, maxBuffer: 64 << 20 });
          disagreements.push(...compareWithGfortran(parsed(f).tree, stdout).map((p) => `${f.name}: ${p}`));
        } catch (e) {
          failures.push(String((e as { stderr?: string }).stderr ?? e));
        }
      }
    };
    await Promise.all([worker(), worker()]);
    expect(failures).toEqual([]);
    expect(disagreements).toEqual([]);
  }, 120_000);
});
