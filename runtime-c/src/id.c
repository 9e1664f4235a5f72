/* CPE identity: the per-CPE variables _MYID/_ROW/_COL/_PEN/_CGN and the id queries. */
#include "internal.h"

/* On the hardware these live in each CPE's LDM (__thread_local_fix); here
   each CPE thread has its own copy.  The MPE sees zeros. */
__thread char _CGN, _ROW, _COL, _PEN;
__thread int _MYID;

void swrt_set_identity(int id) {
  _MYID = id;
  _PEN = (char)id;
  _ROW = (char)(id / SWRT_NCOL);
  _COL = (char)(id % SWRT_NCOL);
  _CGN = 0;
}

/* Logical thread id of a core: -1 means the caller.  The emulator maps
   logical ids to physical cores one to one. */
int athread_get_id(int core) {
  if (core == -1) {
    swrt_need_cpe("athread_get_id(-1)");
    return _MYID;
  }
  if (core < 0 || core >= SWRT_NCPE) return -1;
  return core;
}

/* Physical core number: row in bits 3-5, column in bits 0-2. */
int athread_get_core(int id) {
  if (id == -1) {
    swrt_need_cpe("athread_get_core(-1)");
    return _PEN;
  }
  if (id < 0 || id >= SWRT_NCPE) return -1;
  return (id / SWRT_NCOL) << 3 | (id % SWRT_NCOL);
}
