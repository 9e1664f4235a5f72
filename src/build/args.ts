// `o2ath cc|fc` command line → ParsedCommandLine. Pure: no file system, no environment (the caller passes
// the environment in), so it can be tested as a table of argv → result. gcc's rules are followed where
// a Makefile depends on them: options and inputs keep their order, `-x` applies to later inputs, the last
// `-o` wins, unknown options are forwarded to the compiler.
import type { Message } from '../core/diagnostic.js';
import type { DiagnosticsFormat } from '../core/format-diagnostic.js';
import * as msg from '../core/messages/driver.js';
import { classifyPath } from '../source/source-file.js';
import type { Layout, Target } from '../translate.js';
import { SEPARATE_ARG, attachedStem, classifyInput, flagUse } from './flags.js';
import { splitShellWords } from './shell-words.js';

export type DriverLanguage = 'c' | 'fortran';
export type Mode = 'emulate' | 'cross';
/** What the command produces: an executable (or shared object), objects (-c), assembly (-S), preprocessed text (-E). */
export type Action = 'link' | 'compile' | 'assemble' | 'preprocess';
/** -mhost / -mslave: compile without translation for one side. 'auto' translates. */
export type Side = 'auto' | 'host' | 'slave';

export interface O2athOptions {
  readonly mode: Mode;
  readonly dryRun: boolean;
  readonly target: Target;
  readonly layout: Layout;
  readonly fallback: 'none' | 'host';
  /** Raw `--cpe-functions` values in order: 'f,g' or '@file' (files are read by the driver). */
  readonly cpeFunctions: readonly string[];
  readonly keep: boolean;
  readonly saveTemps: string | undefined;
  readonly verbose: boolean;
  readonly diagnosticsFormat: DiagnosticsFormat;
  /** The compiler command as words: --cc/--fc, else the environment, else the default for the mode. */
  readonly compiler: readonly string[];
}

export type InputItem =
  | { readonly kind: 'source'; readonly path: string; readonly language: DriverLanguage | 'plain'; readonly xLang: string | undefined }
  | { readonly kind: 'linker-input'; readonly path: string }
  /** -l, -L, -Wl,..., -static ...: kept in order among the inputs. `sunway`: only for the cross link (-lm_slave). */
  | { readonly kind: 'link-flag'; readonly args: readonly string[]; readonly sunway: boolean };

export interface ForwardedFlag {
  readonly args: readonly string[];
  /** 'host'/'slave': from -Whost,.. / -Wslave,.. (SWGOMP's spelling). 'moddir': gfortran -J. */
  readonly use: 'compile' | 'general' | 'sunway' | 'host' | 'slave' | 'moddir';
}

export interface DepOptions {
  /** -M / -MM: dependencies instead of preprocessed output (implies -E). */
  readonly only: '-M' | '-MM' | undefined;
  /** -MD / -MMD: dependencies as a side effect of compiling. */
  readonly sideEffect: '-MD' | '-MMD' | undefined;
  readonly file: string | undefined;
  /** -MT/-MQ pairs as given. */
  readonly targets: readonly (readonly string[])[];
  /** -MP, -MG. */
  readonly extra: readonly string[];
}

export interface ParsedCommandLine {
  readonly verb: DriverLanguage;
  readonly options: O2athOptions;
  readonly action: Action;
  readonly output: string | undefined;
  readonly side: Side;
  /** -mhybrid / -hybrid was given (a link of host and slave objects; accepted, nothing else to do). */
  readonly hybrid: boolean;
  readonly shared: boolean;
  readonly inputs: readonly InputItem[];
  readonly flags: readonly ForwardedFlag[];
  readonly deps: DepOptions;
  /** argv without o2ath's own options, for commands with no input (`--version`, `-print-file-name=...`). */
  readonly forward: readonly string[];
}

export type ParseResult = { readonly ok: true; readonly value: ParsedCommandLine } | { readonly ok: false; readonly error: Message };

export type Env = Readonly<Record<string, string | undefined>>;

const MODES = ['emulate', 'cross'] as const;
const TARGETS = ['sw26010pro', 'sw26010'] as const;
const LAYOUTS = ['hybrid', 'split'] as const;
const FALLBACKS = ['none', 'host'] as const;
const FORMATS = ['text', 'json', 'sarif'] as const;

function oneOf<T extends string>(allowed: readonly T[], value: string): value is T {
  return (allowed as readonly string[]).includes(value);
}

class ParseError extends Error {
  constructor(readonly diagnostic: Message) {
    super(diagnostic.text);
  }
}

/** Default compilers. Emulate: the Linux host compilers. Cross: reference §4.2. */
export function defaultCompiler(verb: DriverLanguage, mode: Mode, target: Target): string {
  if (mode === 'emulate') return verb === 'c' ? 'gcc' : 'gfortran';
  if (target === 'sw26010') return verb === 'c' ? 'sw5cc' : 'sw5f90';
  return verb === 'c' ? 'sw9gcc' : 'sw9gfortran';
}

export function parseCommandLine(verb: DriverLanguage, argv: readonly string[], env: Env = {}): ParseResult {
  try {
    return { ok: true, value: parse(verb, argv, env) };
  } catch (e) {
    if (e instanceof ParseError) return { ok: false, error: e.diagnostic };
    throw e;
  }
}

function parse(verb: DriverLanguage, argv: readonly string[], env: Env): ParsedCommandLine {
  let mode: Mode = 'emulate';
  let target: Target = 'sw26010pro';
  const envMode = env['O2ATH_MODE'];
  if (envMode) {
    if (!oneOf(MODES, envMode)) throw new ParseError(msg.badEnv('O2ATH_MODE', envMode, MODES.join('|')));
    mode = envMode;
  }
  const envTarget = env['O2ATH_TARGET'];
  if (envTarget) {
    if (!oneOf(TARGETS, envTarget)) throw new ParseError(msg.badEnv('O2ATH_TARGET', envTarget, TARGETS.join('|')));
    target = envTarget;
  }
  let layout: Layout = 'hybrid';
  let fallback: 'none' | 'host' = 'none';
  let dryRun = false;
  let keep = false;
  let verbose = false;
  let saveTemps: string | undefined;
  let diagnosticsFormat: DiagnosticsFormat = 'text';
  let ccOption: string | undefined;
  let fcOption: string | undefined;
  const cpeFunctions: string[] = [];

  let action: Action = 'link';
  let output: string | undefined;
  let side: Side = 'auto';
  let hybrid = false;
  let shared = false;
  let xLang: string | undefined;
  const inputs: InputItem[] = [];
  const flags: ForwardedFlag[] = [];
  const forward: string[] = [];
  let depOnly: DepOptions['only'];
  let depSide: DepOptions['sideEffect'];
  let depFile: string | undefined;
  const depTargets: string[][] = [];
  const depExtra: string[] = [];

  // The most specific action wins, as in gcc: -E over -S over -c.
  const rank: Record<Action, number> = { link: 0, compile: 1, assemble: 2, preprocess: 3 };
  const setAction = (a: Action): void => {
    if (rank[a] > rank[action]) action = a;
  };

  let i = 0;
  const next = (option: string): string => {
    const value = argv[i + 1];
    if (value === undefined) throw new ParseError(msg.missingArgument(option));
    i++;
    return value;
  };
  /** `--name=value` or `--name value`. */
  const longValue = (arg: string, name: string): string | undefined => {
    if (arg === name) return next(name);
    if (arg.startsWith(name + '=')) return arg.slice(name.length + 1);
    return undefined;
  };

  for (; i < argv.length; i++) {
    const arg = argv[i]!;

    // o2ath's own options (double dash, so they never collide with a gcc option a Makefile passes).
    if (arg.startsWith('--')) {
      let v: string | undefined;
      if ((v = longValue(arg, '--mode')) !== undefined) {
        if (!oneOf(MODES, v)) throw new ParseError(msg.badValue('--mode', v, MODES.join('|')));
        mode = v;
        continue;
      }
      if ((v = longValue(arg, '--target')) !== undefined) {
        if (!oneOf(TARGETS, v)) throw new ParseError(msg.badValue('--target', v, TARGETS.join('|')));
        target = v;
        continue;
      }
      if ((v = longValue(arg, '--layout')) !== undefined) {
        if (!oneOf(LAYOUTS, v)) throw new ParseError(msg.badValue('--layout', v, LAYOUTS.join('|')));
        layout = v;
        continue;
      }
      if ((v = longValue(arg, '--fallback')) !== undefined) {
        if (!oneOf(FALLBACKS, v)) throw new ParseError(msg.badValue('--fallback', v, FALLBACKS.join('|')));
        fallback = v;
        continue;
      }
      if ((v = longValue(arg, '--diagnostics-format')) !== undefined) {
        if (!oneOf(FORMATS, v)) throw new ParseError(msg.badValue('--diagnostics-format', v, FORMATS.join('|')));
        diagnosticsFormat = v;
        continue;
      }
      if ((v = longValue(arg, '--cpe-functions')) !== undefined) {
        if (v.trim() === '' || v === '@') throw new ParseError(msg.emptyCpeFunctions());
        cpeFunctions.push(v);
        continue;
      }
      if ((v = longValue(arg, '--cc')) !== undefined) {
        ccOption = v;
        continue;
      }
      if ((v = longValue(arg, '--fc')) !== undefined) {
        fcOption = v;
        continue;
      }
      // gcc's own --save-temps=cwd|obj stays gcc's; any other value is o2ath's directory.
      if (arg.startsWith('--save-temps=') && arg !== '--save-temps=cwd' && arg !== '--save-temps=obj') {
        saveTemps = arg.slice('--save-temps='.length);
        if (saveTemps === '') throw new ParseError(msg.missingArgument('--save-temps'));
        continue;
      }
      if (arg === '--dry-run') {
        dryRun = true;
        continue;
      }
      if (arg === '--keep') {
        keep = true;
        continue;
      }
      if (arg === '--verbose') {
        verbose = true;
        continue;
      }
    }

    forward.push(arg);

    // Positional inputs.
    if (!arg.startsWith('-') || arg === '-') {
      const kind = classifyInput(arg, xLang, classifyPath);
      if (kind === 'linker-input') inputs.push({ kind: 'linker-input', path: arg });
      else inputs.push({ kind: 'source', path: arg, language: kind === 'plain-source' ? 'plain' : kind, xLang });
      continue;
    }

    // Options with a separate argument: gather the whole option first.
    let words: string[] = [arg];
    if (SEPARATE_ARG.has(arg)) {
      words = [arg, next(arg)];
      forward.push(words[1]!);
    }
    const option = words[0]!;
    const value = words.length > 1 ? words[1]! : undefined;
    const stem = attachedStem(option);
    const attached = stem !== undefined ? option.slice(stem.length) : undefined;

    switch (stem ?? option) {
      case '-c':
        setAction('compile');
        continue;
      case '-S':
        setAction('assemble');
        continue;
      case '-E':
        setAction('preprocess');
        continue;
      case '-o':
        output = value ?? attached;
        continue;
      case '-x':
        xLang = value ?? attached;
        continue;
      case '-M':
      case '-MM':
        depOnly = option as '-M' | '-MM';
        setAction('preprocess');
        continue;
      case '-MD':
      case '-MMD':
        depSide = option as '-MD' | '-MMD';
        continue;
      case '-MF':
        depFile = value ?? attached;
        continue;
      case '-MT':
      case '-MQ':
        depTargets.push([stem ?? option, (value ?? attached)!]);
        continue;
      case '-MP':
      case '-MG':
        depExtra.push(option);
        continue;
      case '-mhost':
      case '-host':
        side = 'host';
        continue;
      case '-mslave':
      case '-slave':
        side = 'slave';
        continue;
      case '-mhybrid':
      case '-hybrid':
        hybrid = true;
        continue;
      case '-shared':
        shared = true;
        break;
      case '-J':
        flags.push({ args: words, use: 'moddir' });
        continue;
    }
    if (option.startsWith('-Whost,') || option.startsWith('-Wslave,')) {
      const host = option.startsWith('-Whost,');
      const list = option.slice(host ? 7 : 8).split(',').filter((w) => w !== '');
      flags.push({ args: list, use: host ? 'host' : 'slave' });
      continue;
    }
    if (option === '-lm_slave' || (option === '-l' && value === 'm_slave')) {
      inputs.push({ kind: 'link-flag', args: words, sunway: true });
      continue;
    }
    const use = flagUse(option);
    if (use === 'drop') continue;
    if (use === 'link') inputs.push({ kind: 'link-flag', args: words, sunway: false });
    else flags.push({ args: words, use });
  }

  if (output === '') throw new ParseError(msg.missingArgument('-o'));
  const sources = inputs.filter((x) => x.kind === 'source').length;
  if (output !== undefined && sources > 1 && action !== 'link') {
    throw new ParseError(msg.outputWithMany(action === 'compile' ? '-c' : action === 'assemble' ? '-S' : '-E'));
  }

  const explicit = verb === 'c' ? ccOption : fcOption;
  const fromEnv = mode === 'emulate' ? env[verb === 'c' ? 'O2ATH_HOST_CC' : 'O2ATH_HOST_FC'] : env[verb === 'c' ? 'O2ATH_CROSS_CC' : 'O2ATH_CROSS_FC'];
  const commandText = explicit ?? (fromEnv && fromEnv.trim() !== '' ? fromEnv : defaultCompiler(verb, mode, target));
  const compiler = splitShellWords(commandText);
  if (!compiler || compiler.length === 0) {
    throw new ParseError(msg.badCommand(explicit !== undefined ? (verb === 'c' ? '--cc' : '--fc') : 'the compiler command', commandText));
  }

  return {
    verb,
    options: {
      mode,
      dryRun,
      target,
      layout,
      fallback,
      cpeFunctions,
      keep,
      saveTemps,
      verbose,
      diagnosticsFormat,
      compiler,
    },
    action,
    output,
    side,
    hybrid,
    shared,
    inputs,
    flags,
    deps: { only: depOnly, sideEffect: depSide, file: depFile, targets: depTargets, extra: depExtra },
    forward,
  };
}

/** Names from `--cpe-functions` values; `@file` entries are read with `readFile` (names separated by commas or white space). */
export function resolveCpeFunctions(values: readonly string[], readFile: (path: string) => string): string[] {
  const names: string[] = [];
  for (const v of values) {
    const text = v.startsWith('@') ? readFile(v.slice(1)) : v;
    for (const name of text.split(/[\s,]+/)) if (name !== '' && !names.includes(name)) names.push(name);
  }
  return names;
}
