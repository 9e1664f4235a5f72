// The openmp phase's public face: directive text → checked OmpDirective, and the vocabulary table.
import type { DiagnosticBag } from '../core/diagnostic.js';
import type { DirectiveSite } from '../frontend/directive-site.js';
import type { OmpDirective } from './ast.js';
import { checkDirective, type CheckOptions } from './check-directive.js';
import { parseDirective } from './parse-directive.js';
import type { Language } from './spec-types.js';

export type * from './ast.js';
export * from './spec.js';
export { checkDirective, parseDirective, type CheckOptions };

/** Parse, then check against the table. Undefined only when the directive name is unknown. */
export function parseAndCheckDirective(site: DirectiveSite, language: Language, bag: DiagnosticBag, options?: CheckOptions): OmpDirective | undefined {
  const errorsBefore = bag.errorCount;
  const directive = parseDirective(site, language, bag);
  const parsedCleanly = bag.errorCount === errorsBefore;
  if (directive) checkDirective(directive, site, language, bag, parsedCleanly ? options : { ...options, support: false });
  return directive;
}
