// A span-free, compact view of an OmpDirective for table-driven parser tests: expressions become
// their text, list items their text (plus their parts when they are more than a name).
import type { OmpClause, OmpDirective, OmpListItem, OmpModifier, OmpSectionDim } from '../../src/openmp/ast.js';

type Json = string | number | boolean | Json[] | { [key: string]: Json };

function dim(d: OmpSectionDim): Json {
  const o: Record<string, Json> = {};
  if (d.lower) o.lower = d.lower.text;
  if (d.length) o.length = d.length.text;
  if (d.upper) o.upper = d.upper.text;
  if (d.stride) o.stride = d.stride.text;
  if (d.single) o.single = true;
  return o;
}

function item(i: OmpListItem): Json {
  const plain = i.sections.length === 0 && !i.members && !i.isCommonBlock && !i.isExpression && i.name === i.text;
  if (plain) return i.name;
  const o: Record<string, Json> = { name: i.name, text: i.text };
  if (i.sections.length) o.sections = i.sections.map(dim);
  if (i.members) o.members = [...i.members];
  if (i.isCommonBlock) o.common = true;
  if (i.isExpression) o.expression = true;
  return o;
}

function modifier(m: OmpModifier): Json {
  return m.args ? `${m.word}(${m.args.map((a) => a.text).join(', ')})` : m.word;
}

function clause(c: OmpClause): Json {
  const o: Record<string, Json> = { kind: c.kind };
  if (c.modifiers.length) o.modifiers = c.modifiers.map(modifier);
  if (c.value) o.value = c.value.word;
  if (c.operator) o.operator = c.operator.text;
  if (c.items) o.items = c.items.map(item);
  if (c.args) o.args = c.args.map((a) => a.text);
  return o;
}

export function dumpDirective(d: OmpDirective | undefined): Json {
  if (!d) return 'undefined';
  const o: Record<string, Json> = { kind: d.kind };
  if (d.isEnd) o.isEnd = true;
  if (d.argument) o.argument = d.argument.items ? d.argument.items.map(item) : d.argument.text;
  if (d.clauses.length) o.clauses = d.clauses.map(clause);
  return o;
}
