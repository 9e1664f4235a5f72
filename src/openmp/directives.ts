// Every OpenMP 5.2 directive, in its C and Fortran spellings, with its association, its clauses and
// o2ath's support status. Data only (the helpers below just union the clause sets of the leaf
// constructs, as OpenMP 5.2 §17 defines combined and composite constructs). Fortran `end` directives
// are derived from `fortranEnd` in spec.ts.
import type { Association, DirectiveSpec, FortranEnd, Support } from './spec-types.js';
import type { UnsupportedDirectiveName } from '../core/messages/unsupported.js';

const lowered = (how: string): Support => ({ status: 'lowered', how });
const accepted = (how: string): Support => ({ status: 'accepted', how });
const rejected = (unsupported: UnsupportedDirectiveName, how: string): Support => ({ status: 'rejected', how, unsupported });

const MEMORY_ORDERS = ['seq_cst', 'acq_rel', 'release', 'acquire', 'relaxed'];
const ASSUMPTIONS = ['absent', 'contains', 'holds', 'no_openmp', 'no_openmp_routines', 'no_parallelism'];
const CANCEL_CONSTRUCTS = ['parallel', 'sections', 'for', 'do', 'taskgroup'];

/** Clauses of the leaf constructs (OpenMP 5.2, the "Clauses" line of each construct). */
const LEAF: Readonly<Record<string, readonly string[]>> = {
  parallel: ['allocate', 'copyin', 'default', 'firstprivate', 'if', 'num_threads', 'private', 'proc_bind', 'reduction', 'shared'],
  for: ['allocate', 'collapse', 'firstprivate', 'lastprivate', 'linear', 'nowait', 'order', 'ordered', 'private', 'reduction', 'schedule'],
  sections: ['allocate', 'firstprivate', 'lastprivate', 'nowait', 'private', 'reduction'],
  single: ['allocate', 'copyprivate', 'firstprivate', 'nowait', 'private'],
  workshare: ['nowait'],
  scope: ['allocate', 'firstprivate', 'nowait', 'private', 'reduction'],
  simd: ['aligned', 'collapse', 'if', 'lastprivate', 'linear', 'nontemporal', 'order', 'private', 'reduction', 'safelen', 'simdlen'],
  masked: ['filter'],
  master: [],
  task: ['affinity', 'allocate', 'default', 'depend', 'detach', 'final', 'firstprivate', 'if', 'in_reduction', 'mergeable', 'priority', 'private', 'shared', 'untied'],
  taskloop: ['allocate', 'collapse', 'default', 'final', 'firstprivate', 'grainsize', 'if', 'in_reduction', 'lastprivate', 'mergeable', 'nogroup', 'num_tasks', 'priority', 'private', 'reduction', 'shared', 'untied'],
  distribute: ['allocate', 'collapse', 'dist_schedule', 'firstprivate', 'lastprivate', 'order', 'private'],
  loop: ['bind', 'collapse', 'lastprivate', 'order', 'private', 'reduction'],
  teams: ['allocate', 'default', 'firstprivate', 'if', 'num_teams', 'private', 'reduction', 'shared', 'thread_limit'],
  target: ['allocate', 'defaultmap', 'depend', 'device', 'firstprivate', 'has_device_addr', 'if', 'in_reduction', 'is_device_ptr', 'map', 'nowait', 'private', 'thread_limit', 'uses_allocators'],
};
const LOOP_LEAVES = new Set(['for', 'simd', 'taskloop', 'distribute', 'loop']);

interface Options {
  readonly fortranEnd?: FortranEnd;
  readonly required?: readonly (readonly string[])[];
  readonly exclusive?: readonly (readonly string[])[];
  readonly endClauses?: readonly string[];
  readonly argument?: DirectiveSpec['argument'];
  readonly endOf?: string;
  readonly standaloneWith?: readonly string[];
}

/** C spelling → Fortran spelling: the worksharing-loop word is `for` in C and `do` in Fortran. */
function fortranSpelling(c: string): string {
  return c.split(' ').map((w) => (w === 'for' ? 'do' : w)).join(' ');
}

/**
 * A combined or composite construct: clauses are the union of the leaves' clauses; `nowait` is not
 * allowed when a worksharing construct is combined with `parallel` (the implicit barrier of parallel
 * ends it anyway) unless `target` is a leaf, where nowait applies to the target task.
 */
function combined(c: string, support: Support, opts: Options & { fortranOnly?: boolean } = {}): DirectiveSpec {
  const leaves = c.split(' ');
  const set = new Set<string>();
  for (const l of leaves) for (const cl of LEAF[l] ?? []) set.add(cl);
  if (leaves.includes('parallel') && !leaves.includes('target')) set.delete('nowait');
  const association: Association = leaves.some((l) => LOOP_LEAVES.has(l)) ? 'loop' : 'block';
  const hasEndNowait = !leaves.includes('parallel') && set.has('nowait') && !leaves.includes('target');
  return {
    ...(opts.fortranOnly ? {} : { c }),
    fortran: fortranSpelling(c),
    association,
    leaves,
    clauses: [...set].sort(),
    fortranEnd: opts.fortranEnd ?? (association === 'loop' ? 'optional' : 'required'),
    ...(hasEndNowait ? { endClauses: ['nowait'] } : {}),
    ...(opts.exclusive ? { exclusive: opts.exclusive } : {}),
    support,
  };
}

function leaf(c: string | undefined, fortran: string | undefined, association: Association, clauses: readonly string[], support: Support, opts: Options = {}): DirectiveSpec {
  const fortranEnd = opts.fortranEnd ?? (association === 'loop' ? 'optional' : association === 'block' ? 'required' : 'none');
  return {
    ...(c ? { c } : {}),
    ...(fortran ? { fortran } : {}),
    association,
    clauses,
    fortranEnd: fortran ? fortranEnd : 'none',
    ...(opts.required ? { required: opts.required } : {}),
    ...(opts.exclusive ? { exclusive: opts.exclusive } : {}),
    ...(opts.endClauses ? { endClauses: opts.endClauses } : {}),
    ...(opts.argument ? { argument: opts.argument } : {}),
    ...(opts.endOf ? { endOf: opts.endOf } : {}),
    ...(opts.standaloneWith ? { standaloneWith: opts.standaloneWith } : {}),
    support,
  };
}

const SIMD = accepted('the loop is lowered as written; the Sunway compiler vectorises it (-msimd)');
const SIMD_LOOP = lowered('iterations partitioned across the CPEs; simd is a hint to the CPE compiler');
const TARGET = lowered("O2ATH's model: the CPEs are the device and share the MPE's memory; teams and distribute partition across the CPEs");
const TARGET_DATA = accepted('MPE and CPEs share one address space: nothing moves');
const TASKLOOP = rejected('unsupported-taskloop', 'taskloop needs a task scheduler on the CPEs');
const MASTER = lowered('only the CPE with the given team id (0 for master) runs the block');
const TASK = rejected('unsupported-task', 'tasks need a dynamic scheduler the CPEs do not have yet');
const DECLARE = rejected('unsupported-declare', 'not lowered');
const DECLARE_TARGET = lowered('the functions are compiled for the CPEs (renamed slave_*) and may be called from kernels');
const ASSUME = accepted('assumptions are not used by o2ath');
const TRANSFORM = rejected('unsupported-loop-transform', 'loop transformations are not lowered');

export const directiveTable: readonly DirectiveSpec[] = [
  // Parallelism and worksharing.
  leaf('parallel', 'parallel', 'block', LEAF.parallel!, lowered('a kernel spawned on the CPEs of the core group')),
  leaf('for', undefined, 'loop', LEAF.for!, lowered('iterations partitioned across the CPEs')),
  leaf(undefined, 'do', 'loop', LEAF.for!, lowered('iterations partitioned across the CPEs'), { endClauses: ['nowait'] }),
  combined('parallel for', lowered('one kernel whose iterations are partitioned across the CPEs')),
  leaf('sections', 'sections', 'block', LEAF.sections!, lowered('section i runs on CPE i mod the team size'), { endClauses: ['nowait'] }),
  leaf('section', 'section', 'separating', [], lowered('separates the sections of a sections construct')),
  combined('parallel sections', lowered('one kernel; section i runs on CPE i mod the team size')),
  leaf('single', 'single', 'block', LEAF.single!, lowered('CPE 0 runs the block; copyprivate broadcasts through main memory'), { endClauses: ['copyprivate', 'nowait'] }),
  leaf(undefined, 'workshare', 'block', LEAF.workshare!, rejected('unsupported-workshare', 'array syntax is not partitioned yet'), { endClauses: ['nowait'] }),
  combined('parallel workshare', rejected('unsupported-workshare', 'array syntax is not partitioned yet'), { fortranOnly: true }),
  leaf('scope', 'scope', 'block', LEAF.scope!, lowered('a block with its own private copies'), { endClauses: ['nowait'] }),
  leaf('loop', 'loop', 'loop', LEAF.loop!, lowered('iterations partitioned across the CPEs, as a worksharing loop')),
  combined('parallel loop', lowered('one kernel whose iterations are partitioned across the CPEs')),
  leaf('masked', 'masked', 'block', LEAF.masked!, MASTER),
  leaf('master', 'master', 'block', LEAF.master!, MASTER),
  combined('parallel masked', rejected('unsupported-master', 'parallel masked is not lowered yet')),
  combined('parallel master', rejected('unsupported-master', 'parallel master is not lowered yet')),

  // SIMD.
  leaf('simd', 'simd', 'loop', LEAF.simd!, SIMD),
  combined('for simd', SIMD_LOOP),
  combined('parallel for simd', SIMD_LOOP),
  leaf('declare simd', 'declare simd', 'declarative', ['aligned', 'inbranch', 'linear', 'notinbranch', 'simdlen', 'uniform'], accepted('a vectorisation hint; the function is compiled as written'), {
    argument: { shape: 'name', required: false },
    exclusive: [['inbranch', 'notinbranch']],
  }),

  // Tasking.
  leaf('task', 'task', 'block', LEAF.task!, TASK),
  leaf('taskloop', 'taskloop', 'loop', LEAF.taskloop!, TASKLOOP, { exclusive: [['grainsize', 'num_tasks']] }),
  combined('taskloop simd', TASKLOOP, { exclusive: [['grainsize', 'num_tasks']] }),
  combined('masked taskloop', TASKLOOP, { exclusive: [['grainsize', 'num_tasks']] }),
  combined('masked taskloop simd', TASKLOOP, { exclusive: [['grainsize', 'num_tasks']] }),
  combined('parallel masked taskloop', TASKLOOP, { exclusive: [['grainsize', 'num_tasks']] }),
  combined('parallel masked taskloop simd', TASKLOOP, { exclusive: [['grainsize', 'num_tasks']] }),
  combined('master taskloop', TASKLOOP, { exclusive: [['grainsize', 'num_tasks']] }),
  combined('master taskloop simd', TASKLOOP, { exclusive: [['grainsize', 'num_tasks']] }),
  combined('parallel master taskloop', TASKLOOP, { exclusive: [['grainsize', 'num_tasks']] }),
  combined('parallel master taskloop simd', TASKLOOP, { exclusive: [['grainsize', 'num_tasks']] }),
  leaf('taskgroup', 'taskgroup', 'block', ['allocate', 'task_reduction'], TASK),
  leaf('taskwait', 'taskwait', 'none', ['depend', 'nowait'], TASK),
  leaf('taskyield', 'taskyield', 'none', [], TASK),

  // Synchronisation.
  leaf('barrier', 'barrier', 'none', [], lowered('a barrier across the CPEs of the team (athread_syn)')),
  leaf('critical', 'critical', 'block', ['hint'], lowered('a lock in main memory per name (athread_lock)'), {
    argument: { shape: 'name', required: false },
  }),
  leaf('atomic', 'atomic', 'block', ['capture', 'compare', 'fail', 'hint', 'read', 'update', 'weak', 'write', ...MEMORY_ORDERS], lowered('the statement runs under one lock in main memory'), {
    fortranEnd: 'optional',
    exclusive: [['read', 'write', 'update'], MEMORY_ORDERS],
  }),
  leaf('flush', 'flush', 'none', ['acq_rel', 'acquire', 'release', 'seq_cst'], lowered('flush_slave_cache (the CPE data cache is written back)'), {
    argument: { shape: 'list', required: false },
    exclusive: [['acq_rel', 'acquire', 'release', 'seq_cst']],
  }),
  leaf('ordered', 'ordered', 'block', ['depend', 'doacross', 'simd', 'threads'], lowered('iterations take turns through a counter in main memory'), {
    standaloneWith: ['depend', 'doacross'],
    exclusive: [['doacross', 'threads'], ['doacross', 'simd'], ['depend', 'threads'], ['depend', 'simd']],
  }),
  leaf('depobj', 'depobj', 'none', ['depend', 'destroy', 'update'], TASK, {
    argument: { shape: 'list', required: true },
    required: [['depend', 'destroy', 'update']],
    exclusive: [['depend', 'destroy', 'update']],
  }),
  leaf('scan', 'scan', 'separating', ['exclusive', 'inclusive'], rejected('unsupported-directive', 'scan is not lowered yet'), {
    required: [['exclusive', 'inclusive']],
    exclusive: [['exclusive', 'inclusive']],
  }),
  leaf('cancel', 'cancel', 'none', [...CANCEL_CONSTRUCTS, 'if'], rejected('unsupported-cancel', 'cancellation is not lowered'), {
    required: [CANCEL_CONSTRUCTS],
    exclusive: [CANCEL_CONSTRUCTS],
  }),
  leaf('cancellation point', 'cancellation point', 'none', CANCEL_CONSTRUCTS, rejected('unsupported-cancel', 'cancellation is not lowered'), {
    required: [CANCEL_CONSTRUCTS],
    exclusive: [CANCEL_CONSTRUCTS],
  }),

  // Offload (O2ATH's model: the CPEs are the device and share the MPE's memory).
  leaf('target', 'target', 'block', LEAF.target!, lowered('the region runs on the MPE; the parallel regions inside it become kernels')),
  leaf('target data', 'target data', 'block', ['device', 'if', 'map', 'use_device_addr', 'use_device_ptr'], TARGET_DATA, {
    required: [['map', 'use_device_addr', 'use_device_ptr']],
  }),
  leaf('target enter data', 'target enter data', 'none', ['depend', 'device', 'if', 'map', 'nowait'], TARGET_DATA, { required: [['map']] }),
  leaf('target exit data', 'target exit data', 'none', ['depend', 'device', 'if', 'map', 'nowait'], TARGET_DATA, { required: [['map']] }),
  leaf('target update', 'target update', 'none', ['depend', 'device', 'from', 'if', 'nowait', 'to'], TARGET_DATA, { required: [['from', 'to']] }),
  leaf('teams', 'teams', 'block', LEAF.teams!, TARGET),
  leaf('distribute', 'distribute', 'loop', LEAF.distribute!, TARGET),
  combined('distribute simd', TARGET),
  combined('distribute parallel for', TARGET),
  combined('distribute parallel for simd', TARGET),
  combined('teams distribute', TARGET),
  combined('teams distribute simd', TARGET),
  combined('teams distribute parallel for', TARGET),
  combined('teams distribute parallel for simd', TARGET),
  combined('teams loop', TARGET),
  combined('target parallel', TARGET),
  combined('target parallel for', TARGET),
  combined('target parallel for simd', TARGET),
  combined('target parallel loop', TARGET),
  combined('target simd', TARGET),
  combined('target teams', TARGET),
  combined('target teams distribute', TARGET),
  combined('target teams distribute simd', TARGET),
  combined('target teams distribute parallel for', TARGET),
  combined('target teams distribute parallel for simd', TARGET),
  combined('target teams loop', TARGET),
  {
    c: 'declare target', fortran: 'declare target', association: 'declarative', fortranEnd: 'none',
    clauses: ['device_type', 'enter', 'indirect', 'link', 'to'], argument: { shape: 'list', required: false }, support: DECLARE_TARGET,
  },
  leaf('begin declare target', undefined, 'declarative', ['device_type', 'indirect'], DECLARE_TARGET),
  leaf('end declare target', undefined, 'declarative', [], DECLARE_TARGET, { endOf: 'begin declare target' }),
  leaf('interop', 'interop', 'none', ['depend', 'destroy', 'device', 'init', 'nowait', 'use'], rejected('unsupported-directive', 'interop is not lowered'), {
    required: [['destroy', 'init', 'use']],
  }),
  leaf('dispatch', 'dispatch', 'block', ['depend', 'device', 'has_device_addr', 'is_device_ptr', 'nocontext', 'novariants', 'nowait'], rejected('unsupported-directive', 'dispatch is not lowered'), {
    fortranEnd: 'optional',
  }),

  // Data environment and memory.
  { c: 'threadprivate', fortran: 'threadprivate', association: 'declarative', fortranEnd: 'none', clauses: [], argument: { shape: 'list', required: true }, support: lowered('one copy per CPE in LDM (__thread_local); copyin fills it from the MPE value') },
  {
    c: 'allocate', fortran: 'allocate', association: 'declarative', fortranEnd: 'none', clauses: ['align', 'allocator'],
    argument: { shape: 'list', required: false }, support: rejected('unsupported-directive', 'OpenMP allocators are not mapped to LDM yet'),
  },
  leaf(undefined, 'allocators', 'block', ['allocate'], rejected('unsupported-directive', 'OpenMP allocators are not mapped to LDM yet'), {
    fortranEnd: 'optional',
    required: [['allocate']],
  }),
  { c: 'declare reduction', fortran: 'declare reduction', association: 'declarative', fortranEnd: 'none', clauses: ['initializer'], argument: { shape: 'text', required: true }, support: DECLARE },
  { c: 'declare mapper', fortran: 'declare mapper', association: 'declarative', fortranEnd: 'none', clauses: ['map'], argument: { shape: 'text', required: true }, support: DECLARE },
  {
    c: 'declare variant', fortran: 'declare variant', association: 'declarative', fortranEnd: 'none', clauses: ['adjust_args', 'append_args', 'match'],
    required: [['match']], argument: { shape: 'text', required: false }, support: DECLARE,
  },
  leaf('begin declare variant', undefined, 'declarative', ['match'], DECLARE, { required: [['match']] }),
  leaf('end declare variant', undefined, 'declarative', [], DECLARE, { endOf: 'begin declare variant' }),
  leaf('requires', 'requires', 'declarative', ['atomic_default_mem_order', 'dynamic_allocators', 'reverse_offload', 'unified_address', 'unified_shared_memory'], accepted('MPE and CPEs share one address space'), {
    required: [['atomic_default_mem_order', 'dynamic_allocators', 'reverse_offload', 'unified_address', 'unified_shared_memory']],
  }),

  // Informational and utility directives.
  leaf('assumes', 'assumes', 'declarative', ASSUMPTIONS, ASSUME),
  leaf('begin assumes', undefined, 'declarative', ASSUMPTIONS, ASSUME),
  leaf('end assumes', undefined, 'declarative', [], ASSUME, { endOf: 'begin assumes' }),
  leaf('assume', 'assume', 'block', ASSUMPTIONS, ASSUME),
  leaf('error', 'error', 'none', ['at', 'message', 'severity'], rejected('unsupported-directive', 'the error directive is not lowered yet')),
  leaf('nothing', 'nothing', 'none', [], accepted('does nothing')),
  leaf('metadirective', 'metadirective', 'none', ['otherwise', 'when'], rejected('unsupported-directive', 'metadirective is not lowered'), { fortranEnd: 'optional' }),
  leaf('begin metadirective', undefined, 'block', ['otherwise', 'when'], rejected('unsupported-directive', 'metadirective is not lowered')),
  leaf('end metadirective', undefined, 'declarative', [], rejected('unsupported-directive', 'metadirective is not lowered'), { endOf: 'begin metadirective' }),

  // Loop transformations.
  leaf('tile', 'tile', 'loop', ['sizes'], TRANSFORM, { required: [['sizes']] }),
  leaf('unroll', 'unroll', 'loop', ['full', 'partial'], TRANSFORM, { exclusive: [['full', 'partial']] }),
];
