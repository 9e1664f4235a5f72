// `o2ath translate FILE... [-o DIR]`: writes readable Athread source next to nothing the user owns.
import { readFileSync } from 'node:fs';
import { createSourceFile, classifyPath } from '../source/source-file.js';
import { translateSource } from '../translate.js';
import { formatDiagnostics } from '../core/format-diagnostic.js';
import { parseFormat, translateOptionsFrom, UsageError, type CommonOptions } from './options.js';
import { writeFilesAtomically } from './write-output.js';
import { dumpPhase } from './dump.js';

export interface TranslateCommandOptions extends CommonOptions {
  output?: string;
  diagnosticsFormat?: string;
  dump?: string;
}

export function runTranslate(inputs: string[], o: TranslateCommandOptions): number {
  const options = translateOptionsFrom(o);
  const format = parseFormat(o.diagnosticsFormat);
  if (!o.output && !o.dump && inputs.length > 1) throw new UsageError('several inputs need an output directory (-o DIR)');
  let failed = false;
  for (const path of inputs) {
    if (!classifyPath(path)) throw new UsageError(`cannot tell the language of '${path}' from its extension`);
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (e) {
      process.stderr.write(`o2ath: error: cannot read '${path}': ${(e as NodeJS.ErrnoException).code ?? String(e)}\n`);
      failed = true;
      continue;
    }
    const file = createSourceFile(path, text);
    if (o.dump) {
      process.stdout.write(dumpPhase(file, o.dump, options));
      continue;
    }
    const result = translateSource(file, options);
    if (result.diagnostics.length) process.stderr.write(formatDiagnostics(result.diagnostics, format));
    if (!result.ok) {
      failed = true;
      continue;
    }
    if (!o.output) process.stdout.write(result.files.map((f) => f.text).join(''));
    else writeFilesAtomically(o.output, result.files, inputs);
  }
  return failed ? 1 : 0;
}
