// Standard intrinsic procedures (Fortran 2008 plus the common OpenMP runtime names), so that later
// phases can tell `sqrt(x)` (a function reference) from `a(i)` (an array element) when neither is declared.

const FUNCTIONS = `abs achar acos acosh adjustl adjustr aimag aint all allocated anint any asin asinh associated atan atan2 atanh
bessel_j0 bessel_j1 bessel_jn bessel_y0 bessel_y1 bessel_yn bge bgt bit_size ble blt btest ceiling char cmplx command_argument_count
conjg cos cosh count cshift dble digits dim dot_product dprod dshiftl dshiftr eoshift epsilon erf erfc erfc_scaled exp exponent
extends_type_of findloc float floor fraction gamma huge hypot iachar iall iand iany ibclr ibits ibset ichar idint idnint ieor index
int ior iparity ishft ishftc is_contiguous is_iostat_end is_iostat_eor kind lbound lcobound leadz len len_trim lge lgt lle llt log
log10 log_gamma logical maskl maskr matmul max maxexponent maxloc maxval merge merge_bits min minexponent minloc minval mod modulo
nearest new_line nint norm2 not null num_images pack parity popcnt poppar precision present product radix range rank real repeat
reshape rrspacing same_type_as scale scan selected_char_kind selected_int_kind selected_real_kind set_exponent shape shifta shiftl
shiftr sign sin sinh size sngl spacing spread sqrt storage_size sum tan tanh this_image tiny trailz transfer transpose trim ubound
ucobound unpack verify dabs dacos dasin datan datan2 dcos dcosh ddim dexp dint dlog dlog10 dmax1 dmin1 dmod dnint dsign dsin dsinh
dsqrt dtan dtanh amax0 amax1 amin0 amin1 max0 max1 min0 min1 alog alog10 cabs ccos cexp clog csin csqrt ifix iabs isign idim
c_loc c_funloc c_associated c_sizeof
omp_get_thread_num omp_get_num_threads omp_get_max_threads omp_get_num_procs omp_in_parallel omp_get_wtime omp_get_wtick
omp_get_dynamic omp_get_nested omp_get_level omp_get_active_level omp_get_ancestor_thread_num omp_get_team_size omp_get_thread_limit
omp_get_max_active_levels omp_get_cancellation omp_get_num_devices omp_get_device_num omp_is_initial_device omp_test_lock omp_test_nest_lock`;

const SUBROUTINES = `cpu_time date_and_time execute_command_line get_command get_command_argument get_environment_variable move_alloc
mvbits random_number random_seed system_clock c_f_pointer c_f_procpointer
omp_set_num_threads omp_set_dynamic omp_set_nested omp_set_max_active_levels omp_set_schedule omp_get_schedule
omp_init_lock omp_destroy_lock omp_set_lock omp_unset_lock omp_init_nest_lock omp_destroy_nest_lock omp_set_nest_lock omp_unset_nest_lock`;

const INTRINSIC_FUNCTIONS: ReadonlySet<string> = new Set(FUNCTIONS.split(/\s+/).filter(Boolean));
const INTRINSIC_SUBROUTINES: ReadonlySet<string> = new Set(SUBROUTINES.split(/\s+/).filter(Boolean));

/** A standard intrinsic function (or OpenMP runtime function) name, lower case. */
export function isIntrinsicFunction(name: string): boolean {
  return INTRINSIC_FUNCTIONS.has(name.toLowerCase());
}

/** A standard intrinsic subroutine (or OpenMP runtime subroutine) name, lower case. */
export function isIntrinsicSubroutine(name: string): boolean {
  return INTRINSIC_SUBROUTINES.has(name.toLowerCase());
}
