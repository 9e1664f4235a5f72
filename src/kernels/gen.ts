// `o2ath kernels gen`: writes one kernel's files (and those of the kernels it calls) to a directory,
// with a README saying how to build them for Sunway and on the emulator.
import fs from 'node:fs';
import path from 'node:path';
import type { KernelSpec } from './types.js';
import type { PlanOptions } from './plan.js';
import { makeBundle } from './bundle.js';
import { kernelFileName } from './render.js';

export function generateKernel(spec: KernelSpec, opts: PlanOptions, dir: string): string[] {
  const b = makeBundle(spec, opts, ['header', 'host', 'slave', 'ref', 'example']);
  const files = b.files.filter((f) => f.name !== 'swk_test.h');
  const example = kernelFileName(spec.name, 'example');
  const readme = [
    `# ${spec.id} ${spec.name} (${b.plan.dtype}, ${b.plan.target})`,
    '',
    `Tile ${JSON.stringify(b.plan.tile)}; LDM per CPE ${b.plan.ldmBytes} of ${b.plan.ldmBudget} bytes.`,
    '',
    'Sunway (swgcc): compile the CPE files with -mslave, the host files with -mhost, link with -mhybrid:',
    `    sw9gcc -mslave -O2 -c ${b.slaveSources.join(' ')}`,
    `    sw9gcc -mhost -O2 -c ${[...b.hostSources, example].join(' ')}`,
    '    sw9gcc -mhybrid *.o -o example -lm',
    '',
    'Emulator (runtime-c): compile CPE files with -D__sw_slave__ and rename their functions f -> slave_f,',
    'host files with -D__sw_host__, link with runtime-c/build/libo2athrt.a -pthread -lm (o2ath cc does this).',
    '',
  ].join('\n');
  fs.mkdirSync(dir, { recursive: true });
  const written: string[] = [];
  for (const f of [...files, { name: 'README.md', text: readme }]) {
    const p = path.join(dir, f.name);
    fs.writeFileSync(p, f.text);
    written.push(p);
  }
  return written;
}
