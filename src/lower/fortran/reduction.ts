// Fortran reduction operators (OpenMP 5.2 5.5.5): the private copy's initial value and how two
// partial results combine, over {v} (the variable, for huge()) / {acc} and {part}. Elemental, so
// the same templates serve arrays.
export interface FortranReductionOp {
  readonly identity: string;
  readonly combine: string;
}

const OPS: Record<string, FortranReductionOp> = {
  '+': { identity: '0', combine: '{acc} + {part}' },
  '-': { identity: '0', combine: '{acc} + {part}' },
  '*': { identity: '1', combine: '{acc} * {part}' },
  max: { identity: '-huge({v})', combine: 'max({acc}, {part})' },
  min: { identity: 'huge({v})', combine: 'min({acc}, {part})' },
  '.and.': { identity: '.true.', combine: '{acc} .and. {part}' },
  '.or.': { identity: '.false.', combine: '{acc} .or. {part}' },
  '.eqv.': { identity: '.true.', combine: '{acc} .eqv. {part}' },
  '.neqv.': { identity: '.false.', combine: '{acc} .neqv. {part}' },
  iand: { identity: 'not(0)', combine: 'iand({acc}, {part})' },
  ior: { identity: '0', combine: 'ior({acc}, {part})' },
  ieor: { identity: '0', combine: 'ieor({acc}, {part})' },
};

export function fortranReduction(op: string): FortranReductionOp | undefined {
  return OPS[op.trim().toLowerCase()];
}

