// `o2ath cc --help` / `o2ath fc --help`: o2ath's own options; everything else is the compiler's.
import type { DriverLanguage } from './args.js';

export function driverHelp(verb: DriverLanguage): string {
  const name = verb === 'c' ? 'cc' : 'fc';
  const host = verb === 'c' ? 'gcc' : 'gfortran';
  const env = verb === 'c' ? 'O2ATH_HOST_CC' : 'O2ATH_HOST_FC';
  return `usage: o2ath ${name} [${host} options] [o2ath options] files...

A ${host}-compatible compiler driver: OpenMP ${verb === 'c' ? 'C' : 'Fortran'} sources are translated to Athread
on the fly, both sides are compiled and merged, and the link adds the CPE runtime.
Use it in a Makefile as ${verb === 'c' ? 'CC' : 'FC'}="o2ath ${name}". Exit status: 0 ok, 1 error, 2 misuse.

o2ath options:
  --mode emulate|cross        emulate (default): ${host} + the emulated runtime (runtime-c);
                              cross: the Sunway toolchain (${verb === 'c' ? 'sw9gcc / sw5cc' : 'sw9gfortran / sw5f90'})  [O2ATH_MODE]
  --target sw26010pro|sw26010 default sw26010pro  [O2ATH_TARGET]
  --layout hybrid|split       one file with __sw_host__/__sw_slave__ sides (default), or two
  --fallback none|host        host: regions that cannot be lowered stay on the MPE
  --cpe-functions f,g|@file   functions in other files that CPE code calls
  --${name} CMD                    the compiler, e.g. "mpi${verb === 'c' ? 'cc' : 'f90'}" (split like a shell)  [${env}]
  --dry-run                   print the commands, run nothing
  --verbose                   print each command as it runs
  --keep                      keep the work directory
  --save-temps=DIR            write the translation and intermediate objects to DIR
  --diagnostics-format=text|json|sarif

Sunway compiler options are accepted: -mhost, -mslave (compile one side, no translation), -mhybrid,
sw5cc's -host/-slave/-hybrid, -msimd, -mieee, -mftz, -faddress_align=N, -lm_slave, -Whost,... -Wslave,...
`;
}
