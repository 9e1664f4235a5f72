/* The OpenMP device and affinity queries. In O2ATH's model the CPE cluster of the core group is the
   one device (number 0) and the MPE is the initial device; each CPE is its own place. */
#include <omp.h>
#include "internal.h"

int omp_get_num_devices(void) { return 1; }
int omp_get_default_device(void) { return 0; }
void omp_set_default_device(int device) { (void)device; }
int omp_get_initial_device(void) { return omp_get_num_devices(); }
int omp_is_initial_device(void) { return swrt_self == 0; }
int omp_get_device_num(void) { return swrt_self ? 0 : omp_get_initial_device(); }

omp_proc_bind_t omp_get_proc_bind(void) { return omp_proc_bind_true; }
int omp_get_num_places(void) { return SWRT_NCPE; }
int omp_get_place_num_procs(int place) { return place >= 0 && place < SWRT_NCPE ? 1 : 0; }
void omp_get_place_proc_ids(int place, int *ids) {
  if (place >= 0 && place < SWRT_NCPE) ids[0] = place;
}
int omp_get_place_num(void) { return swrt_self ? omp_get_thread_num() : -1; }
int omp_get_partition_num_places(void) { return swrt_self ? SWRT_NCPE : 0; }
void omp_get_partition_place_nums(int *places) {
  if (swrt_self)
    for (int i = 0; i < SWRT_NCPE; i++) places[i] = i;
}
