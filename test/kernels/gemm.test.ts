// K1 GEMM end to end through `o2ath kernels test gemm`: render, build on the emulator, compare with
// the serial reference and the torch oracle, bit-identity across CPE counts.
import { describe, expect, it, vi } from 'vitest';
import { Command } from 'commander';
import { registerKernelsCommand } from '../../src/kernels/cli.js';

describe('o2ath kernels test gemm', () => {
  it('passes for f32 and f64', async () => {
    const lines: string[] = [];
    const spy = vi.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => {
      lines.push(String(s));
      return true;
    });
    const program = new Command().exitOverride();
    registerKernelsCommand(program);
    process.exitCode = 0;
    try {
      await program.parseAsync(['node', 'o2ath', 'kernels', 'test', 'gemm']);
    } finally {
      spy.mockRestore();
    }
    const text = lines.join('');
    expect(text).toContain('PASS gemm f32');
    expect(text).toContain('PASS gemm f64');
    expect(process.exitCode).toBe(0);
  });
});
