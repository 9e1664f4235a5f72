// Assembles the output files of a C translation: the host half is the user's file with each region
// replaced by its spawn block (everything else byte for byte), the slave half holds the prologue,
// argument structs, copied functions and kernels. Hybrid layout wraps both in __sw_slave__ guards.
import { basename, extname } from 'node:path';
import type { FilePlan } from '../../lower/plan.js';
import type { Layout, OutputFile, Target } from '../../translate.js';
import { ATHREAD_API } from '../../lower/athread-api.js';
import { renderTemplate } from '../templates.js';
import { applyFileEdits } from '../rewrite.js';
import { renderArgsStruct, renderHostDecl, renderKernel, renderSpawn } from './emit-kernel.js';

const TARGET_NAME: Record<Target, string> = { sw26010pro: 'SW26010-Pro (athread v2 / CRTS)', sw26010: 'SW26010 (classic athread)' };

export function emitHostText(plan: FilePlan, text: string): string {
  const edits: { start: number; end: number; text: string }[] = [];
  const declared = new Set<number>();
  for (const k of plan.kernels) {
    // All structs of one function go before it, in region order.
    edits.push({ start: k.hostDeclAt, end: k.hostDeclAt, text: renderHostDecl(k) });
    declared.add(k.hostDeclAt);
    const between = text.slice(k.pragmaEnd, k.stmtStart);
    if (/^\s*$/.test(between)) edits.push({ start: k.replaceStart, end: k.replaceEnd, text: renderSpawn(plan, k) });
    else {
      // Preprocessor lines (an `#endif`) separate the directive from its statement: keep them.
      const nl = text.slice(k.replaceStart, k.pragmaEnd).endsWith('\n') ? '\n' : '';
      edits.push({ start: k.replaceStart, end: k.pragmaEnd, text: `/* o2ath: '#pragma omp ${k.directive}' runs on the CPEs as ${k.kernel} (below) */${nl}` });
      edits.push({ start: k.stmtStart, end: k.replaceEnd, text: renderSpawn(plan, k) });
    }
  }
  for (const a of plan.staticAliases)
    edits.push({ start: a.after, end: a.after, text: `\n${a.ctype.replace('$', a.alias)} = ${a.hostInit}; /* o2ath: lets CPE code reach this static */` });
  return applyFileEdits(text, edits);
}

export function emitSlaveText(plan: FilePlan, text: string, source: string): string {
  const prologue = plan.prologue.map((p) => (p.kind === 'copy' ? text.slice(p.start, p.end).replace(/\n?$/, '\n') : p.text)).join('');
  const v = ATHREAD_API[plan.target];
  return renderTemplate('c/slave.c.hbs', {
    slaveHeader: v.slaveHeader,
    source,
    prologue,
    structs: plan.kernels.map(renderArgsStruct),
    callees: [
      ...plan.staticAliases.map((a) => `extern ${a.ctype.replace('$', a.alias)};\n`),
      plan.callees.map((c) => applyFileEdits(text, plan.calleeEdits).slice(c.start + shift(plan, c.start), c.end + shift(plan, c.end))).join('\n\n'),
    ].join(''),
    kernels: plan.kernels.map((k) => renderKernel(plan, k, text, source)),
  });
}

/** How far an offset moves when the callee edits before it are applied. */
function shift(plan: FilePlan, at: number): number {
  return plan.calleeEdits.filter((e) => e.end <= at).reduce((n, e) => n + e.text.length - (e.end - e.start), 0);
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
