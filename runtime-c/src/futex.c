/* Thin wrapper over Linux futexes, the only blocking primitive of the emulator (swap it to port). */
#include "internal.h"

#include <errno.h>
#include <linux/futex.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

void swrt_futex_wait(uint32_t *addr, uint32_t val, double timeout_s) {
  struct timespec ts, *tp = NULL;
  if (timeout_s > 0) {
    ts.tv_sec = (time_t)timeout_s;
    ts.tv_nsec = (long)((timeout_s - (double)ts.tv_sec) * 1e9);
    tp = &ts;
  }
  /* EAGAIN (value changed), EINTR and ETIMEDOUT all mean "look again". */
  syscall(SYS_futex, addr, FUTEX_WAIT_PRIVATE, val, tp, NULL, 0);
}

void swrt_futex_wake(uint32_t *addr, int n) {
  syscall(SYS_futex, addr, FUTEX_WAKE_PRIVATE, n, NULL, NULL, 0);
}

void swrt_cpu_relax(void) {
#if defined(__x86_64__) || defined(__i386__)
  __builtin_ia32_pause();
#elif defined(__aarch64__)
  __asm__ __volatile__("yield" ::: "memory");
#else
  __asm__ __volatile__("" ::: "memory");
#endif
}
