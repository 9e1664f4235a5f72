! Fortran MPE code against runtime-c: gfortran's omp_lib (without -fopenmp, without libgomp) and the
! Fortran-callable athread_init/athread_spawn/athread_join; the CPE kernel is C (omp-athread-1-slave.c).
program p
  use omp_lib
  implicit none
  integer, external :: slave_kern
  integer(8) :: counts(64)
  integer :: ierr
  counts = 0
  print *, 'mpe thread', omp_get_thread_num(), 'of', omp_get_num_threads(), 'max', omp_get_max_threads()
  call athread_init()
  call athread_spawn(slave_kern, counts)
  call athread_join()
  print *, 'sum of ids', sum(counts)
end program
