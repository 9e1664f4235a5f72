// Command-line dispatch. `cc`/`fc` forward gcc-style arguments untouched to the compiler driver;
// the other verbs are commander subcommands. Exit codes: 0 success, 1 user error, 2 misuse.
import { Command, CommanderError } from 'commander';
import { UsageError } from './options.js';

const VERSION = '0.1.0';

async function driver(language: 'c' | 'fortran', argv: string[]): Promise<number> {
  const { runCompilerDriver } = await import('../build/driver.js');
  return runCompilerDriver(language, argv);
}

async function registerOptional(program: Command): Promise<void> {
  // Verbs owned by other modules register themselves when present.
  const r = await import('../report/cli.js');
  r.registerReportCommand(program);
  try {
    const k = await import('../kernels/cli.js');
    k.registerKernelsCommand(program);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ERR_MODULE_NOT_FOUND') throw e;
  }
}

export async function main(argv: string[]): Promise<number> {
  if (argv[0] === 'cc') return driver('c', argv.slice(1));
  if (argv[0] === 'fc') return driver('fortran', argv.slice(1));
  let code = 0;
  const program = new Command()
    .name('o2ath')
    .description('Port OpenMP C and Fortran to Sunway Athread (MPE spawns, 64 CPEs compute)')
    .version(VERSION)
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });
  program
    .command('translate')
    .description('translate OpenMP source files to Athread source')
    .argument('<files...>', 'C (.c) or Fortran (.f .F .f90 .F90 ...) sources')
    .option('-o, --output <dir>', 'write the translation into DIR (default: standard output)')
    .option('--target <target>', 'sw26010pro (default) or sw26010')
    .option('--layout <layout>', 'hybrid (default: one file, __sw_host__/__sw_slave__) or split (name.host.c + name.slave.c)')
    .option('--fallback <mode>', "'host': keep regions that cannot be lowered on the MPE (warning instead of error)")
    .option('--cpe-functions <list>', 'functions defined in other files that CPE code calls: f,g or @file')
    .option('--diagnostics-format <fmt>', 'text (default), json or sarif')
    .option('--dump <phase>', 'print the output of one phase as JSON (sites, directives, plan)')
    .action(async (files: string[], opts) => {
      // Loaded on demand: `o2ath cc` on a file without OpenMP never pays for the translator.
      const { runTranslate } = await import('./translate-command.js');
      code = runTranslate(files, opts);
    });
  program
    .command('demo')
    .description('translate the bundled stencil example, build it both ways, run both and compare')
    .option('-o, --output <dir>', 'where to put the translation and binaries', 'o2ath-demo')
    .option('--target <target>', 'sw26010pro (default) or sw26010')
    .action(async (opts) => {
      const { runDemo } = await import('./demo-command.js');
      code = await runDemo(opts);
    });
  program.command('cc').description('C compiler driver: o2ath cc [gcc arguments] (see README)');
  program.command('fc').description('Fortran compiler driver: o2ath fc [gfortran arguments] (see README)');
  await registerOptional(program);
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2;
    if (e instanceof UsageError) {
      process.stderr.write(`o2ath: error: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
  return code;
}
