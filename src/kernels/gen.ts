// `o2ath kernels gen`: writes one kernel's files (and those of the kernels it calls) to a directory,
// with a README saying how to build them for Sunway and on the emulator. The usage example is the
// kernel's own example template when it has one, otherwise its test program (which calls every entry
// point) together with the oracle file it reads.
import fs from 'node:fs';
import path from 'node:path';
import type { KernelSpec } from './types.js';
import type { PlanOptions } from './plan.js';
import { makeBundle } from './bundle.js';
import { kernelFileName } from './render.js';
import { templateExists } from './templates.js';
import { oracleDataDir } from './paths.js';

export function generateKernel(spec: KernelSpec, opts: PlanOptions, dir: string): string[] {
  const hasExample = templateExists(`${spec.name}/example.c.hbs`);
  const b = makeBundle(spec, opts, ['header', 'host', 'slave', 'ref', hasExample ? 'example' : 'test']);
  const files = b.files.filter((f) => !hasExample || f.name !== 'swk_test.h');
  const example = kernelFileName(spec.name, hasExample ? 'example' : 'test');
  const oracle = `${spec.name}.oracle.txt`;
  const run = hasExample ? './example' : `./example ${oracle}    # PASS/FAIL per check; add 'bench' for the bench problem`;
  const readme = [
    `# ${spec.id} ${spec.name} (${b.plan.dtype}, ${b.plan.target})`,
    '',
    `Tile ${JSON.stringify(b.plan.tile)}; LDM per CPE ${b.plan.ldmBytes} of ${b.plan.ldmBudget} bytes.`,
    `Usage example: ${example}${hasExample ? '' : ` (the kernel's test program; it reads ${oracle})`}.`,
    '',
    'Sunway (swgcc): compile the CPE files with -mslave, the host files with -mhost, link with -mhybrid:',
    `    sw9gcc -mslave -O2 -c ${b.slaveSources.join(' ')}`,
    `    sw9gcc -mhost -O2 -c ${[...b.hostSources, example].join(' ')}`,
    '    sw9gcc -mhybrid *.o -o example -lm',
    `    ${run}`,
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
  if (!hasExample) {
    const p = path.join(dir, oracle);
    fs.copyFileSync(path.join(oracleDataDir, `${spec.name}.txt`), p);
    written.push(p);
  }
  return written;
}
