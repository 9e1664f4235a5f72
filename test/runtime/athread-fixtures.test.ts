// Hand-written Athread programs (fixtures/athread) build unchanged against runtime-c and print what they should.
import { execFileSync } from 'node:child_process';
import { readdirSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const dir = join(root, 'fixtures', 'athread');
const names = readdirSync(dir, { withFileTypes: true })
  .filter((e) => e.isDirectory() && existsSync(join(dir, e.name, 'expected.txt')))
  .map((e) => e.name)
  .sort();

describe('hand-written Athread programs on runtime-c', () => {
  it('has at least 8 programs', () => {
    expect(names.length).toBeGreaterThanOrEqual(8);
  });

  it.each(names)('%s', (name) => {
    let out: string;
    try {
      out = execFileSync('sh', [join(dir, 'run.sh'), name], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (e) {
      const err = e as { stdout?: string; stderr?: string };
      throw new Error(`${err.stdout ?? ''}${err.stderr ?? ''}`);
    }
    expect(out).toContain(`PASS ${name}`);
  });
});
