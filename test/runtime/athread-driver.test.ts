// The same hand-written Athread programs built the way a Sunway Makefile builds them, with the
// compiler name changed to `o2ath cc`: MPE sources with -mhost, CPE sources with -mslave, single-file
// hybrids with both, one -mhybrid link. They must print their expected.txt.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const cli = join(root, 'dist', 'cli.js');
const dir = join(root, 'fixtures', 'athread');
const names = readdirSync(dir, { withFileTypes: true })
  .filter((e) => e.isDirectory() && existsSync(join(dir, e.name, 'expected.txt')))
  .map((e) => e.name)
  .sort();

function cc(args: string[]): void {
  execFileSync(process.execPath, [cli, 'cc', ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

describe('hand-written Athread programs through o2ath cc -mhost/-mslave/-mhybrid', () => {
  it.each(names)('%s', (name) => {
    const src = join(dir, name);
    const out = mkdtempSync(join(tmpdir(), `o2ath-athread-${name}-`));
    const target = existsSync(join(src, 'target')) ? readFileSync(join(src, 'target'), 'utf8').trim() : 'pro';
    const common = [...(target === 'sw26010' ? ['--target', 'sw26010'] : []), '-O2', `-I${src}`];
    const objs: string[] = [];
    for (const f of readdirSync(src).filter((x) => x.endsWith('.c')).sort()) {
      const base = basename(f, '.c');
      const sides = /^(host|master)/.test(base) ? ['host'] : /^slave/.test(base) ? ['slave'] : ['host', 'slave'];
      for (const side of sides) {
        const obj = join(out, `${base}.${side}.o`);
        cc([...common, `-m${side}`, '-c', join(src, f), '-o', obj]);
        objs.push(obj);
      }
    }
    const exe = join(out, 'prog');
    cc([...common, '-mhybrid', ...objs, '-o', exe, '-lm']);
    const printed = execFileSync(exe, { encoding: 'utf8' });
    expect(printed).toBe(readFileSync(join(src, 'expected.txt'), 'utf8'));
  });
});
