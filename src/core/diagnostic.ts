// Diagnostics are collected, never thrown: every phase reports into a DiagnosticBag and the driver
// decides when to stop. Only InternalError (a bug in o2ath) is thrown.
import type { Span } from './span.js';
import type { SourceFile } from '../source/source-file.js';

export type Severity = 'error' | 'warning' | 'note';

/** A message instance produced by a catalog constructor (core/messages/*.ts). */
export interface Message {
  /** Stable kebab-case name printed in brackets, e.g. 'omp-unknown-clause'. */
  readonly name: string;
  readonly severity: Severity;
  readonly text: string;
}

export interface Diagnostic extends Message {
  readonly file: SourceFile | undefined;
  readonly span: Span | undefined;
  readonly notes: readonly Diagnostic[];
}

export class DiagnosticBag {
  readonly items: Diagnostic[] = [];

  report(file: SourceFile | undefined, span: Span | undefined, message: Message, notes: Diagnostic[] = []): Diagnostic {
    const d: Diagnostic = { ...message, file, span, notes };
    this.items.push(d);
    return d;
  }

  /** A note attached to a diagnostic, built without entering the bag. */
  note(file: SourceFile | undefined, span: Span | undefined, message: Message): Diagnostic {
    return { ...message, severity: 'note', file, span, notes: [] };
  }

  get errorCount(): number {
    return this.items.filter((d) => d.severity === 'error').length;
  }

  hasErrors(): boolean {
    return this.items.some((d) => d.severity === 'error');
  }
}

/** A bug in o2ath, not in the user's program. Printed as "internal compiler error". */
export class InternalError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InternalError';
  }
}

export function defineMessage<A extends unknown[]>(
  name: string,
  severity: Severity,
  format: (...args: A) => string,
): (...args: A) => Message {
  return (...args: A) => ({ name, severity, text: format(...args) });
}
