/* SW26010-Pro: __thread_local data larger than the 256 KB LDM is refused, as the real toolchain
   refuses to link it. */
//! run: => error: more than the 256 KB LDM of a CPE; the real SW26010-Pro toolchain refuses
#include "check.h"

#ifdef __sw_slave__
#include <slave.h>
__thread_local double big[40000]; /* 320 KB of LDM data */
void kern(double *out) {
  big[_MYID] = _MYID;
  out[_MYID] = big[_MYID];
}
#endif

#ifdef __sw_host__
#include <athread.h>
extern void slave_kern(double *);
int main(void) {
  static double out[64];
  athread_init();
  athread_spawn(kern, out);
  athread_join();
  return 0;
}
#endif
