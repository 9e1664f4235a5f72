// The method examples of examples/ml build against the kernels and print their stated result. The
// four training examples take 10-50 s each on the emulator, too long for `npm test`: they are tests
// only with O2ATH_SLOW_EXAMPLES=1, which `npm run examples` sets.
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { EXAMPLES, runExample } from '../../src/kernels/examples.js';

const SLOW = new Set(['angulargrad', 'airnet', 'lowpower', 'xai']);
const runSlow = process.env['O2ATH_SLOW_EXAMPLES'] === '1';

describe('examples/ml', () => {
  it('has one example per method, each with a main.c', () => {
    expect(EXAMPLES.length).toBe(10);
    for (const e of EXAMPLES) expect(fs.existsSync(path.join('examples', 'ml', e.name, 'main.c'))).toBe(true);
  });
  for (const e of EXAMPLES.filter((x) => runSlow || !SLOW.has(x.name))) {
    it(`${e.name} runs and reports its result`, async () => {
      const out = fs.mkdtempSync(path.join(os.tmpdir(), `o2ath-ex-out-${e.name}-`));
      const r = await runExample(e.name, out);
      expect(r.error ?? '').toBe('');
      expect(r.ok).toBe(true);
      expect(r.stdout).toMatch(/^result: (?!UNEXPECTED|FAILED|MISMATCH)/m);
      if (e.name === 'onet') expect(fs.readFileSync(path.join(out, 'onet_mesh.ply'), 'utf8')).toMatch(/^ply\nformat ascii 1.0/);
      if (e.name === 'audrandaug') expect(fs.existsSync(path.join(out, 'clip0_augmented.pgm'))).toBe(true);
      fs.rmSync(out, { recursive: true, force: true });
    }, 300_000);
  }
});
