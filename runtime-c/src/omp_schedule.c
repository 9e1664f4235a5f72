/* omp_get_schedule / omp_set_schedule: the run-sched-var ICV, initialised from OMP_SCHEDULE, so that
   `schedule(runtime)` loops in translated code follow the environment as libgomp's do. */
#include <omp.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <pthread.h>

static omp_sched_t sched_kind = omp_sched_static;
static int sched_chunk = 0;
static pthread_once_t sched_once = PTHREAD_ONCE_INIT;

/* OMP_SCHEDULE is "[modifier:]kind[,chunk]" (OpenMP 5.2 section 21.2.1). */
static void read_env(void) {
  const char *s = getenv("OMP_SCHEDULE");
  if (!s) return;
  const char *colon = strchr(s, ':');
  if (colon) s = colon + 1;
  while (*s == ' ') s++;
  size_t len = strcspn(s, ", ");
  if (len == 6 && !strncasecmp(s, "static", 6)) sched_kind = omp_sched_static;
  else if (len == 7 && !strncasecmp(s, "dynamic", 7)) sched_kind = omp_sched_dynamic;
  else if (len == 6 && !strncasecmp(s, "guided", 6)) sched_kind = omp_sched_guided;
  else if (len == 4 && !strncasecmp(s, "auto", 4)) sched_kind = omp_sched_auto;
  const char *comma = strchr(s, ',');
  sched_chunk = comma ? atoi(comma + 1) : 0;
}

void omp_get_schedule(omp_sched_t *kind, int *chunk) {
  pthread_once(&sched_once, read_env);
  *kind = sched_kind;
  *chunk = sched_chunk;
}

void omp_set_schedule(omp_sched_t kind, int chunk) {
  pthread_once(&sched_once, read_env);
  sched_kind = kind;
  sched_chunk = chunk;
}
