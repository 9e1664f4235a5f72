// Diagnostic text: gcc's layout, 1-based line and column, the source line and a caret under the span.
import { describe, expect, it } from 'vitest';
import { DiagnosticBag, defineMessage } from '../../src/core/diagnostic.js';
import { formatDiagnostics, formatDiagnosticsText } from '../../src/core/format-diagnostic.js';
import { createSourceFile } from '../../src/source/source-file.js';

const msg = defineMessage('omp-test', 'error', (w: string) => `bad '${w}'`);

describe('formatDiagnosticsText', () => {
  it('prints file:line:col, the name, the line and a caret', () => {
    const f = createSourceFile('a.c', 'int x;\n#pragma omp parallel privat(x)\n');
    const bag = new DiagnosticBag();
    bag.report(f, { start: 28, end: 34 }, msg('privat'));
    expect(formatDiagnosticsText(bag.items)).toBe(
      "a.c:2:22: error: bad 'privat' [omp-test]\n    2 | #pragma omp parallel privat(x)\n      |                      ^~~~~~\n",
    );
  });

  it('keeps tabs in the caret line so the caret lines up', () => {
    const f = createSourceFile('t.c', '\tfoo bar\n');
    const bag = new DiagnosticBag();
    bag.report(f, { start: 5, end: 8 }, msg('bar'));
    expect(formatDiagnosticsText(bag.items).split('\n')[2]).toBe('      | \t    ^~~');
  });

  it('counts columns in characters after a non-ASCII comment', () => {
    const f = createSourceFile('u.c', '/* é */ int y;\n');
    const bag = new DiagnosticBag();
    bag.report(f, { start: 12, end: 13 }, msg('y'));
    expect(formatDiagnosticsText(bag.items)).toMatch(/^u\.c:1:13: /);
  });

  it('renders the same records as JSON and SARIF', () => {
    const f = createSourceFile('a.c', 'x\n');
    const bag = new DiagnosticBag();
    bag.report(f, { start: 0, end: 1 }, msg('x'));
    expect(JSON.parse(formatDiagnostics(bag.items, 'json'))).toEqual([{ file: 'a.c', line: 1, column: 1, severity: 'error', name: 'omp-test', message: "bad 'x'", notes: [] }]);
    const sarif = JSON.parse(formatDiagnostics(bag.items, 'sarif')) as { runs: { results: { ruleId: string }[] }[] };
    expect(sarif.runs[0]!.results[0]!.ruleId).toBe('omp-test');
  });
});
