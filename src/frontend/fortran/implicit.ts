// Implicit typing: the default rule (names starting i-n are integer, others real), IMPLICIT NONE,
// and IMPLICIT statements with letter ranges (`implicit real*8 (a-h, o-z)`).
import type { ImplicitMap, TypeSpec } from './types.js';

const INTEGER: TypeSpec = { text: 'integer', base: 'integer' };
const REAL: TypeSpec = { text: 'real', base: 'real' };

export function defaultImplicit(): ImplicitMap {
  const letters: (TypeSpec | null)[] = [];
  for (let i = 0; i < 26; i++) letters.push(i >= 8 && i <= 13 ? INTEGER : REAL);
  return { letters };
}

export function noImplicit(): ImplicitMap {
  return { letters: new Array<TypeSpec | null>(26).fill(null) };
}

/** Apply `letters` ("a-h,o-z") of one IMPLICIT rule to a copy of `map`. */
export function applyImplicitRule(map: ImplicitMap, type: TypeSpec, letters: string): ImplicitMap {
  const out = [...map.letters];
  for (const part of letters.split(',')) {
    const m = /^([a-z])(?:-([a-z]))?$/.exec(part.trim());
    if (!m) continue;
    const a = m[1]!.charCodeAt(0) - 97;
    const b = (m[2] ?? m[1]!).charCodeAt(0) - 97;
    for (let i = a; i <= b; i++) out[i] = type;
  }
  return { letters: out };
}

/** The implicit type of `name` under `map`, or undefined (IMPLICIT NONE or a non-letter start). */
export function implicitTypeOf(map: ImplicitMap, name: string): TypeSpec | undefined {
  const i = name.toLowerCase().charCodeAt(0) - 97;
  if (i < 0 || i >= 26) return undefined;
  return map.letters[i] ?? undefined;
}
