// gcc-style rendering: "file:line:col: error: text [name]", the source line and a caret under the span.
// JSON and SARIF renderings carry the same records for tools.
import type { Diagnostic } from './diagnostic.js';
import { lineText, positionOf } from '../source/line-map.js';

export type DiagnosticsFormat = 'text' | 'json' | 'sarif';

function location(d: Diagnostic): { line: number; column: number } | undefined {
  if (!d.file || !d.span) return undefined;
  return positionOf(d.file.lines, d.span.start);
}

function renderOne(d: Diagnostic, withSource: boolean): string {
  const loc = location(d);
  const where = d.file ? (loc ? `${d.file.path}:${loc.line}:${loc.column}: ` : `${d.file.path}: `) : 'o2ath: ';
  const tag = d.severity === 'note' ? '' : ` [${d.name}]`;
  let out = `${where}${d.severity}: ${d.text}${tag}\n`;
  if (withSource && d.file && d.span && loc) {
    const src = lineText(d.file.text, d.file.lines, loc.line);
    const gutter = String(loc.line).padStart(5);
    const lineEnd = (d.file.lines.starts[loc.line] ?? d.file.text.length + 1) - 1;
    const width = Math.max(1, Math.min(d.span.end, lineEnd) - d.span.start);
    const pad = src.slice(0, loc.column - 1).replace(/[^\t]/g, ' ');
    out += `${gutter} | ${src}\n${' '.repeat(5)} | ${pad}^${'~'.repeat(width - 1)}\n`;
  }
  for (const n of d.notes) out += renderOne(n, withSource);
  return out;
}

export function formatDiagnosticsText(list: readonly Diagnostic[], withSource = true): string {
  return list.map((d) => renderOne(d, withSource)).join('');
}

interface JsonDiagnostic {
  file: string | null;
  line: number | null;
  column: number | null;
  severity: string;
  name: string;
  message: string;
  notes: JsonDiagnostic[];
}

function toJson(d: Diagnostic): JsonDiagnostic {
  const loc = location(d);
  return {
    file: d.file?.path ?? null,
    line: loc?.line ?? null,
    column: loc?.column ?? null,
    severity: d.severity,
    name: d.name,
    message: d.text,
    notes: d.notes.map(toJson),
  };
}

export function formatDiagnostics(list: readonly Diagnostic[], format: DiagnosticsFormat): string {
  if (format === 'text') return formatDiagnosticsText(list);
  if (format === 'json') return JSON.stringify(list.map(toJson), null, 2) + '\n';
  const results = list.map((d) => {
    const loc = location(d);
    return {
      ruleId: d.name,
      level: d.severity === 'note' ? 'note' : d.severity,
      message: { text: d.text },
      locations: d.file
        ? [{ physicalLocation: { artifactLocation: { uri: d.file.path }, region: loc ? { startLine: loc.line, startColumn: loc.column } : undefined } }]
        : [],
    };
  });
  const sarif = { version: '2.1.0', runs: [{ tool: { driver: { name: 'o2ath' } }, results }] };
  return JSON.stringify(sarif, null, 2) + '\n';
}
