/* Diagnostics of the emulator: fatal errors and warnings that say what the real hardware would do. */
#include "internal.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

static void vreport(const char *kind, const char *fmt, va_list ap) {
  /* One write per message keeps the lines of 64 threads from interleaving. */
  char buf[1024];
  int n = 0;
  if (swrt_self)
    n = snprintf(buf, sizeof buf, "o2ath-emu: %s: CPE %d: ", kind, swrt_self->id);
  else
    n = snprintf(buf, sizeof buf, "o2ath-emu: %s: MPE: ", kind);
  if (n < 0) n = 0;
  vsnprintf(buf + n, sizeof buf - (size_t)n, fmt, ap);
  size_t len = strlen(buf);
  if (len < sizeof buf - 1) {
    buf[len++] = '\n';
    buf[len] = 0;
  }
  fputs(buf, stderr);
  fflush(stderr);
}

void swrt_fatal(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  vreport("error", fmt, ap);
  va_end(ap);
  abort();
}

void swrt_warn(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  vreport("warning", fmt, ap);
  va_end(ap);
}

struct swrt_cpe *swrt_need_cpe(const char *api) {
  if (!swrt_self)
    swrt_fatal("%s called outside a CPE kernel; it is a CPE (slave) function and the real host "
               "library does not provide it",
               api);
  swrt_stack_sample(swrt_self);
  return swrt_self;
}

/* O2ATH_EMU_WATCHDOG_SECONDS: how long a CPE may wait on a barrier, a reply
   counter or a lock before the emulator declares a hang (0 disables). */
static pthread_once_t watchdog_once = PTHREAD_ONCE_INIT;
static double watchdog_s;

static void read_watchdog(void) {
  const char *e = getenv("O2ATH_EMU_WATCHDOG_SECONDS");
  watchdog_s = e && *e ? strtod(e, NULL) : 60.0;
  if (!(watchdog_s >= 0)) watchdog_s = 0;
}

double swrt_watchdog_seconds(void) {
  pthread_once(&watchdog_once, read_watchdog);
  return watchdog_s;
}

/* "0-3,7,9": compact CPE lists for messages. */
void swrt_format_cpes(char *buf, size_t n, uint64_t mask) {
  size_t used = 0;
  buf[0] = 0;
  for (int i = 0; i < SWRT_NCPE && used + 12 < n; i++) {
    if (!(mask >> i & 1)) continue;
    int j = i;
    while (j + 1 < SWRT_NCPE && (mask >> (j + 1) & 1)) j++;
    int w = j > i ? snprintf(buf + used, n - used, "%s%d-%d", used ? "," : "", i, j)
                  : snprintf(buf + used, n - used, "%s%d", used ? "," : "", i);
    if (w < 0) break;
    used += (size_t)w;
    i = j;
  }
  if (!used) snprintf(buf, n, "none");
}
