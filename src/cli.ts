#!/usr/bin/env node
// The `o2ath` command. Compiler-driver verbs (cc, fc) take gcc-style arguments verbatim, so they are
// dispatched before commander sees the command line; every other verb is a commander subcommand.
import { main } from './cli/main.js';

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    // Reaching here is a bug in o2ath, never a user error: say so, and show the stack only on request.
    const verbose = process.argv.includes('--verbose');
    const text = err instanceof Error ? (verbose ? err.stack ?? err.message : err.message) : String(err);
    process.stderr.write(`o2ath: internal compiler error: ${text}\nPlease report this bug with the input that triggered it.\n`);
    process.exitCode = 3;
  },
);
