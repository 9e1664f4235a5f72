// Running the tools. Every command the driver runs goes through a Runner, so --verbose prints exactly what
// runs and --dry-run prints exactly what would run (one shell-quoted line per command, on stdout).
import { spawn } from 'node:child_process';
import { formatCommand } from './shell-words.js';

export interface RunOptions {
  /**
   * Where the tool's stdout goes: 'inherit' (ours, e.g. `-E` to the terminal), 'stderr' (tools whose
   * chatter must not pollute our stdout, e.g. make), or 'capture' (nm).
   */
  readonly stdout?: 'inherit' | 'stderr' | 'capture';
  readonly env?: NodeJS.ProcessEnv;
  readonly cwd?: string;
}

export interface RunResult {
  /** Exit status; 127 when the program could not be started (as a shell reports it). */
  readonly code: number;
  readonly stdout: string;
  /** Set when the program could not be started (ENOENT, EACCES). */
  readonly spawnError?: string;
}

export interface Runner {
  readonly dryRun: boolean;
  run(argv: readonly string[], options?: RunOptions): Promise<RunResult>;
  /** For --dry-run: a step that cannot be shown as one command is described as a comment line. */
  note(text: string): void;
}

/** Set for every tool we start, so that a compiler command that is o2ath itself is caught (driver.ts). */
export const DEPTH_VAR = 'O2ATH_DRIVER_DEPTH';

export function createRunner(opts: { dryRun: boolean; verbose: boolean; depth?: number; out?: (line: string) => void; err?: (line: string) => void }): Runner {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, [DEPTH_VAR]: String((opts.depth ?? 0) + 1) };
  const out = opts.out ?? ((line: string) => process.stdout.write(line + '\n'));
  const err = opts.err ?? ((line: string) => process.stderr.write(line + '\n'));
  return {
    dryRun: opts.dryRun,
    note(text) {
      if (opts.dryRun) out(`# ${text}`);
      else if (opts.verbose) err(`# ${text}`);
    },
    async run(argv, options = {}) {
      if (opts.dryRun) {
        out(formatCommand(argv));
        return { code: 0, stdout: '' };
      }
      if (opts.verbose) err(formatCommand(argv));
      return spawnTool(argv, { ...options, env: { ...(options.env ?? childEnv), [DEPTH_VAR]: childEnv[DEPTH_VAR] } });
    },
  };
}

export function spawnTool(argv: readonly string[], options: RunOptions = {}): Promise<RunResult> {
  const mode = options.stdout ?? 'inherit';
  return new Promise((resolve) => {
    const [cmd, ...args] = argv;
    if (cmd === undefined) {
      resolve({ code: 127, stdout: '', spawnError: 'empty command' });
      return;
    }
    const child = spawn(cmd, args, {
      stdio: ['inherit', mode === 'inherit' ? 'inherit' : 'pipe', 'inherit'],
      env: options.env ?? process.env,
      cwd: options.cwd,
    });
    const chunks: Buffer[] = [];
    if (child.stdout) {
      child.stdout.on('data', (b: Buffer) => {
        if (mode === 'capture') chunks.push(b);
        else process.stderr.write(b);
      });
    }
    let failed: string | undefined;
    child.on('error', (e: NodeJS.ErrnoException) => {
      failed = e.code ?? e.message;
    });
    child.on('close', (code, signal) => {
      if (failed !== undefined) resolve({ code: 127, stdout: '', spawnError: failed });
      else resolve({ code: code ?? (signal ? 128 + signalNumber(signal) : 1), stdout: Buffer.concat(chunks).toString('utf8') });
    });
  });
}

function signalNumber(signal: NodeJS.Signals): number {
  const table: Partial<Record<NodeJS.Signals, number>> = { SIGINT: 2, SIGKILL: 9, SIGSEGV: 11, SIGTERM: 15, SIGABRT: 6 };
  return table[signal] ?? 1;
}
