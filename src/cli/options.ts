// Option values shared by the CLI verbs, validated once: a bad value is command-line misuse (exit 2).
import type { Layout, Target, TranslateOptions } from '../translate.js';
import type { DiagnosticsFormat } from '../core/format-diagnostic.js';
import { readFileSync } from 'node:fs';

export class UsageError extends Error {}

export function parseTarget(v: string | undefined): Target {
  const t = v ?? process.env.O2ATH_TARGET ?? 'sw26010pro';
  if (t !== 'sw26010pro' && t !== 'sw26010') throw new UsageError(`unknown target '${t}' (expected sw26010pro or sw26010)`);
  return t;
}

export function parseLayout(v: string | undefined): Layout {
  const l = v ?? 'hybrid';
  if (l !== 'hybrid' && l !== 'split') throw new UsageError(`unknown layout '${l}' (expected hybrid or split)`);
  return l;
}

export function parseFallback(v: string | undefined): 'none' | 'host' {
  const f = v ?? 'none';
  if (f !== 'none' && f !== 'host') throw new UsageError(`unknown fallback '${f}' (expected host or none)`);
  return f;
}

export function parseFormat(v: string | undefined): DiagnosticsFormat {
  const f = v ?? 'text';
  if (f !== 'text' && f !== 'json' && f !== 'sarif') throw new UsageError(`unknown diagnostics format '${f}' (expected text, json or sarif)`);
  return f;
}

/** `--cpe-functions f,g` or `--cpe-functions @file` (names separated by commas, spaces or newlines). */
export function parseCpeFunctions(v: string | undefined): string[] {
  if (!v) return [];
  const text = v.startsWith('@') ? readFileSync(v.slice(1), 'utf8') : v;
  return text.split(/[\s,]+/).filter(Boolean);
}

export interface CommonOptions {
  target?: string;
  layout?: string;
  fallback?: string;
  cpeFunctions?: string;
}

export function translateOptionsFrom(o: CommonOptions): TranslateOptions {
  return { target: parseTarget(o.target), layout: parseLayout(o.layout), fallback: parseFallback(o.fallback), cpeFunctions: parseCpeFunctions(o.cpeFunctions), notes: true };
}
