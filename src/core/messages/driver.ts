// Command-line and build errors of `o2ath cc` / `o2ath fc` (src/build/). Misuse of the command line
// exits 2; everything else here exits 1.
import { defineMessage } from '../diagnostic.js';

export const cannotRead = defineMessage('driver-cannot-read', 'error', (path: string, why: string) => `cannot read '${path}': ${why}`);
export const unknownLanguage = defineMessage('driver-unknown-language', 'error', (path: string) => `cannot tell the language of '${path}' from its extension`);
export const toolFailed = defineMessage('driver-tool-failed', 'error', (tool: string, code: string) => `'${tool}' failed (${code})`);

// Command line (exit 2).
export const missingArgument = defineMessage('driver-missing-argument', 'error', (option: string) => `missing argument to '${option}'`);
export const badValue = defineMessage('driver-bad-value', 'error', (option: string, value: string, allowed: string) => `invalid value '${value}' for '${option}' (expected ${allowed})`);
export const badEnv = defineMessage('driver-bad-environment', 'error', (name: string, value: string, allowed: string) => `invalid value '${value}' in environment variable ${name} (expected ${allowed})`);
export const badCommand = defineMessage('driver-bad-command', 'error', (what: string, value: string) => `cannot split ${what} '${value}' into words (unterminated quote?)`);
export const noInput = defineMessage('driver-no-input', 'error', () => 'no input files');
export const outputWithMany = defineMessage('driver-output-with-many-inputs', 'error', (flag: string) => `cannot specify '-o' with '${flag}' and several source files`);
export const outputIsInput = defineMessage('driver-output-is-input', 'error', (path: string) => `input file '${path}' is the same as the output file`);
export const emptyCpeFunctions = defineMessage('driver-empty-cpe-functions', 'error', () => `'--cpe-functions' needs a comma-separated list of names or @file`);

// Build (exit 1).
export const cannotWrite = defineMessage('driver-cannot-write', 'error', (path: string, why: string) => `cannot write '${path}': ${why}`);
export const toolNotFound = defineMessage('driver-tool-not-found', 'error', (tool: string) => `'${tool}' not found in PATH`);
export const crossCompilerMissing = defineMessage(
  'driver-cross-compiler-missing',
  'error',
  (tool: string) => `the Sunway cross compiler '${tool}' is not in PATH; use '--mode emulate' to build against the emulated CPE runtime, '--cc'/'--fc' to name the compiler, or '--dry-run' to see the commands`,
);
export const runtimeMissing = defineMessage('driver-runtime-missing', 'error', (what: string) => `the emulated CPE runtime is not available: ${what}`);
export const runtimeBuildFailed = defineMessage('driver-runtime-build-failed', 'error', (dir: string) => `building the emulated CPE runtime in '${dir}' failed`);
export const runtimeLockTimeout = defineMessage('driver-runtime-lock-timeout', 'error', (lock: string) => `timed out waiting for '${lock}' (another o2ath is building the runtime; remove the file if it is stale)`);
export const slaveRenameFailed = defineMessage('driver-slave-rename-failed', 'error', (object: string, why: string) => `cannot rename the CPE symbols of '${object}': ${why}`);
export const translationMissingFile = defineMessage('driver-translation-incomplete', 'error', (path: string, role: string) => `the translation of '${path}' has no ${role} part`);
export const recursion = defineMessage('driver-recursion', 'error', (compiler: string) => `o2ath is running itself as the compiler ('${compiler}'); name a real compiler with --cc/--fc or O2ATH_HOST_CC/O2ATH_HOST_FC`);
export const translatorUnavailable = defineMessage('driver-translator-unavailable', 'error', () => 'the translator (translateSource in src/translate.ts) is not available in this build');

// Notes and warnings.
export const keptTemps = defineMessage('driver-kept-temporaries', 'note', (dir: string) => `intermediate files kept in '${dir}'`);
export const ignoredInEmulation = defineMessage('driver-ignored-option', 'warning', (option: string) => `'${option}' is ignored in emulate mode`);
