// Reduction operators as a table (OpenMP 5.2 section 5.5.5): the private copy's initial value per
// type and how two partial results combine. Combination always runs in CPE-id order, so the result
// does not depend on timing.

export interface ReductionOp {
  /** Combine template over {acc} and {part}. */
  readonly combine: string;
  /** Initial value of each private copy; a function of the C arithmetic type. */
  readonly identity: (type: ArithmeticType) => string | undefined;
}

export type ArithmeticType = 'float' | 'double' | 'long double' | 'signed' | 'unsigned' | 'bool';

const INT_LIMITS: Record<string, { min: string; max: string }> = {
  char: { min: 'CHAR_MIN', max: 'CHAR_MAX' },
  'signed char': { min: 'SCHAR_MIN', max: 'SCHAR_MAX' },
  'unsigned char': { min: '0', max: 'UCHAR_MAX' },
  short: { min: 'SHRT_MIN', max: 'SHRT_MAX' },
  'unsigned short': { min: '0', max: 'USHRT_MAX' },
  int: { min: 'INT_MIN', max: 'INT_MAX' },
  unsigned: { min: '0', max: 'UINT_MAX' },
  long: { min: 'LONG_MIN', max: 'LONG_MAX' },
  'unsigned long': { min: '0', max: 'ULONG_MAX' },
  'long long': { min: 'LLONG_MIN', max: 'LLONG_MAX' },
  'unsigned long long': { min: '0', max: 'ULLONG_MAX' },
  size_t: { min: '0', max: 'SIZE_MAX' },
  int64_t: { min: 'INT64_MIN', max: 'INT64_MAX' },
  int32_t: { min: 'INT32_MIN', max: 'INT32_MAX' },
  uint64_t: { min: '0', max: 'UINT64_MAX' },
  uint32_t: { min: '0', max: 'UINT32_MAX' },
  _Bool: { min: '0', max: '1' },
};

const FLOAT_LIMITS: Record<string, string> = { float: 'FLT_MAX', double: 'DBL_MAX', 'long double': 'LDBL_MAX' };

/** Canonical spelling of a C arithmetic type from declaration specifiers ('const unsigned int' -> 'unsigned'). */
export function canonicalType(spec: string): string | undefined {
  let words = spec.split(/\s+/).filter((w) => w && !['const', 'volatile', 'restrict', '__restrict', 'register'].includes(w));
  if (words.length > 1) words = words.filter((w) => w !== 'int');
  if (words.length > 1 && words[0] === 'signed') words = words.slice(1);
  if (words.includes('unsigned')) words = ['unsigned', ...words.filter((w) => w !== 'unsigned')];
  const s = words.join(' ');
  const aliases: Record<string, string> = {
    int: 'int', signed: 'int', unsigned: 'unsigned', long: 'long', 'long long': 'long long', 'unsigned long': 'unsigned long', 'unsigned long long': 'unsigned long long',
    short: 'short', 'unsigned short': 'unsigned short', char: 'char', 'signed char': 'signed char', 'unsigned char': 'unsigned char',
    float: 'float', double: 'double', 'long double': 'long double', _Bool: '_Bool', bool: '_Bool',
    size_t: 'size_t', int64_t: 'int64_t', int32_t: 'int32_t', uint64_t: 'uint64_t', uint32_t: 'uint32_t',
  };
  return aliases[s];
}

function minOf(t: string): string | undefined {
  if (t in FLOAT_LIMITS) return `-${FLOAT_LIMITS[t]}`;
  return INT_LIMITS[t]?.min;
}
function maxOf(t: string): string | undefined {
  if (t in FLOAT_LIMITS) return FLOAT_LIMITS[t];
  return INT_LIMITS[t]?.max;
}

const isInteger = (t: string) => !(t in FLOAT_LIMITS);

/** Identity and combiner for `op` on canonical type `t`, or undefined when the pair is invalid. */
export function reductionFor(op: string, t: string): { identity: string; combine: string } | undefined {
  switch (op) {
    case '+':
    case '-':
      return { identity: '0', combine: '{acc} + {part}' };
    case '*':
      return { identity: '1', combine: '{acc} * {part}' };
    case '&':
      return isInteger(t) ? { identity: '~0', combine: '{acc} & {part}' } : undefined;
    case '|':
      return isInteger(t) ? { identity: '0', combine: '{acc} | {part}' } : undefined;
    case '^':
      return isInteger(t) ? { identity: '0', combine: '{acc} ^ {part}' } : undefined;
    case '&&':
      return { identity: '1', combine: '{acc} && {part}' };
    case '||':
      return { identity: '0', combine: '{acc} || {part}' };
    case 'max': {
      const id = minOf(t);
      return id ? { identity: id, combine: '{part} > {acc} ? {part} : {acc}' } : undefined;
    }
    case 'min': {
      const id = maxOf(t);
      return id ? { identity: id, combine: '{part} < {acc} ? {part} : {acc}' } : undefined;
    }
    default:
      return undefined;
  }
}
