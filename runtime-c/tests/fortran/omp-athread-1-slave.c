/* CPE kernel of omp-athread-1.f90: Fortran passes the array by reference. */
#include <slave.h>
#include <omp.h>

void kern_(long *counts) { counts[_MYID] = omp_get_thread_num() == _MYID ? _MYID : -1000; }
