// Renders a KernelPlan as the CPE function (slave side) and the spawn block (host side).
import type { ConstructPlan, FilePlan, KernelPlan } from '../../lower/plan.js';
import { ATHREAD_API } from '../../lower/athread-api.js';
import { fillPlaceholders as fillVocab } from '../../lower/placeholders.js';
import { renderTemplate } from '../templates.js';
import { applyEdits, lineIndent, type TextEdit } from '../rewrite.js';
import { combineText, declare, localText, renderConstruct } from './emit-constructs.js';

/** Edits that lower the constructs of a piece of CPE code (kernel body or copied function). */
export function constructEdits(plan: FilePlan, constructs: readonly ConstructPlan[], text: string): TextEdit[] {
  return constructs.map((c) => ({ start: c.start, end: c.end, render: (sub) => renderConstruct(plan, c, text, sub) }));
}

export function renderKernel(plan: FilePlan, k: KernelPlan, text: string, source: string): string {
  const v = ATHREAD_API[plan.target];
  const n = plan.names;
  const edits: TextEdit[] = [...k.derefs.map((d) => ({ start: d.start, end: d.end, render: () => `(*${d.pointer})` })), ...constructEdits(plan, k.constructs, text)];
  const body = lineIndent(text, k.bodyStart) + applyEdits(text, k.bodyStart, k.bodyEnd, edits);
  const vals = { dst: n.args, src: n.argPtr, reply: n.reply };
  const prologue = [...v.argsInDecls.map((s) => fillVocab(s, vals)), ...v.argsIn.map((s) => fillVocab(s, vals))];
  if (k.usesTeam) prologue.push(`const int ${n.tid} = ${v.tid};`, `const int ${n.nthr} = ${n.args}.${nthrField(k)};`, `(void)${n.tid}; (void)${n.nthr};`);
  return renderTemplate('c/kernel.c.hbs', {
    source,
    line: k.line,
    directive: k.directive,
    kernel: k.kernel,
    struct: k.struct,
    argPtr: n.argPtr,
    args: n.args,
    prologue,
    locals: k.locals.map((l) => localText(l, n.args, n.e)),
    body,
    epilogue: k.reductions.map((r) => `${n.argPtr}->${r.slots}[${n.tid}] = ${r.name};`),
  });
}

function nthrField(k: KernelPlan): string {
  return k.fields[0]!.name;
}

export function renderArgsStruct(k: KernelPlan): string {
  return renderTemplate('c/args-struct.c.hbs', { kernel: k.kernel, struct: k.struct, fields: k.fields.map((f) => declare(f.ctype, f.name)) });
}

export function renderHostDecl(k: KernelPlan): string {
  return renderTemplate('c/host-decl.c.hbs', { argsStruct: renderArgsStruct(k), kernel: k.kernel, struct: k.struct });
}

export function renderSpawn(plan: FilePlan, k: KernelPlan): string {
  const v = ATHREAD_API[plan.target];
  const n = plan.names;
  const cpes = String(v.maxCpes);
  let team = cpes;
  if (k.numThreads) team = `(${k.numThreads}) < 1 ? 1 : (${k.numThreads}) > ${cpes} ? ${cpes} : (${k.numThreads})`;
  if (k.ifExpr) team = `(${k.ifExpr}) ? ${k.numThreads ? `(${team})` : team} : 1`;
  const nthr = nthrField(k);
  return renderTemplate('c/spawn.c.hbs', {
    directive: k.directive,
    line: k.line,
    kernel: k.kernel,
    pad: k.indent,
    struct: k.struct,
    args: n.args,
    nthrField: nthr,
    team,
    assigns: k.fields.filter((f) => f.hostInit !== undefined).map((f) => `${n.args}.${f.name} = ${f.hostInit};`),
    hostInit: v.hostInit,
    setThreads: fillVocab(v.setThreads, { n: `${n.args}.${nthr}` }),
    spawn: fillVocab(v.spawn, { kernel: k.kernel, args: n.args }),
    join: v.join,
    rb: '}',
    combines: k.reductions.map((r) => `for (int ${n.t} = 0; ${n.t} < ${n.args}.${nthr}; ${n.t}++) ${combineText(r, r.name, `${n.args}.${r.slots}[${n.t}]`)}`),
  }).replace(/\n$/, '');
}
