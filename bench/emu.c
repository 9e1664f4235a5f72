/* Emulator micro-benchmarks (built as MPE + CPE objects like any emulated program): spawn+join of
   an empty kernel, CPE barrier, DMA get throughput.  Prints one "name value unit" line each. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define TILE (32 << 10)

struct arg {
  char *src;
  long bytes_per_cpe;
  int rounds;
};

#ifdef __sw_slave__
#include <slave.h>
#include <crts.h>

__thread_local char tile[TILE] __attribute__((aligned(64)));

void empty(void *p) { (void)p; }

void barriers(struct arg *a) {
  for (int i = 0; i < a->rounds; i++) athread_syn(ARRAY_SCOPE, 0xffff);
}

void dma(struct arg *a) {
  char *base = a->src + (long)_MYID * a->bytes_per_cpe;
  for (long off = 0; off < a->bytes_per_cpe; off += TILE) CRTS_dma_get(tile, base + off, TILE);
}
#endif

#ifdef __sw_host__
#include <athread.h>
extern void slave_empty(void *);
extern void slave_barriers(struct arg *);
extern void slave_dma(struct arg *);

static double now(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

int main(int argc, char **argv) {
  double budget = argc > 1 ? atof(argv[1]) : 1.0; /* seconds per measurement */
  static struct arg a;
  athread_init();
  for (int i = 0; i < 20; i++) {
    athread_spawn(empty, 0);
    athread_join();
  }

  int n = 0;
  double t0 = now(), t;
  do {
    athread_spawn(empty, 0);
    athread_join();
    n++;
  } while ((t = now()) - t0 < budget);
  printf("spawn_join_64 %.3f us\n", (t - t0) / n * 1e6);

  athread_set_num_threads(2);
  n = 0;
  t0 = now();
  do {
    athread_spawn(empty, 0);
    athread_join();
    n++;
  } while ((t = now()) - t0 < budget);
  printf("spawn_join_2 %.3f us\n", (t - t0) / n * 1e6);
  athread_set_num_threads(64);

  a.rounds = 200;
  n = 0;
  t0 = now();
  do {
    athread_spawn(barriers, &a);
    athread_join();
    n++;
  } while ((t = now()) - t0 < budget);
  printf("barrier_64 %.3f us\n", (t - t0) / ((double)n * a.rounds) * 1e6);

  a.bytes_per_cpe = 1 << 20;
  a.src = aligned_alloc(64, (size_t)a.bytes_per_cpe * 64);
  memset(a.src, 1, (size_t)a.bytes_per_cpe * 64);
  n = 0;
  t0 = now();
  do {
    athread_spawn(dma, &a);
    athread_join();
    n++;
  } while ((t = now()) - t0 < budget);
  printf("dma_get_64 %.3f GB/s\n", (double)n * 64.0 * (double)a.bytes_per_cpe / (t - t0) / 1e9);
  free(a.src);
  return 0;
}
#endif
