// Every OpenMP 5.2 clause (plus the 5.0/5.1 spellings 5.2 still accepts, such as `depend(source)` and
// `to` on declare target): its argument grammar, uniqueness and o2ath's support status. Data only;
// spec.ts indexes it. The translator author adjusts statuses here as lowering grows.
import type { ClauseSpec, Support } from './spec-types.js';

const lowered = (how: string): Support => ({ status: 'lowered', how });
const accepted = (how: string): Support => ({ status: 'accepted', how });
const rejected = (how: string): Support => ({ status: 'rejected', how, unsupported: 'unsupported-clause' });

const MEMORY_ORDERS = ['seq_cst', 'acq_rel', 'release', 'acquire', 'relaxed'] as const;
/** Directive-name modifiers of `if` (OpenMP 5.2 §3.4), C and Fortran spellings of the leaf constructs. */
const IF_MODIFIERS = [
  'parallel', 'simd', 'task', 'taskloop', 'target', 'target data', 'target enter data', 'target exit data',
  'target update', 'teams', 'cancel',
];
const MAP_TYPES = ['to', 'from', 'tofrom', 'alloc', 'release', 'delete'];
const MAP_MODIFIERS = ['always', 'close', 'present', 'mapper', 'iterator'];
const MOTION_MODIFIERS = ['present', 'mapper', 'iterator'];
const DEPEND_TYPES = ['in', 'out', 'inout', 'mutexinoutset', 'inoutset', 'depobj', 'source', 'sink'];

const memoryOrder = (name: string): ClauseSpec => ({
  name, shape: 'none', once: true, support: accepted('atomics run under a lock, which is stronger than any memory order'),
});
const cancelConstruct = (name: string, language?: 'c' | 'fortran'): ClauseSpec => ({
  name, shape: 'none', once: true, ...(language ? { language } : {}), support: rejected('cancellation is not lowered'),
});

export const clauseTable: readonly ClauseSpec[] = [
  { name: 'absent', shape: 'text', once: true, support: accepted('an assumption; o2ath makes no use of it') },
  memoryOrder('acq_rel'),
  memoryOrder('acquire'),
  { name: 'adjust_args', shape: 'text', support: rejected('declare variant is not lowered') },
  { name: 'affinity', shape: 'list', items: 'locator', modifiers: ['iterator'], support: rejected('tasks are not lowered') },
  { name: 'align', shape: 'expr', once: true, support: rejected('the allocate directive is not lowered') },
  { name: 'aligned', shape: 'list-step', items: 'variable', support: accepted('alignment hints do not change the CPE code') },
  { name: 'allocate', shape: 'list', items: 'variable', modifiers: ['allocator', 'align'], expressionModifier: 'allocator', support: rejected('OpenMP allocators are not mapped to LDM yet') },
  { name: 'allocator', shape: 'expr', once: true, support: rejected('OpenMP allocators are not mapped to LDM yet') },
  { name: 'append_args', shape: 'text', once: true, support: rejected('declare variant is not lowered') },
  { name: 'at', shape: 'keyword', once: true, values: ['compilation', 'execution'], support: rejected('the error directive is not lowered') },
  { name: 'atomic_default_mem_order', shape: 'keyword', once: true, values: [...MEMORY_ORDERS], support: accepted('CPE atomics are sequentially consistent') },
  { name: 'bind', shape: 'keyword', once: true, values: ['teams', 'parallel', 'thread'], support: rejected('the loop construct is not lowered') },
  { name: 'capture', shape: 'none', once: true, support: lowered('the capture statement runs under the atomic lock') },
  { name: 'collapse', shape: 'expr', once: true, positiveConstant: true, support: lowered('the collapsed iteration space is partitioned as one loop') },
  { name: 'compare', shape: 'none', once: true, support: lowered('the conditional update runs under the atomic lock') },
  { name: 'contains', shape: 'text', once: true, support: accepted('an assumption; o2ath makes no use of it') },
  { name: 'copyin', shape: 'list', items: 'variable', commonBlocks: true, support: lowered('each CPE copy starts from the MPE value') },
  { name: 'copyprivate', shape: 'list', items: 'variable', commonBlocks: true, support: lowered('broadcast from CPE 0 through main memory') },
  {
    name: 'default', shape: 'keyword', once: true, values: ['shared', 'none', 'private', 'firstprivate'],
    support: lowered('the default data-sharing rule of the region'),
  },
  {
    name: 'defaultmap', shape: 'keyword-pair',
    values: ['alloc', 'to', 'from', 'tofrom', 'firstprivate', 'none', 'default', 'present'],
    categories: ['scalar', 'aggregate', 'pointer', 'allocatable', 'all'],
    support: accepted('MPE and CPEs share one address space; nothing is copied'),
  },
  { name: 'depend', shape: 'depend', items: 'locator', modifiers: ['iterator'], values: DEPEND_TYPES, support: rejected('task dependences are not lowered') },
  // interop may destroy several objects, one clause each.
  { name: 'destroy', shape: 'optional-expr', support: rejected('depobj and interop are not lowered') },
  { name: 'detach', shape: 'expr', once: true, support: rejected('tasks are not lowered') },
  { name: 'device', shape: 'expr', once: true, modifiers: ['ancestor', 'device_num'], support: accepted('the core group running the program is the only device') },
  { name: 'device_type', shape: 'keyword', once: true, values: ['host', 'nohost', 'any'], support: accepted('CPE copies are found from the call graph') },
  { name: 'dist_schedule', shape: 'schedule', once: true, values: ['static'], support: lowered('static: blocks of iterations per CPE') },
  { name: 'doacross', shape: 'depend', values: ['source', 'sink'], support: rejected('doacross loops are not lowered') },
  { name: 'dynamic_allocators', shape: 'none', once: true, support: rejected('OpenMP allocators are not mapped to LDM yet') },
  { name: 'enter', shape: 'list', items: 'variable', modifiers: ['indirect'], support: lowered('the functions listed are compiled for the CPEs') },
  { name: 'exclusive', shape: 'list', items: 'variable', support: rejected('scan is not lowered') },
  { name: 'fail', shape: 'keyword', once: true, values: [...MEMORY_ORDERS], support: accepted('atomics run under a lock') },
  { name: 'filter', shape: 'expr', once: true, support: lowered('the team id of the CPE that runs the masked block') },
  { name: 'final', shape: 'expr', once: true, support: rejected('tasks are not lowered') },
  { name: 'firstprivate', shape: 'list', items: 'variable', commonBlocks: true, dataSharing: true, support: lowered('a copy per CPE in LDM, initialised from the MPE value') },
  { name: 'from', shape: 'list', items: 'locator', modifiers: MOTION_MODIFIERS, support: accepted('MPE and CPEs share one address space; nothing is copied') },
  { name: 'full', shape: 'none', once: true, support: rejected('loop transformations are not lowered') },
  { name: 'grainsize', shape: 'expr', once: true, modifiers: ['strict'], support: rejected('taskloop is not lowered') },
  { name: 'has_device_addr', shape: 'list', items: 'section', support: accepted('MPE and CPEs share one address space') },
  { name: 'hint', shape: 'expr', once: true, support: accepted('hints do not change the Athread code') },
  { name: 'holds', shape: 'expr', support: accepted('an assumption; o2ath makes no use of it') },
  { name: 'if', shape: 'expr', oncePerModifier: true, modifiers: IF_MODIFIERS, support: lowered('false runs the region on the MPE with a team of one') },
  { name: 'in_reduction', shape: 'reduction', items: 'section', support: rejected('task reductions are not lowered') },
  { name: 'inbranch', shape: 'none', once: true, support: accepted('a declare simd hint') },
  { name: 'inclusive', shape: 'list', items: 'variable', support: rejected('scan is not lowered') },
  { name: 'indirect', shape: 'optional-expr', once: true, support: rejected('declare target is not lowered yet') },
  { name: 'init', shape: 'text', support: rejected('interop is not lowered') },
  { name: 'initializer', shape: 'text', once: true, support: rejected('declare reduction is not lowered yet') },
  { name: 'is_device_ptr', shape: 'list', items: 'variable', support: accepted('MPE and CPEs share one address space') },
  { name: 'lastprivate', shape: 'list', items: 'variable', commonBlocks: true, modifiers: ['conditional'], dataSharing: true, support: lowered('the CPE that runs the last iteration writes its copy back') },
  { name: 'linear', shape: 'list-step', items: 'variable', modifiers: ['val', 'ref', 'uval', 'step'], exclusiveModifiers: [['val', 'ref', 'uval']], dataSharing: true, support: lowered('each iteration starts from the initial value plus its number times the step') },
  { name: 'link', shape: 'list', items: 'variable', commonBlocks: true, support: rejected('declare target is not lowered yet') },
  { name: 'map', shape: 'list', items: 'locator', modifiers: [...MAP_MODIFIERS, ...MAP_TYPES], exclusiveModifiers: [MAP_TYPES], support: accepted('MPE and CPEs share one address space; nothing is copied') },
  { name: 'match', shape: 'text', once: true, support: rejected('declare variant is not lowered') },
  { name: 'mergeable', shape: 'none', once: true, support: rejected('tasks are not lowered') },
  { name: 'message', shape: 'expr', once: true, support: rejected('the error directive is not lowered') },
  { name: 'no_openmp', shape: 'none', once: true, support: accepted('an assumption; o2ath makes no use of it') },
  { name: 'no_openmp_routines', shape: 'none', once: true, support: accepted('an assumption; o2ath makes no use of it') },
  { name: 'no_parallelism', shape: 'none', once: true, support: accepted('an assumption; o2ath makes no use of it') },
  { name: 'nocontext', shape: 'expr', once: true, support: rejected('dispatch is not lowered') },
  { name: 'nogroup', shape: 'none', once: true, support: rejected('taskloop is not lowered') },
  { name: 'nontemporal', shape: 'list', items: 'variable', support: accepted('a hint; the CPE code is unchanged') },
  { name: 'notinbranch', shape: 'none', once: true, support: accepted('a declare simd hint') },
  { name: 'novariants', shape: 'expr', once: true, support: rejected('dispatch is not lowered') },
  { name: 'nowait', shape: 'none', once: true, support: lowered('no barrier at the end of the worksharing loop') },
  { name: 'num_tasks', shape: 'expr', once: true, modifiers: ['strict'], support: rejected('taskloop is not lowered') },
  // 5.1 allows a lower bound: num_teams(lower: upper); the lower bound is kept as a modifier-free argument.
  { name: 'num_teams', shape: 'expr', once: true, support: lowered('each CPE is a team: at most 64') },
  { name: 'num_threads', shape: 'expr', once: true, support: lowered('the number of CPEs spawned (at most 64)') },
  { name: 'order', shape: 'keyword', once: true, values: ['concurrent'], modifiers: ['reproducible', 'unconstrained'], support: accepted('iterations already run concurrently on the CPEs') },
  { name: 'ordered', shape: 'optional-expr', once: true, positiveConstant: true, support: lowered('ordered blocks take turns in iteration order') },
  { name: 'otherwise', shape: 'text', once: true, support: rejected('metadirective is not lowered') },
  { name: 'partial', shape: 'optional-expr', once: true, positiveConstant: true, support: rejected('loop transformations are not lowered') },
  { name: 'priority', shape: 'expr', once: true, support: rejected('tasks are not lowered') },
  { name: 'private', shape: 'list', items: 'variable', commonBlocks: true, dataSharing: true, support: lowered('an uninitialised copy per CPE in LDM') },
  { name: 'proc_bind', shape: 'keyword', once: true, values: ['primary', 'master', 'close', 'spread'], support: accepted('each CPE is its own place; binding is fixed') },
  { name: 'read', shape: 'none', once: true, support: lowered('the read runs under the atomic lock') },
  {
    name: 'reduction', shape: 'reduction', items: 'section', commonBlocks: false, dataSharing: true,
    modifiers: ['inscan', 'task', 'default'],
    support: lowered('scalars and arrays, combined across CPEs in a fixed order'),
    sectionSupport: { status: 'lowered', how: 'one-dimensional sections of constant length: a copy per CPE, combined element-wise in CPE order' },
    modifierSupport: {
      inscan: { status: 'rejected', how: 'scan is not lowered', unsupported: 'unsupported-modifier' },
      task: { status: 'rejected', how: 'task reductions are not lowered', unsupported: 'unsupported-modifier' },
    },
  },
  memoryOrder('relaxed'),
  memoryOrder('release'),
  { name: 'reverse_offload', shape: 'none', once: true, support: rejected('requires: reverse offload has no Athread meaning') },
  { name: 'safelen', shape: 'expr', once: true, positiveConstant: true, support: accepted('a vectorisation hint') },
  {
    name: 'schedule', shape: 'schedule', once: true, values: ['static', 'dynamic', 'guided', 'auto', 'runtime'],
    modifiers: ['monotonic', 'nonmonotonic', 'simd'],
    exclusiveModifiers: [['monotonic', 'nonmonotonic']],
    valuesWithoutChunk: ['auto', 'runtime'],
    support: lowered('static: blocks per CPE; static,n: chunks dealt round-robin'),
    valueSupport: {
      dynamic: { status: 'lowered', how: 'chunks handed out by a fetch-and-add counter in main memory' },
      guided: { status: 'lowered', how: 'shrinking chunks handed out under a lock' },
      auto: { status: 'lowered', how: 'static blocks' },
      runtime: { status: 'lowered', how: 'the kind and chunk OMP_SCHEDULE names (omp_get_schedule)' },
    },
  },
  memoryOrder('seq_cst'),
  { name: 'severity', shape: 'keyword', once: true, values: ['fatal', 'warning'], support: rejected('the error directive is not lowered') },
  { name: 'shared', shape: 'list', items: 'variable', commonBlocks: true, dataSharing: true, support: lowered('accessed in main memory through the argument struct') },
  { name: 'simd', shape: 'none', once: true, support: rejected('ordered is not lowered yet') },
  { name: 'simdlen', shape: 'expr', once: true, positiveConstant: true, support: accepted('a vectorisation hint') },
  { name: 'sizes', shape: 'expr-list', once: true, positiveConstant: true, support: rejected('loop transformations are not lowered') },
  { name: 'task_reduction', shape: 'reduction', items: 'section', support: rejected('task reductions are not lowered') },
  { name: 'thread_limit', shape: 'expr', once: true, support: accepted('bounded by the 64 CPEs of a core group') },
  { name: 'threads', shape: 'none', once: true, support: lowered('ordered among the CPEs of the team') },
  { name: 'to', shape: 'list', items: 'locator', modifiers: MOTION_MODIFIERS, support: accepted('MPE and CPEs share one address space; nothing is copied') },
  { name: 'unified_address', shape: 'none', once: true, support: accepted('MPE and CPEs share one address space') },
  { name: 'unified_shared_memory', shape: 'none', once: true, support: accepted('MPE and CPEs share one address space') },
  { name: 'uniform', shape: 'list', items: 'variable', support: accepted('a declare simd hint') },
  { name: 'untied', shape: 'none', once: true, support: rejected('tasks are not lowered') },
  // `update` on atomic takes no argument; on depobj it names the new dependence type.
  { name: 'update', shape: 'optional-keyword', once: true, values: ['in', 'out', 'inout', 'mutexinoutset', 'inoutset'], support: lowered('atomic update; depobj is not lowered') },
  { name: 'use', shape: 'expr', support: rejected('interop is not lowered') },
  { name: 'use_device_addr', shape: 'list', items: 'section', support: accepted('MPE and CPEs share one address space') },
  { name: 'use_device_ptr', shape: 'list', items: 'variable', support: accepted('MPE and CPEs share one address space') },
  { name: 'uses_allocators', shape: 'text', support: rejected('OpenMP allocators are not mapped to LDM yet') },
  { name: 'weak', shape: 'none', once: true, support: accepted('atomics run under a lock; a weak compare never fails spuriously') },
  { name: 'when', shape: 'text', support: rejected('metadirective is not lowered') },
  { name: 'write', shape: 'none', once: true, support: lowered('the write runs under the atomic lock') },
  // The construct-type clauses of cancel and cancellation point (5.2 §16.1).
  cancelConstruct('parallel'),
  cancelConstruct('sections'),
  cancelConstruct('for', 'c'),
  cancelConstruct('do', 'fortran'),
  cancelConstruct('taskgroup'),
];
