// Renders a KernelPlan as the CPE function (slave side) and the spawn block (host side).
import type { FilePlan, KernelLocal, KernelPlan, LoopPlan, ReductionPlan } from '../../lower/plan.js';
import { ATHREAD_API, fillVocab } from '../../lower/athread-api.js';
import { renderTemplate } from '../templates.js';
import { applyEdits, lineIndent, type TextEdit } from '../rewrite.js';

function declare(ctype: string, name: string): string {
  return ctype.replace('$', name);
}

function localText(l: KernelLocal, args: string): string {
  const d = declare(l.ctype, l.name);
  if (l.copyFrom) return `${d}; memcpy(${l.name}, ${l.copyFrom.replace('{args}', args)}, sizeof(${l.name}));`;
  return l.init !== undefined ? `${d} = ${l.init.replace('{args}', args)};` : `${d};`;
}

function combineText(r: ReductionPlan, acc: string, part: string): string {
  return `${acc} = ${r.combine.replace(/\{acc\}/g, acc).replace(/\{part\}/g, part)};`;
}

export function renderKernel(plan: FilePlan, k: KernelPlan, text: string, source: string): string {
  const v = ATHREAD_API[plan.target];
  const n = plan.names;
  const barrier = v.barrier.join(' ');
  const edits: TextEdit[] = [];
  for (const d of k.derefs) edits.push({ start: d.start, end: d.end, render: () => `(*${d.pointer})` });
  for (const b of k.barriers) edits.push({ start: b.start, end: b.end, render: () => `${barrier}\n` });
  for (const l of k.loops) edits.push({ start: l.start, end: l.end, render: (sub) => renderLoop(plan, k, l, text, sub(l.bodyStart, l.bodyEnd)) });

  const body = k.combinedLoop
    ? lineIndent(text, k.replaceStart) + applyEdits(text, k.replaceStart, k.replaceEnd, edits)
    : lineIndent(text, k.bodyStart) + applyEdits(text, k.bodyStart, k.bodyEnd, edits);
  const vals = { dst: n.args, src: n.argPtr, reply: n.reply };
  const prologue = [...v.argsInDecls.map((s) => fillVocab(s, vals)), ...v.argsIn.map((s) => fillVocab(s, vals))];
  if (k.usesTeam) prologue.push(`const int ${n.tid} = ${v.tid};`, `const int ${n.nthr} = ${n.args}.${nthrField(k)};`);
  return renderTemplate('c/kernel.c.hbs', {
    source,
    line: k.line,
    directive: k.directive,
    kernel: k.kernel,
    struct: k.struct,
    argPtr: n.argPtr,
    args: n.args,
    prologue,
    locals: k.locals.map((l) => localText(l, n.args)),
    body,
    epilogue: k.reductions.map((r) => `${n.argPtr}->${r.slots}[${n.tid}] = ${r.name};`),
  });
}

function nthrField(k: KernelPlan): string {
  return k.fields[0]!.name;
}

function renderLoop(plan: FilePlan, k: KernelPlan, l: LoopPlan, text: string, body: string): string {
  const v = ATHREAD_API[plan.target];
  const n = plan.names;
  const barrier = v.barrier.join(' ');
  const tail: string[] = [];
  // The end of a combined construct is the end of the kernel: athread_join is the barrier.
  const isCombined = k.combinedLoop && l.start === k.replaceStart;
  if (l.barrierAfter && !isCombined) tail.push(barrier);
  if (l.reductions.length) {
    const combines = l.reductions.map((r) => combineText(r, r.target ?? r.name, `${n.argPtr}->${r.slots}[${n.t}]`));
    tail.push(`if (${n.tid} == 0) for (int ${n.t} = 0; ${n.t} < ${n.nthr}; ${n.t}++) { ${combines.join(' ')} }`, barrier);
  }
  const setVar = `${l.varDecl ? declare(l.varDecl, l.var) : l.var} = ${l.lb} + ${n.k} * ${l.step};`;
  return renderTemplate('c/loop-static.c.hbs', {
    directive: isCombined ? k.directive : 'for',
    line: l.line,
    pad: lineIndent(text, l.start),
    n: n.n,
    trip: l.trip,
    locals: l.locals.map((x) => localText(x, n.args)),
    chunk: l.chunk ?? '',
    chunkName: n.chunk,
    c: n.c,
    k: n.k,
    lo: n.lo,
    hi: n.hi,
    tid: n.tid,
    nthr: n.nthr,
    setVar,
    body,
    after: l.reductions.map((r) => `${n.argPtr}->${r.slots}[${n.tid}] = ${r.name};`),
    tail,
    rb: '}',
  }).replace(/\n$/, '');
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
