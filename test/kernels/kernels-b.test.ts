// K8-K14 end to end through `o2ath kernels test NAME`: rendered, built on the emulated runtime, compared
// with the serial C reference and the committed oracle data, bit-identical across 1, 8 and 64 CPEs.
import { describe, expect, it } from 'vitest';
import { runKernelsCli } from './helpers.js';
import { KERNELS } from '../../src/kernels/catalog.js';

const NAMES = KERNELS.slice(7).map((k) => k.name);

describe('o2ath kernels test (K8-K14)', () => {
  for (const name of NAMES) {
    it(`passes: ${name}`, async () => {
      const r = await runKernelsCli(['test', name]);
      expect(r.out).not.toMatch(/^FAIL/m);
      expect(r.out).toMatch(new RegExp(`^PASS ${name} f32`, 'm'));
      expect(r.exitCode).toBe(0);
    });
  }
});
