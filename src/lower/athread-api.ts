// The runtime vocabulary: every Athread/CRTS entry point generated code uses, per target, in one
// table. Templates read these strings; a test checks each name is declared in runtime-c/include, so
// the emulator and the generated code cannot drift apart.
import type { Target } from '../translate.js';

export interface AthreadVocabulary {
  readonly hostHeader: string;
  readonly slaveHeader: string;
  /** Host: start the CPE cluster once per process (the public `athread_idle() == 0` idiom). */
  readonly hostInit: string;
  readonly setThreads: string;
  readonly spawn: string;
  readonly join: string;
  /** Slave: this CPE's logical id, 0..63. */
  readonly tid: string;
  /** Slave: statements of a full team barrier. Pro stores go through the LDCache, so flush first. */
  readonly barrier: readonly string[];
  /** Slave: the statement of `#pragma omp flush`, and what brackets critical sections and ordered turns. */
  readonly flush: string;
  readonly flushLines: readonly string[];
  /** Slave: statements copying the argument block from main memory into LDM ({dst}, {src}, {reply}). */
  readonly argsIn: readonly string[];
  /** Slave: declarations the argsIn statements need ({reply}). */
  readonly argsInDecls: readonly string[];
  /** Names the generated code calls; checked against runtime-c/include. */
  readonly names: readonly string[];
  readonly maxCpes: number;
  readonly ldmBytes: number;
}

export const ATHREAD_API: Record<Target, AthreadVocabulary> = {
  sw26010pro: {
    hostHeader: 'athread.h',
    slaveHeader: 'slave.h',
    hostInit: 'if (athread_idle() == 0) athread_init();',
    setThreads: 'athread_set_num_threads({n});',
    spawn: 'athread_spawn({kernel}, &{args});',
    join: 'athread_join();',
    tid: 'CRTS_tid',
    barrier: ['flush_slave_cache();', 'athread_ssync_array();'],
    // A flush usually sits in a loop waiting for another CPE: o2ath_relax lets it run (a no-op on the CPE).
    flush: 'flush_slave_cache(); o2ath_relax();',
    flushLines: ['flush_slave_cache();'],
    argsIn: ['athread_dma_get(&{dst}, {src}, sizeof({dst}));'],
    argsInDecls: [],
    names: ['athread_idle', 'athread_init', 'athread_set_num_threads', 'athread_spawn', 'athread_join', 'CRTS_tid', 'flush_slave_cache', 'athread_ssync_array', 'athread_dma_get', 'SLAVE_FUN', 'athread_lock', 'athread_unlock', 'o2ath_fetch_inc_long'],
    maxCpes: 64,
    ldmBytes: 256 * 1024,
  },
  sw26010: {
    hostHeader: 'athread.h',
    slaveHeader: 'slave.h',
    hostInit: 'if (athread_idle() == 0) athread_init();',
    setThreads: 'athread_set_num_threads({n});',
    spawn: 'athread_spawn({kernel}, &{args});',
    join: 'athread_join();',
    tid: '_MYID',
    barrier: ['athread_syn(ARRAY_SCOPE, 0xffff);'],
    flush: '__sync_synchronize(); o2ath_relax();',
    flushLines: [],
    argsIn: ['athread_get(PE_MODE, {src}, &{dst}, sizeof({dst}), (void *)&{reply}, 0, 0, 0);', 'while ({reply} != 1);'],
    argsInDecls: ['volatile int {reply} = 0;'],
    names: ['athread_idle', 'athread_init', 'athread_set_num_threads', 'athread_spawn', 'athread_join', '_MYID', 'athread_syn', 'ARRAY_SCOPE', 'athread_get', 'PE_MODE', 'SLAVE_FUN', 'athread_lock', 'athread_unlock', 'o2ath_fetch_inc_long'],
    maxCpes: 64,
    ldmBytes: 64 * 1024,
  },
};
