// The same kernels rendered for the classic SW26010 (64 KB LDM, athread_get/put with reply counters)
// and run on runtime-c's classic emulation; a representative subset keeps the suite short
// (`o2ath kernels test --target sw26010` runs all).
import { describe, expect, it } from 'vitest';
import { runKernelsCli } from './helpers.js';

describe('o2ath kernels test --target sw26010', () => {
  for (const name of ['gemm', 'norm', 'mcubes']) {
    it(`passes: ${name}`, async () => {
      const r = await runKernelsCli(['test', name, '--target', 'sw26010']);
      expect(r.out).not.toMatch(/^FAIL/m);
      expect(r.exitCode).toBe(0);
    });
  }
});
