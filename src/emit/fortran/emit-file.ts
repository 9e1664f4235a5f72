// FFilePlan → the hybrid output file: `#ifdef __sw_slave__` (binding module, the file's modules and
// the procedures kernels call, the kernels) `#else` (the user's program with each region replaced by
// its spawn block) `#endif`. Outside the replaced regions the user's text is kept byte for byte.
import { renderTemplate } from '../templates.js';
import type { FFilePlan, FKernelPlan, FSpecItem, FCalleeCopy } from '../../lower/fortran/plan.js';
import { WORK_DECLS, TEAM_INIT, N } from '../../lower/fortran/names.js';
import { fortranReduction } from '../../lower/fortran/reduction.js';
import { fillPlaceholders as fill } from '../../lower/placeholders.js';
import { lineEndOf, lineStartOf } from '../../analysis/fortran/regions.js';
import { applyEdits } from './apply-edits.js';
import { formatStatements, type Form } from './format.js';

/** Render a template whose lines are statements (leading spaces = nesting), then lay them out. */
function renderStatements(name: string, ctx: object, form: Form, indent: string, verbatim: Record<string, string> = {}): string {
  const lines = renderTemplate(name, ctx).split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  let out = '';
  for (const l of lines) {
    const m = /^@@(\w+)@@$/.exec(l.trim());
    if (m) out += verbatim[m[1]!] ?? '';
    else out += formatStatements([l], form, indent);
  }
  return out;
}

function specText(text: string, items: readonly FSpecItem[], form: Form, which: 'uses' | 'rest'): string {
  let out = '';
  for (const it of items) {
    const isUse = 'stmt' in it ? /^use\b/i.test(it.stmt) : /^\s*use\b/i.test(text.slice(it.start, it.end).replace(/^\s*\d+\s/, ''));
    if ((which === 'uses') !== isUse) continue;
    if ('stmt' in it) out += formatStatements([it.stmt], form);
    else out += text.slice(lineStartOf(text, it.start), lineEndOf(text, it.end));
  }
  return out;
}

function renderKernel(k: FKernelPlan, plan: FFilePlan, text: string): string {
  const form = plan.form;
  const pointees = k.dummies.filter((d) => d.kind === 'pointee').map((d, i) => ({ name: `o2ath_v${i + 1}`, type: d.kind === 'pointee' ? d.pointee.type : '', array: d.kind === 'pointee' && d.pointee.array, entry: d.kind === 'pointee' ? d.pointee.entry : 0 }));
  let pi = 0;
  const args = k.dummies.map((d) => (d.kind === 'pointee' ? pointees[pi++]!.name : `${N.args}(${d.entry})`));
  const decls = [
    ...k.dummies.map((d) => (d.kind === 'pointee' ? d.decl : `integer(8) ${d.name}`)),
    ...k.decls,
  ];
  // Bounds first: explicit-shape dummies use them.
  decls.sort((a, b) => Number(b.startsWith('integer(8) o2ath_lb_') || b.startsWith('integer(8) o2ath_ub_')) - Number(a.startsWith('integer(8) o2ath_lb_') || a.startsWith('integer(8) o2ath_ub_')));
  const region = applyEdits(text, k.regionStart, k.regionEnd, k.edits, form);
  return renderStatements('fortran/kernel.f90.hbs', {
    kernel: k.kernel, body: k.body, directive: k.directive, line: k.line, binding: plan.bindingModule,
    bindc: k.inModule ? ` bind(c, name='${k.kernel}_')` : '',
    pointees, args: args.join(', '), dummies: k.dummies.map((d) => d.name).join(', '),
    decls, work: WORK_DECLS, prologue: [...TEAM_INIT, ...k.prologue], epilogue: k.epilogue,
  }, form, '', { USES: specText(text, k.specCopies, form, 'uses'), IMPLICIT: specText(text, k.specCopies, form, 'rest'), REGION: region });
}

function renderSpawn(k: FKernelPlan, form: Form): string {
  const slots: string[] = [];
  const allocs: string[] = [];
  const combines: string[] = [];
  for (const r of k.hostReductions) {
    const ro = fortranReduction(r.op)!;
    if (r.array) {
      slots.push(`${r.type}, allocatable :: ${r.slots}(:, :)`);
      allocs.push(`allocate(${r.slots}(size(${r.name}), 0:63))`);
      combines.push(`do o2ath_t = 0, int(o2ath_a(1)) - 1`, `  ${r.name} = ${fill(ro.combine, { acc: r.name, part: `reshape(${r.slots}(:, o2ath_t), shape(${r.name}))` })}`, 'end do', `deallocate(${r.slots})`);
    } else {
      slots.push(`${r.type} ${r.slots}(0:63)`);
      combines.push(`do o2ath_t = 0, int(o2ath_a(1)) - 1`, `  ${r.name} = ${fill(ro.combine, { acc: r.name, part: `${r.slots}(o2ath_t)` })}`, 'end do');
    }
  }
  return renderStatements('fortran/spawn.f90.hbs', {
    directive: k.directive, line: k.line, kernel: k.kernel, nentries: k.entries.length,
    slots, allocs, combines, entries: k.entries.map((e, i) => ({ index: i + 1, expr: e.hostExpr })),
    tpCalls: k.tpCalls.map((c) => `call ${c.routine}(${c.copyin ? 1 : 0})`),
  }, form, form === 'free' ? k.indent : '');
}

function renderCopy(c: FCalleeCopy, text: string, form: Form, inserts: readonly { at: number; text: string }[] = []): string {
  let out = '';
  let at = c.start;
  for (const ins of [...inserts].sort((a, b) => a.at - b.at)) {
    out += applyEdits(text, at, ins.at, c.edits, form) + ins.text;
    at = ins.at;
  }
  return out + applyEdits(text, at, c.end, c.edits, form);
}

/** The two halves: CPE code and the user's program with spawn blocks. */
export function emitFortranHalves(plan: FFilePlan, text: string): { slave: string; host: string } {
  const form = plan.form;
  let slave = '';
  for (const p of plan.preprocessor) slave += text.slice(p.start, p.end);
  slave += renderStatements('fortran/binding.f90.hbs', { module: plan.bindingModule }, form, '');
  for (const m of plan.modules) {
    const mine = plan.kernels.filter((k) => k.inModule?.name === m.name);
    slave += renderCopy(m, text, form, mine.map((k) => ({ at: k.inModule!.at, text: renderKernel(k, plan, text) })));
  }
  for (const c of plan.callees) slave += renderCopy(c, text, form);
  for (const k of plan.kernels) if (!k.inModule) slave += renderKernel(k, plan, text);
  let host = '';
  let at = 0;
  for (const k of [...plan.kernels].sort((a, b) => a.hostStart - b.hostStart)) {
    host += text.slice(at, k.hostStart);
    host += renderSpawn(k, form);
    at = k.hostEnd;
  }
  host += text.slice(at);
  if (!host.endsWith('\n')) host += '\n';
  for (const t of plan.tpRoutines) {
    host += '! o2ath: per-CPE copies of a threadprivate common block (CPEs 1..63; CPE 0 and the MPE share the original)\n';
    for (const s of t.stmts) host += s === '@@SPEC@@' ? specText(text, t.spec, form, 'uses') + specText(text, t.spec, form, 'rest') : formatStatements([s], form);
  }
  return { slave, host };
}

/** Hybrid layout: one file, the sides selected by __sw_slave__. */
export function emitFortran(plan: FFilePlan, text: string): string {
  const { slave, host } = emitFortranHalves(plan, text);
  return `#ifdef __sw_slave__\n${slave}#else\n${host}#endif\n`;
}
