// Runs `o2ath kernels ...` through commander in-process and captures what it prints.
import { vi } from 'vitest';
import { Command } from 'commander';
import { registerKernelsCommand } from '../../src/kernels/cli.js';

export interface CliRun {
  readonly out: string;
  readonly exitCode: number;
}

export async function runKernelsCli(args: readonly string[]): Promise<CliRun> {
  const chunks: string[] = [];
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => {
    chunks.push(String(s));
    return true;
  });
  const program = new Command().exitOverride();
  registerKernelsCommand(program);
  const before = process.exitCode;
  process.exitCode = 0;
  try {
    await program.parseAsync(['node', 'o2ath', 'kernels', ...args]);
  } finally {
    spy.mockRestore();
  }
  const exitCode = Number(process.exitCode ?? 0);
  process.exitCode = before;
  return { out: chunks.join(''), exitCode };
}
