/* libgomp reference micro-benchmarks for the same operations: empty parallel region, barrier,
   memcpy throughput (tile-sized copies from a large array, all threads). */
#include <omp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define TILE (32 << 10)
volatile int sink;

int main(int argc, char **argv) {
  double budget = argc > 1 ? atof(argv[1]) : 1.0;
  for (int i = 0; i < 100; i++) {
#pragma omp parallel
    sink = omp_get_thread_num();
  }
  int n = 0;
  double t0 = omp_get_wtime(), t;
  do {
#pragma omp parallel
    sink = omp_get_thread_num();
    n++;
  } while ((t = omp_get_wtime()) - t0 < budget);
  printf("omp_parallel %.3f us\n", (t - t0) / n * 1e6);

  long rounds = 0;
  t0 = omp_get_wtime();
#pragma omp parallel
  {
    double start = omp_get_wtime();
    for (;;) {
      int stop = 0;
#pragma omp master
      {
        rounds += 200;
        sink = omp_get_wtime() - start > budget;
      }
      for (int i = 0; i < 200; i++) {
#pragma omp barrier
      }
      stop = sink;
#pragma omp barrier
      if (stop) break;
    }
  }
  t = omp_get_wtime();
  printf("omp_barrier %.3f us\n", (t - t0) / (double)rounds * 1e6);

  long per = 1 << 20;
  int nth = omp_get_max_threads();
  char *src = aligned_alloc(64, (size_t)per * 64);
  memset(src, 1, (size_t)per * 64);
  n = 0;
  t0 = omp_get_wtime();
  do {
#pragma omp parallel
    {
      static __thread char tile[TILE] __attribute__((aligned(64)));
      /* the same 64 MB as the emulator's 64 CPEs, split over the threads */
#pragma omp for
      for (int c = 0; c < 64; c++)
        for (long off = 0; off < per; off += TILE) memcpy(tile, src + (long)c * per + off, TILE);
      sink = tile[5];
    }
    n++;
  } while ((t = omp_get_wtime()) - t0 < budget);
  printf("memcpy_omp %.3f GB/s\n", (double)n * 64.0 * (double)per / (t - t0) / 1e9);
  (void)nth;
  free(src);
  return 0;
}
