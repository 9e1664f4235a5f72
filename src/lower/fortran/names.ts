// Fixed names of the generated CPE-side helpers and variables. All start with `o2ath_`, a prefix the
// user's code is checked against (translate-fortran.ts), so they cannot collide with user names.
export const N = {
  args: 'o2ath_a',
  tid: 'o2ath_tid',
  nthr: 'o2ath_nthr',
  n: 'o2ath_n',
  lo: 'o2ath_lo',
  hi: 'o2ath_hi',
  k: 'o2ath_k',
  c: 'o2ath_c',
  lb: 'o2ath_lb',
  st: 'o2ath_st',
  t: 'o2ath_t',
  q: 'o2ath_q',
  kl: 'o2ath_kl',
  cpeId: 'o2ath_cpe_id',
  cpeTeam: 'o2ath_cpe_team',
  flush: 'o2ath_cpe_flush',
  sync: 'o2ath_cpe_sync',
  lock: 'o2ath_cpe_lock',
  cpeFetchInc: 'o2ath_cpe_fetch_inc',
  relax: 'o2ath_cpe_relax',
  unlock: 'o2ath_cpe_unlock',
} as const;

/** Declarations every CPE routine that partitions loops needs. */
export const WORK_DECLS: readonly string[] = [
  `integer ${N.tid}, ${N.nthr}`,
  `integer(8) ${N.n}, ${N.lo}, ${N.hi}, ${N.k}, ${N.c}, ${N.lb}, ${N.st}, ${N.kl}`,
  `integer ${N.t}`,
];

/** Statements setting this CPE's id and team size (from the runtime). */
export const TEAM_INIT: readonly string[] = [`${N.tid} = ${N.cpeId}(-1)`, `${N.nthr} = ${N.cpeTeam}()`];

export const BARRIER: readonly string[] = [`call ${N.flush}()`, `call ${N.sync}()`];
