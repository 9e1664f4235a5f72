// Renders the plans of constructs inside CPE code. Each construct becomes one brace block that
// replaces the directive and its statement; the user's statement text is rendered inside it through
// `sub`, with the edits that fall inside it.
import type { ConstructPlan, FilePlan, KernelLocal, ReductionPlan } from '../../lower/plan.js';
import { ATHREAD_API } from '../../lower/athread-api.js';
import { renderTemplate } from '../templates.js';
import { lineIndent } from '../rewrite.js';
import { fillPlaceholders } from '../../lower/placeholders.js';

export type Sub = (start: number, end: number) => string;

export function declare(ctype: string, name: string): string {
  return ctype.replace('$', name);
}

export function localText(l: KernelLocal, args: string, e: string): string {
  const init = l.init?.replace('{args}', args);
  if (!l.ctype) return `${l.name} = ${init};`;
  const d = declare(l.ctype, l.name);
  if (l.copyFrom) return `${d}; memcpy(${l.name}, ${l.copyFrom.replace('{args}', args)}, sizeof(${l.name}));`;
  if (l.fill) return `${d}; for (long ${e} = 0; ${e} < ${l.fill.length}; ${e}++) ((${l.fill.elem} *)${l.name})[${e}] = ${l.fill.value};`;
  return init !== undefined ? `${d} = ${init};` : `${d};`;
}

export function combineText(r: { combine: string }, acc: string, part: string): string {
  return `${acc} = ${fillPlaceholders(r.combine, { acc, part })};`;
}

function privElem(r: ReductionPlan, e: string): string {
  return r.lower !== undefined && r.lower !== '0' ? `${r.name}[(${r.lower}) + ${e}]` : `((${r.ctype} *)${r.name})[${e}]`;
}

/** Partial results to the slots, a barrier, the combine in CPE order, a barrier. */
function teamReduction(plan: FilePlan, reductions: readonly ReductionPlan[], barrier: string): { post: string[]; tail: string[] } {
  const n = plan.names;
  const post: string[] = [];
  const tail: string[] = [];
  if (!reductions.length) return { post, tail };
  const scalars = reductions.filter((r) => !r.length);
  const arrays = reductions.filter((r) => r.length);
  for (const r of scalars) post.push(`${r.slots}[${n.tid}] = ${r.name};`);
  for (const r of arrays) post.push(`for (long ${n.e} = 0; ${n.e} < ${r.length}; ${n.e}++) ${r.slots}[${n.tid}][${n.e}] = ${privElem(r, n.e)};`);
  tail.push(barrier);
  if (scalars.length)
    tail.push(`if (${n.tid} == 0) for (int ${n.t} = 0; ${n.t} < ${n.nthr}; ${n.t}++) { ${scalars.map((r) => combineText(r, r.target, `${r.slots}[${n.t}]`)).join(' ')} }`);
  for (const r of arrays) {
    const tgt = `${r.target}[(${r.lower ?? '0'}) + ${n.e}]`;
    tail.push(
      `for (long ${n.e} = ${n.tid}; ${n.e} < ${r.length}; ${n.e} += ${n.nthr}) { ${r.ctype} ${n.acc} = ${tgt}; for (int ${n.t} = 0; ${n.t} < ${n.nthr}; ${n.t}++) ${combineText(r, n.acc, `${r.slots}[${n.t}][${n.e}]`)} ${tgt} = ${n.acc}; }`,
    );
  }
  tail.push(barrier);
  return { post, tail };
}

function teamDecl(plan: FilePlan, team: 'kernel' | 'query'): string[] {
  const n = plan.names;
  return team === 'query' ? [`const int ${n.tid} = omp_get_thread_num(), ${n.nthr} = omp_get_num_threads();`] : [];
}

function block(text: string, c: { start: number; line: number }, directive: string, note: string, lines: string[]): string {
  return renderTemplate('c/construct.c.hbs', { directive, line: c.line, note, pad: lineIndent(text, c.start), lines, rb: '}' }).replace(/\n$/, '');
}

const SCHEDULE_NOTE: Record<string, string> = {
  static: "this CPE's block of iterations",
  'static-chunk': "this CPE's chunks, round robin",
  dynamic: 'chunks handed out by a fetch-and-add counter',
  guided: 'shrinking chunks handed out under a lock',
  runtime: 'the schedule OMP_SCHEDULE names',
};

export function renderConstruct(plan: FilePlan, c: ConstructPlan, text: string, sub: Sub): string {
  const v = ATHREAD_API[plan.target];
  const n = plan.names;
  const barrier = v.barrier.join(' ');
  const locals = (ls: readonly KernelLocal[]) => ls.map((l) => localText(l, n.args, n.e));
  switch (c.kind) {
    case 'barrier':
      return `${barrier}\n`;
    case 'flush':
      return `${v.flush}\n`;
    case 'drop':
      return '';
    case 'master':
      return block(text, c, c.filter === '0' ? 'master' : 'masked', `CPE ${c.filter} only`, [...teamDecl(plan, c.team), `if (${n.tid} == (${c.filter}))`, sub(c.bodyStart, c.bodyEnd)]);
    case 'critical':
    case 'atomic':
      return block(text, c, c.kind, `under the lock ${c.lock}`, [`athread_lock(&${c.lock});`, ...v.flushLines, sub(c.bodyStart, c.bodyEnd), ...v.flushLines, `athread_unlock(&${c.lock});`]);
    case 'ordered':
      return block(text, c, 'ordered', 'in iteration order', [`o2ath_wait_turn(&${c.turn}, ${c.k});`, sub(c.bodyStart, c.bodyEnd), ...v.flushLines, `${c.turn} = ${c.k} + 1;`, 'o2ath_signal();']);
    case 'single': {
      const lines = [...teamDecl(plan, c.team), ...locals(c.locals), `if (${n.tid} == 0) {`, sub(c.bodyStart, c.bodyEnd)];
      for (const cp of c.copyprivate) lines.push(`${cp.slot} = ${cp.name};`);
      lines.push('}');
      if (c.barrier) lines.push(barrier);
      if (c.copyprivate.length) lines.push(`if (${n.tid} != 0) { ${c.copyprivate.map((cp) => `${cp.name} = ${cp.slot};`).join(' ')} }`, barrier);
      return block(text, c, 'single', 'CPE 0 runs it', lines);
    }
    case 'sections': {
      const lines = [...teamDecl(plan, c.team), ...locals(c.locals)];
      c.sections.forEach((s, i) => lines.push(`if (${i} % ${n.nthr} == ${n.tid})`, sub(s.start, s.end)));
      if (c.lastprivates.length) lines.push(`if (${c.sections.length - 1} % ${n.nthr} == ${n.tid}) { ${c.lastprivates.map((l) => `${l.target} = ${l.value};`).join(' ')} }`);
      const red = teamReduction(plan, c.reductions, barrier);
      lines.push(...red.post, ...red.tail);
      if (c.barrier && !red.tail.length) lines.push(barrier);
      return block(text, c, 'sections', 'section i runs on CPE i mod the team size', lines);
    }
    case 'nested': {
      const nest = !c.teamCombine;
      const lines = [...locals(c.locals), ...(nest ? ['o2ath_nest_enter();'] : []), sub(c.bodyStart, c.bodyEnd), ...(nest ? ['o2ath_nest_exit();'] : [])];
      if (c.teamCombine) {
        const red = teamReduction(plan, c.reductions, barrier);
        lines.push(...red.post, ...red.tail);
      } else
        for (const r of c.reductions)
          lines.push(r.length ? `for (long ${n.e} = 0; ${n.e} < ${r.length}; ${n.e}++) ${combineText(r, `${r.target}[(${r.lower ?? '0'}) + ${n.e}]`, privElem(r, n.e))}` : combineText(r, r.target, r.name));
      return block(text, c, c.teamCombine ? 'parallel reduction' : 'parallel', c.teamCombine ? 'array reduction of the region' : 'nested: a team of one', lines);
    }
    case 'loop':
      return renderLoop(plan, c, text, sub);
  }
}

function renderLoop(plan: FilePlan, c: Extract<ConstructPlan, { kind: 'loop' }>, text: string, sub: Sub): string {
  const v = ATHREAD_API[plan.target];
  const n = plan.names;
  const barrier = v.barrier.join(' ');
  const lines: string[] = [...teamDecl(plan, c.team)];
  const levels = c.levels;
  if (levels.length === 1) lines.push(`const long ${n.n} = ${levels[0]!.trip};`);
  else {
    levels.forEach((l, d) => lines.push(`const long ${n.n}${d} = ${l.trip};`));
    lines.push(`const long ${n.n} = ${levels.map((_, d) => `${n.n}${d}`).join(' * ')};`);
  }
  lines.push(...c.locals.map((l) => localText(l, n.args, n.e)));
  const last = c.lastprivates.length || c.linears.length;
  if (last) lines.push(`int ${n.last} = 0;`);
  // Everybody reads the linear start values before anybody writes the final value back.
  if (c.linears.length && !c.isKernelLoop) lines.push(barrier);
  if (c.counter || c.orderedTurn) {
    // The shared counters start from zero at every encounter; nobody may still be using them.
    const resets = [c.counter, c.orderedTurn].filter(Boolean).map((x) => `${x} = 0;`);
    lines.push(barrier, `if (${n.tid} == 0) { ${resets.join(' ')} }`, barrier);
  }
  const chunk = c.chunk ? `const long ${n.chunk} = ${c.chunk};` : '';
  switch (c.schedule) {
    case 'static':
      lines.push(
        `const long ${n.lo} = ${n.tid} * (${n.n} / ${n.nthr}) + (${n.tid} < ${n.n} % ${n.nthr} ? ${n.tid} : ${n.n} % ${n.nthr});`,
        `const long ${n.hi} = ${n.lo} + ${n.n} / ${n.nthr} + (${n.tid} < ${n.n} % ${n.nthr});`,
        `for (long ${n.k} = ${n.lo}; ${n.k} < ${n.hi}; ${n.k}++) {`,
      );
      break;
    case 'static-chunk':
      lines.push(chunk, `for (long ${n.c} = (long)${n.tid} * ${n.chunk}; ${n.c} < ${n.n}; ${n.c} += (long)${n.nthr} * ${n.chunk})`, `for (long ${n.k} = ${n.c}; ${n.k} < ${n.c} + ${n.chunk} && ${n.k} < ${n.n}; ${n.k}++) {`);
      break;
    case 'dynamic':
      lines.push(chunk, `for (long ${n.lo}, ${n.hi}; o2ath_next_dynamic(&${c.counter}, ${n.n}, ${n.chunk}, &${n.lo}, &${n.hi}); )`, `for (long ${n.k} = ${n.lo}; ${n.k} < ${n.hi}; ${n.k}++) {`);
      break;
    case 'guided':
      lines.push(chunk, `for (long ${n.lo}, ${n.hi}; o2ath_next_guided(&${c.counter}, &${c.lock}, ${n.n}, ${n.chunk}, ${n.nthr}, &${n.lo}, &${n.hi}); )`, `for (long ${n.k} = ${n.lo}; ${n.k} < ${n.hi}; ${n.k}++) {`);
      break;
    case 'runtime':
      lines.push(`long ${n.c} = 0;`, `for (long ${n.lo}, ${n.hi}; o2ath_next_runtime(&${c.counter}, &${c.lock}, ${n.n}, ${n.tid}, ${n.nthr}, &${n.c}, &${n.lo}, &${n.hi}); )`, `for (long ${n.k} = ${n.lo}; ${n.k} < ${n.hi}; ${n.k}++) {`);
      break;
  }
  // Recover each index from the linear iteration number (row-major over the collapsed nest).
  levels.forEach((l, d) => {
    const inner = levels.slice(d + 1).map((_, j) => `${n.n}${d + 1 + j}`);
    let idx = inner.length ? `(${n.k} / (${inner.join(' * ')}))` : n.k;
    if (d > 0) idx = `${idx} % ${n.n}${d}`;
    const lhs = l.varDecl ? declare(l.varDecl, l.var) : l.var;
    lines.push(`    ${lhs} = ${l.lb} + (${idx}) * ${l.step};`);
  });
  for (const li of c.linears) lines.push(`    ${li.name} = ${li.start} + ${n.k} * (${li.step});`);
  if (last) lines.push(`    if (${n.k} == ${n.n} - 1) ${n.last} = 1;`);
  lines.push(`    ${sub(c.bodyStart, c.bodyEnd)}`, '}');
  if (last) {
    const writes = [...c.lastprivates.map((l) => `${l.target} = ${l.value};`), ...c.linears.map((li) => `${li.target} = ${li.start} + ${n.n} * (${li.step});`)];
    lines.push(`if (${n.last}) { ${writes.join(' ')} }`);
  }
  const red = teamReduction(plan, c.reductions, barrier);
  lines.push(...red.post, ...red.tail);
  if (c.barrier && !red.tail.length) lines.push(barrier);
  return block(text, c, c.directive, `${SCHEDULE_NOTE[c.schedule]}${c.levels.length > 1 ? `, ${c.levels.length} loops collapsed` : ''}`, lines);
}
