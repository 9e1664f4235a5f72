// Renders the C files of one kernel for a plan: host API header, host wrapper, CPE code, serial
// reference, test harness and usage example. Names are fixed so build and gen agree on them.
import type { KernelPlan } from './types.js';
import { renderTemplate } from './templates.js';

export type KernelFileRole = 'header' | 'host' | 'slave' | 'ref' | 'test' | 'example';

export interface RenderedFile {
  readonly name: string;
  readonly role: KernelFileRole | 'common';
  readonly text: string;
}

const ROLE_TEMPLATE: Readonly<Record<KernelFileRole, string>> = {
  header: 'kernel.h.hbs',
  host: 'host.c.hbs',
  slave: 'slave.c.hbs',
  ref: 'ref.c.hbs',
  test: 'test.c.hbs',
  example: 'example.c.hbs',
};

export function kernelFileName(kernel: string, role: KernelFileRole): string {
  switch (role) {
    case 'header':
      return `swk_${kernel}.h`;
    case 'host':
      return `swk_${kernel}.host.c`;
    case 'slave':
      return `swk_${kernel}.slave.c`;
    case 'ref':
      return `swk_${kernel}_ref.c`;
    case 'test':
      return `swk_${kernel}_test.c`;
    case 'example':
      return `swk_${kernel}_example.c`;
  }
}

export function renderKernelFile(plan: KernelPlan, role: KernelFileRole): RenderedFile {
  return { name: kernelFileName(plan.kernel, role), role, text: renderTemplate(`${plan.kernel}/${ROLE_TEMPLATE[role]}`, plan) };
}

/** Headers every kernel includes: the shared host types and the test helpers. */
export function renderCommonFiles(plan: KernelPlan): RenderedFile[] {
  return [
    { name: 'swk_common.h', role: 'common', text: renderTemplate('common/swk_common.h.hbs', plan) },
    { name: 'swk_common.host.c', role: 'common', text: renderTemplate('common/swk_common.host.c.hbs', plan) },
    { name: 'swk_test.h', role: 'common', text: renderTemplate('common/swk_test.h.hbs', plan) },
  ];
}
