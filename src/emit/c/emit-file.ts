// Assembles the output files of a C translation: the host half is the user's file with each region
// replaced by its spawn block (everything else byte for byte), the slave half holds the prologue,
// team-shared statics, argument structs, copied functions and kernels. Hybrid layout wraps both in
// __sw_slave__ guards.
import { basename, extname } from 'node:path';
import type { FilePlan } from '../../lower/plan.js';
import type { Layout, OutputFile, Target } from '../../translate.js';
import { ATHREAD_API } from '../../lower/athread-api.js';
import { renderTemplate } from '../templates.js';
import { applyEdits, applyFileEdits, type TextEdit } from '../rewrite.js';
import { constructEdits, renderArgsStruct, renderHostDecl, renderKernel, renderSpawn } from './emit-kernel.js';

const TARGET_NAME: Record<Target, string> = { sw26010pro: 'SW26010-Pro (athread v2 / CRTS)', sw26010: 'SW26010 (classic athread)' };

export function emitHostText(plan: FilePlan, text: string): string {
  const edits: { start: number; end: number; text: string }[] = [];
  for (const k of plan.kernels) {
    edits.push({ start: k.hostDeclAt, end: k.hostDeclAt, text: renderHostDecl(k) });
    const between = text.slice(k.pragmaEnd, k.stmtStart);
    if (/^\s*$/.test(between)) edits.push({ start: k.replaceStart, end: k.replaceEnd, text: renderSpawn(plan, k) });
    else {
      // Preprocessor lines (an `#endif`) separate the directive from its statement: keep them.
      const nl = text.slice(k.replaceStart, k.pragmaEnd).endsWith('\n') ? '\n' : '';
      edits.push({ start: k.replaceStart, end: k.pragmaEnd, text: `/* o2ath: '#pragma omp ${k.directive}' runs on the CPEs as ${k.kernel} (below) */${nl}` });
      edits.push({ start: k.stmtStart, end: k.replaceEnd, text: renderSpawn(plan, k) });
    }
  }
  for (const a of plan.staticAliases) edits.push({ start: a.after, end: a.after, text: `${a.ctype.replace('$', a.alias)} = ${a.hostInit}; /* o2ath: lets CPE code reach this static */\n` });
  return applyFileEdits(text, edits);
}

function usesHelpers(plan: FilePlan): boolean {
  const all = [...plan.kernels.flatMap((k) => k.constructs), ...plan.orphans];
  return all.some((c) => (c.kind === 'loop' && (c.schedule === 'dynamic' || c.schedule === 'guided' || c.schedule === 'runtime' || c.orderedTurn)) || c.kind === 'ordered');
}

export function emitSlaveText(plan: FilePlan, text: string, source: string): string {
  const prologue = plan.prologue.map((p) => (p.kind === 'copy' ? text.slice(p.start, p.end).replace(/\n?$/, '\n') : p.text)).join('');
  const v = ATHREAD_API[plan.target];
  const edits: TextEdit[] = [...plan.calleeEdits.map((e) => ({ start: e.start, end: e.end, render: () => e.text })), ...constructEdits(plan, plan.orphans, text)];
  const callees = [...plan.staticAliases.map((a) => `extern ${a.ctype.replace('$', a.alias)};\n`), plan.callees.map((c) => `${c.before}${applyEdits(text, c.start, c.end, edits)}${c.after ? `\n${c.after}` : ''}`).join('\n\n')].join('');
  return renderTemplate('c/slave.c.hbs', {
    slaveHeader: v.slaveHeader,
    source,
    prologue,
    statics: plan.slaveStatics.map((s) => s.decl),
    helpers: usesHelpers(plan) ? renderTemplate('c/sched-helpers.c.hbs', {}) : '',
    structs: plan.kernels.map(renderArgsStruct),
    callees: plan.callees.length ? callees : '',
    kernels: plan.kernels.map((k) => renderKernel(plan, k, text, source)),
  });
}

export function emitC(plan: FilePlan, text: string, path: string, layout: Layout): OutputFile[] {
  const source = basename(path);
  const v = ATHREAD_API[plan.target];
  const host = renderTemplate('c/host.c.hbs', { hostHeader: v.hostHeader, body: emitHostText(plan, text) });
  const slave = emitSlaveText(plan, text, source);
  if (layout === 'split') {
    const stem = basename(path, extname(path));
    return [
      { name: `${stem}.host.c`, text: host, role: 'host' },
      { name: `${stem}.slave.c`, text: slave, role: 'slave' },
    ];
  }
  const hybrid = renderTemplate('c/hybrid.c.hbs', { source, targetName: TARGET_NAME[plan.target], slave: slave.replace(/\n+$/, ''), host: host.replace(/\n+$/, '') });
  return [{ name: source, text: hybrid, role: 'hybrid' }];
}
