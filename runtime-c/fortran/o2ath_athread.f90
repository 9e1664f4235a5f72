! o2ath_athread: the emulated Athread runtime (runtime-c) seen from Fortran through ISO_C_BINDING.
! Host side: initialise the CPE cluster, spawn a CPE routine on an argument block, join. CPE side:
! this CPE's id and team size, the array barrier, cache flush, and main-memory spin locks.
! Generated kernels declare the CPE-side subset of these interfaces themselves (templates/fortran/
! binding.f90.hbs, same bind names) so that a translation compiles without this module's .mod file;
! test/fortran/binding.test.ts checks that both name the same runtime entry points.
! The Sunway idiom with implicit interfaces keeps working too: `call athread_spawn(slave_f, param)`
! binds to runtime-c's athread_spawn_ (src/fortran.c).
module o2ath_athread
  use, intrinsic :: iso_c_binding, only: c_int, c_long, c_ptr, c_funptr
  implicit none
  private
  public :: o2ath_host_init, o2ath_set_num_threads, o2ath_spawn, o2ath_join
  public :: o2ath_cpe_id, o2ath_cpe_team, o2ath_cpe_relax, o2ath_cpe_flush, o2ath_cpe_sync
  public :: o2ath_cpe_fetch_inc, o2ath_cpe_lock, o2ath_cpe_unlock

  interface
    ! ---- host (MPE) ----
    subroutine o2ath_host_init() bind(c, name='o2ath_host_init')
    end subroutine o2ath_host_init
    function o2ath_set_num_threads(n) bind(c, name='athread_set_num_threads')
      import :: c_int
      integer(c_int), value :: n
      integer(c_int) :: o2ath_set_num_threads
    end function o2ath_set_num_threads
    ! fn: c_funloc of the CPE routine (its slave_ name); arg: c_loc of the argument block.
    function o2ath_spawn(fn, arg) bind(c, name='athread_spawn_')
      import :: c_int, c_ptr, c_funptr
      type(c_funptr), value :: fn
      type(c_ptr), value :: arg
      integer(c_int) :: o2ath_spawn
    end function o2ath_spawn
    function o2ath_join() bind(c, name='athread_join')
      import :: c_int
      integer(c_int) :: o2ath_join
    end function o2ath_join

    ! ---- CPE ----
    function o2ath_cpe_id(core) bind(c, name='athread_get_id')
      import :: c_int
      integer(c_int), value :: core
      integer(c_int) :: o2ath_cpe_id
    end function o2ath_cpe_id
    function o2ath_cpe_team() bind(c, name='omp_get_num_threads')
      import :: c_int
      integer(c_int) :: o2ath_cpe_team
    end function o2ath_cpe_team
    ! Waiting on a word in main memory: yields to the other CPE threads in emulation.
    subroutine o2ath_cpe_relax() bind(c, name='o2ath_relax')
    end subroutine o2ath_cpe_relax
    subroutine o2ath_cpe_flush() bind(c, name='flush_slave_cache')
    end subroutine o2ath_cpe_flush
    subroutine o2ath_cpe_sync() bind(c, name='athread_ssync_array')
    end subroutine o2ath_cpe_sync
    ! Fetch-and-increment of a main-memory counter (faal on the hardware): the dynamic-schedule ticket.
    function o2ath_cpe_fetch_inc(counter) bind(c, name='o2ath_fetch_inc_long')
      import :: c_long
      integer(c_long) :: counter
      integer(c_long) :: o2ath_cpe_fetch_inc
    end function o2ath_cpe_fetch_inc
    subroutine o2ath_cpe_lock(l) bind(c, name='swrt_lock_long')
      import :: c_long
      integer(c_long) :: l
    end subroutine o2ath_cpe_lock
    subroutine o2ath_cpe_unlock(l) bind(c, name='swrt_unlock_long')
      import :: c_long
      integer(c_long) :: l
    end subroutine o2ath_cpe_unlock
  end interface
end module o2ath_athread
