// Worksharing DO on the CPEs: the DO statement becomes this CPE's share of the iterations (static
// block / chunked cyclic with the C formulas, dynamic/guided from a fetch-and-increment ticket), with
// Fortran trip counts max(0,(ub-lb+st)/st), collapse(n) flattening, clause variables renamed to private
// copies inside the loop, and lastprivate / reductions / the closing barrier after it.
import { constructStartingAt, referencedNames, type Construct } from '../../frontend/fortran/index.js';
import { clausesOf, listItems } from '../../openmp/clause-queries.js';
import { classifyName, declarationOf, dimsText } from '../../analysis/fortran/variables.js';
import { lineEndOf, lineStartOf, type FRegion } from '../../analysis/fortran/regions.js';
import * as fmsg from '../../core/messages/fortran-lower.js';
import { lowerDirectives, replaceLines, endLines, hasNowait, type BodyContext } from './lower-directives.js';
import { BARRIER, N } from './names.js';
import { variableBytes } from './ldm.js';
import { fortranReduction } from './reduction.js';
import { fillPlaceholders as fill } from '../placeholders.js';

/** `combined`: the loop of a `parallel do`, whose data-sharing clauses the kernel itself handles. */
export function lowerDo(r: FRegion, ctx: BodyContext, combined: boolean): void {
  const file = r.site.file;
  const loop = r.loop!;
  const doStmt = ctx.tree.statements[loop.first]!;
  const d = doStmt.detail;
  if (d.kind !== 'do' || d.form !== 'counted' || !d.variable || d.start === undefined || d.end === undefined) {
    ctx.bag.report(file, r.site.span, fmsg.loopForm('only counted DO loops are partitioned'));
    return;
  }
  const orderedClause = clausesOf(r.directive, 'ordered')[0];
  if (orderedClause?.args?.length) ctx.bag.report(file, orderedClause.span, fmsg.clause('ordered(n)', r.kind));
  const nest = collapsedNest(r, ctx);
  if (!nest) return;
  const sched = clausesOf(r.directive, 'schedule')[0];
  const kind = sched?.value?.word.toLowerCase() ?? 'static';
  // runtime/auto: the implementation chooses, static here. guided: fixed chunks from the same
  // ticket counter as dynamic (chunk sizes do not shrink; every chunk is still taken exactly once).
  const dynamic = kind === 'dynamic' || kind === 'guided';
  if (!['static', 'dynamic', 'guided', 'runtime', 'auto'].includes(kind)) ctx.bag.report(file, sched!.span, fmsg.schedule(kind));
  const chunk = sched?.args?.[0]?.text ?? (dynamic ? '1' : undefined);

  // Private copies of the clause variables inside the loop: occurrences renamed to o2ath_pv_<name>.
  const renames = new Map<string, string>();
  const prologue: string[] = [];
  const epilogue: string[] = [];
  const loopVar = d.variable.toLowerCase();
  const declare = (name: string): string | undefined => {
    const info = classifyName(ctx.tree, ctx.unit, name, false);
    if (!info) return undefined;
    const pv = `o2ath_pv_${name}`;
    const decl = declarationOf(info.type, info.entity, pv, dimsText(info.entity.dims));
    if (!ctx.decls.includes(decl)) ctx.decls.push(decl);
    renames.set(name, pv);
    return pv;
  };
  const items = (k: string) => (combined ? [] : listItems(r.directive, k));
  // linear variables are privatised on combined loops too: the kernel passes them shared.
  const declareLinear = (name: string): string | undefined => declare(name);
  for (const it of items('private')) if (it.name.toLowerCase() !== loopVar) declare(it.name.toLowerCase());
  for (const it of items('firstprivate')) {
    const pv = declare(it.name.toLowerCase());
    if (pv) prologue.push(`${pv} = ${it.name}`);
  }
  const lastp = items('lastprivate').map((it) => it.name.toLowerCase());
  for (const name of lastp) if (name !== loopVar) declare(name);
  const reductions: { name: string; pv: string; slots: string; store: string; combine: string }[] = [];
  for (const c of combined ? [] : clausesOf(r.directive, 'reduction')) {
    const op = (c.operator?.text ?? '+').trim().toLowerCase();
    const ro = fortranReduction(op);
    for (const it of c.items ?? []) {
      const name = it.name.toLowerCase();
      const info = classifyName(ctx.tree, ctx.unit, name, false);
      if (!ro || !info) {
        ctx.bag.report(file, it.span, fmsg.reduction(op, name, ro ? 'unknown variable' : 'operator not supported'));
        continue;
      }
      // Arrays: one row of slots per CPE in a common block, so their size must be a constant.
      let elems: number | undefined;
      if (info.entity.dims?.length) {
        const bytes = variableBytes(ctx.tree, ctx.unit, { text: 'integer(1)', base: 'integer', kind: '1' }, info.entity);
        if (bytes === undefined || info.shape !== 'explicit') {
          ctx.bag.report(file, it.span, fmsg.reduction(op, name, 'an array reduced on an inner DO needs constant bounds'));
          continue;
        }
        elems = bytes;
      }
      const pv = declare(name)!;
      const slots = `o2ath_rs_${ctx.prefix}_${++ctx.counter}`;
      const sd = declarationOf(info.type, info.entity, slots, elems === undefined ? '(0:63)' : `(${elems}, 0:63)`);
      ctx.decls.push(sd, `common /${slots}/ ${slots}`);
      prologue.push(`${pv} = ${fill(ro.identity, { v: pv })}`);
      if (elems === undefined) reductions.push({ name, pv, slots, store: `${slots}(${N.tid}) = ${pv}`, combine: fill(ro.combine, { acc: name, part: `${slots}(${N.t})` }) });
      else reductions.push({ name, pv, slots, store: `${slots}(:, ${N.tid}) = reshape(${pv}, [${elems}])`, combine: fill(ro.combine, { acc: name, part: `reshape(${slots}(:, ${N.t}), shape(${name}))` }) });
    }
  }

  const ub = d.end;
  const st = d.step ?? '1';
  const setup = [
    `${N.lb} = ${d.start}`,
    `${N.st} = ${st}`,
    `${N.n} = (int(${ub}, 8) - ${N.lb} + ${N.st}) / ${N.st}`,
    `if (${N.n} < 0) ${N.n} = 0`,
  ];
  for (let l = 1; l < nest.length; l++) {
    const v = nest[l]!.detail;
    const decl = `integer(8) ${N.lb}${l}, ${N.st}${l}, ${N.n}${l}`;
    if (!ctx.decls.includes(decl)) ctx.decls.push(decl);
    setup.push(`${N.lb}${l} = ${v.start}`, `${N.st}${l} = ${v.step ?? '1'}`, `${N.n}${l} = (int(${v.end}, 8) - ${N.lb}${l} + ${N.st}${l}) / ${N.st}${l}`,
      `if (${N.n}${l} < 0) ${N.n}${l} = 0`, `${N.n} = ${N.n} * ${N.n}${l}`);
    const qd = `integer(8) ${N.q}`;
    if (!ctx.decls.includes(qd)) ctx.decls.push(qd);
  }
  setup.push(...prologue);
  const label = d.termLabel ? `${d.termLabel} ` : '';
  const cname = doStmt.constructName ? `${doStmt.constructName}: ` : '';
  const header: string[] = [];
  let extraEnd: string[] = [];
  if (dynamic) {
    // Chunks handed out by a fetch-and-increment ticket in main memory, reset by CPE 0 first.
    const ticket = `o2ath_dy_${ctx.prefix}_${++ctx.counter}`;
    ctx.decls.push(`integer(8) ${ticket}`, `common /${ticket}/ ${ticket}`);
    setup.push(`if (${N.tid} == 0) ${ticket} = 0`, ...BARRIER);
    header.push(
      'do',
      `${N.c} = ${N.cpeFetchInc}(${ticket}) * int(${chunk}, 8)`,
      `if (${N.c} >= ${N.n}) exit`,
      `${cname}do ${label}${N.k} = ${N.c}, min(${N.c} + int(${chunk}, 8), ${N.n}) - 1`,
    );
    extraEnd = ['end do'];
  } else if (chunk === undefined) {
    header.push(
      `${N.lo} = ${N.tid} * (${N.n} / ${N.nthr}) + min(int(${N.tid}, 8), mod(${N.n}, int(${N.nthr}, 8)))`,
      `${N.hi} = ${N.lo} + ${N.n} / ${N.nthr}`,
      `if (${N.tid} < mod(${N.n}, int(${N.nthr}, 8))) ${N.hi} = ${N.hi} + 1`,
      `${cname}do ${label}${N.k} = ${N.lo}, ${N.hi} - 1`,
    );
  } else {
    header.push(`do ${N.c} = ${N.tid} * int(${chunk}, 8), ${N.n} - 1, int(${N.nthr}, 8) * int(${chunk}, 8)`, `${cname}do ${label}${N.k} = ${N.c}, min(${N.c} + int(${chunk}, 8), ${N.n}) - 1`);
    extraEnd = ['end do'];
  }
  const cpeName = (v: string) => ctx.renamed?.get(v.toLowerCase()) ?? v;
  if (nest.length === 1) header.push(`${cpeName(d.variable)} = ${N.lb} + ${N.k} * ${N.st}`);
  else {
    // collapse(n): one iteration space; the indices are recovered innermost first.
    header.push(`${N.q} = ${N.k}`);
    for (let l = nest.length - 1; l >= 1; l--) {
      const v = nest[l]!.detail;
      header.push(`${cpeName(v.variable)} = ${N.lb}${l} + mod(${N.q}, ${N.n}${l}) * ${N.st}${l}`, `${N.q} = ${N.q} / ${N.n}${l}`);
    }
    header.push(`${cpeName(d.variable)} = ${N.lb} + ${N.q} * ${N.st}`);
  }

  // ordered: a ticket in main memory holds the number of the next logical iteration allowed to
  // finish. Each CPE marks its previous iteration finished when it starts the next one (and after the
  // loop), waiting for the ticket first; an ordered region waits for its own iteration's turn. So
  // iterations that skip the ordered region, or CYCLE, cannot deadlock the team.
  const ordered = orderedClause ? `o2ath_or_${ctx.prefix}_${++ctx.counter}` : undefined;
  if (ordered) {
    ctx.decls.push(`integer(8), volatile :: ${ordered}`, `common /${ordered}/ ${ordered}`);
    const kp = `${N.k}p`;
    if (!ctx.decls.includes(`integer(8) ${kp}`)) ctx.decls.push(`integer(8) ${kp}`);
    setup.push(`if (${N.tid} == 0) ${ordered} = 0`, ...BARRIER);
    setup.push(`${kp} = -1`);
    const finish = [`if (${kp} >= 0) then`, `do while (${ordered} /= ${kp})`, `call ${N.relax}()`, 'end do', `call ${N.flush}()`, `${ordered} = ${kp} + 1`, 'end if'];
    header.push(...finish, `${kp} = ${N.k}`);
    epilogue.push(...finish);
    ctx.ordered = ordered;
  }

  // After the loop: lastprivate by the CPE holding the last iteration, reductions combined in CPE
  // order by CPE 0 between two barriers, then the construct's barrier unless nowait.
  // The CPE that ran the logical last iteration (any schedule) writes lastprivate variables back.
  setup.push(`${N.kl} = -1`);
  header.push(`${N.kl} = ${N.k}`);
  for (const name of lastp) {
    const value = name === loopVar ? `${N.lb} + ${N.n} * ${N.st}` : renames.get(name)!;
    epilogue.push(`if (${N.kl} == ${N.n} - 1) ${name} = ${value}`);
  }
  // linear(x:step): iteration k starts from the value before the loop plus k*step; the value after
  // the sequentially last iteration is written back (OpenMP 5.2 5.4.6).
  for (const c of clausesOf(r.directive, 'linear')) {
    if (c.modifiers.length > 0) {
      ctx.bag.report(file, c.span, fmsg.clause(`linear(${c.modifiers.map((m) => m.word).join(', ')}:...)`, r.kind));
      continue;
    }
    const step = c.args?.[0]?.text ?? '1';
    for (const it of c.items ?? []) {
      const name = it.name.toLowerCase();
      if (name === loopVar) continue;
      const info = classifyName(ctx.tree, ctx.unit, name, false);
      const pv = declareLinear(name);
      if (!info || !pv) continue;
      const start = `o2ath_l0_${name}`;
      const decl = declarationOf(info.type, info.entity, start, '');
      if (!ctx.decls.includes(decl)) ctx.decls.push(decl);
      setup.push(`${start} = ${cpeName(name)}`);
      header.push(`${pv} = ${start} + ${N.k} * (${step})`);
      epilogue.push(`if (${N.kl} == ${N.n} - 1) ${cpeName(name)} = ${pv}`);
    }
  }
  if (reductions.length > 0) {
    for (const red of reductions) epilogue.push(red.store);
    epilogue.push(...BARRIER, `if (${N.tid} == 0) then`, `do ${N.t} = 0, ${N.nthr} - 1`);
    for (const red of reductions) epilogue.push(`${red.name} = ${red.combine}`);
    epilogue.push('end do', 'end if');
    epilogue.push(...BARRIER);
  } else if (!combined && (!hasNowait(r) || lastp.length > 0)) epilogue.push(...BARRIER);

  replaceLines(ctx, r.lineStart, r.bodyStart, setup);
  const doLineStart = lineStartOf(ctx.text, doStmt.span.start);
  const doLineEnd = lineEndOf(ctx.text, doStmt.span.end);
  // Text between the directive and the DO (comments) stays.
  // Statements after the generated DO line are its body: indent them one level.
  const lastDo = header.reduce((at, h, i) => (/^(\w+: )?do\b/.test(h) ? i : at), -1);
  replaceLines(ctx, doLineStart, doLineEnd, header.map((h, i) => (i > lastDo ? `  ${h}` : h)));
  const loopEnd = lineEndOf(ctx.text, ctx.tree.statements[loop.last]!.span.end);
  const e = endLines(ctx, r);
  if (e) replaceLines(ctx, e.start, e.end, [...extraEnd, ...epilogue]);
  else ctx.edits.push({ kind: 'insert', at: loopEnd, stmts: [...extraEnd, ...epilogue] });

  if (renames.size > 0) {
    for (let i = loop.first + 1; i <= loop.last; i++) {
      for (const u of referencedNames(ctx.tree.statements[i]!)) {
        const to = renames.get(u.name);
        if (to) ctx.edits.push({ kind: 'rename', start: u.span.start, end: u.span.end, to });
      }
    }
  }
  // Collapsed inner DO statements (and their END DO) go: the partitioned loop runs them all.
  for (let l = 1; l < nest.length; l++) {
    const c = nest[l]!;
    const dst = ctx.tree.statements[c.construct.first]!;
    replaceLines(ctx, lineStartOf(ctx.text, dst.span.start), lineEndOf(ctx.text, dst.span.end), []);
    if (c.construct.last !== nest[l - 1]!.construct.last) {
      const endSt = ctx.tree.statements[c.construct.last]!;
      replaceLines(ctx, lineStartOf(ctx.text, endSt.span.start), lineEndOf(ctx.text, endSt.span.end), []);
    }
  }
  // Directives nested in the loop (critical, atomic, ordered, ...).
  lowerDirectives(r.children, ctx);
  ctx.ordered = undefined;
}

type CountedDo = { readonly construct: Construct; readonly detail: { variable: string; start: string; end: string; step?: string } };

/** The loops a collapse(n) clause covers, outermost first (just the loop without collapse); undefined after a diagnostic. */
function collapsedNest(r: FRegion, ctx: BodyContext): CountedDo[] | undefined {
  const c = clausesOf(r.directive, 'collapse')[0];
  const depth = c ? Number.parseInt(c.args?.[0]?.text ?? '1', 10) : 1;
  const out: CountedDo[] = [];
  let cur: Construct | undefined = r.loop;
  for (let l = 0; l < depth; l++) {
    const d = cur ? ctx.tree.statements[cur.first]!.detail : undefined;
    const prev = out[out.length - 1]?.construct;
    // Perfect nesting: the inner DO is the whole body (END DO right before the outer END DO, or a shared label).
    const perfect = !prev || (cur !== undefined && cur.first === prev.first + 1 && (cur.last === prev.bodyLast || cur.last === prev.last));
    if (!cur || !d || d.kind !== 'do' || d.form !== 'counted' || !d.variable || d.start === undefined || d.end === undefined || !perfect || !Number.isFinite(depth)) {
      ctx.bag.report(r.site.file, r.site.span, fmsg.loopForm(`collapse(${depth}) needs ${depth} perfectly nested counted DO loops`));
      return undefined;
    }
    out.push({ construct: cur, detail: { variable: d.variable, start: d.start, end: d.end, step: d.step } });
    cur = constructStartingAt(ctx.tree, cur.first + 1);
  }
  if (out.length > 1 && clausesOf(r.directive, 'lastprivate').length > 0) ctx.bag.report(r.site.file, r.site.span, fmsg.clause('lastprivate', `${r.kind} collapse`));
  return out;
}
