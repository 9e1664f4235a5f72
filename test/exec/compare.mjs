// Output comparison shared by the differential test (test/exec/differential.test.ts) and
// scripts/check-oracles.mjs.
//
// Two outputs agree when they have the same lines, and each pair of lines has the same tokens.
// A token is a run of non-space characters; numeric tokens are compared as numbers:
//   - integer tokens (no '.', no exponent, no inf/nan) must be equal exactly;
//   - floating-point tokens must be within `tolerance` relative (|a-b| <= tol*max(|a|,|b|)) or
//     within `absTolerance` absolute. The default for both is 0, i.e. exact textual equality.
// Non-numeric tokens must match exactly; when all fields of a line are textually equal the spacing
// must match too (so a changed format is noticed).

const INT_RE = /^[+-]?\d+$/;
const FLOAT_RE = /^[+-]?(?:\d+\.\d*|\.\d+|\d+)(?:[eE][+-]?\d+)?$|^[+-]?(?:inf|nan|infinity)$/i;

/** @param {string} tok */
function classify(tok) {
  // Strip punctuation that commonly trails numbers in prose: "=1.5," "(3)" "x:2.0;"
  const m = /^([^0-9+\-.]*)(.*?)([,;:)\]]*)$/.exec(tok);
  if (!m) return { kind: 'text', pre: tok, num: '', post: '' };
  const [, pre, num, post] = m;
  if (num !== undefined && INT_RE.test(num)) return { kind: 'int', pre, num, post };
  if (num !== undefined && FLOAT_RE.test(num)) return { kind: 'float', pre, num, post };
  return { kind: 'text', pre: tok, num: '', post: '' };
}

const MAX_PROBLEMS = 12;

/**
 * Splits a line into its whitespace-separated fields. The spacing itself is compared only when
 * every field is textually equal (so a number that changes width is reported as a number).
 * @param {string} line
 */
function tokens(line) {
  return line.trim() === '' ? [] : line.trim().split(/\s+/);
}

/**
 * @param {string} a
 * @param {string} b
 * @param {{tolerance?: number, absTolerance?: number}} tol
 * @returns {string | null} reason for the mismatch, or null if the tokens agree
 */
function compareToken(a, b, tol) {
  if (a === b) return null;
  const ca = classify(a);
  const cb = classify(b);
  if (ca.kind === 'text' || cb.kind === 'text' || ca.pre !== cb.pre || ca.post !== cb.post) {
    return `"${a}" != "${b}"`;
  }
  if (ca.kind === 'int' && cb.kind === 'int') return `integer ${a} != ${b}`;
  const x = Number(ca.num);
  const y = Number(cb.num);
  if (Number.isNaN(x) || Number.isNaN(y)) return `"${a}" != "${b}"`;
  if (x === y) return null;
  const rel = tol.tolerance ?? 0;
  const abs = tol.absTolerance ?? 0;
  const diff = Math.abs(x - y);
  if (diff <= abs) return null;
  if (diff <= rel * Math.max(Math.abs(x), Math.abs(y))) return null;
  const relErr = diff / Math.max(Math.abs(x), Math.abs(y));
  return `${a} vs ${b}: relative difference ${relErr.toExponential(2)} exceeds tolerance ${rel}` +
    (abs > 0 ? ` (absolute ${abs})` : '');
}

/**
 * Compares two program outputs.
 * @param {string} expected
 * @param {string} actual
 * @param {{tolerance?: number, absTolerance?: number}} [tol]
 * @returns {{ok: boolean, problems: string[]}}
 */
export function compareOutputs(expected, actual, tol = {}) {
  const el = expected.replace(/\n$/, '').split('\n');
  const al = actual.replace(/\n$/, '').split('\n');
  /** @type {string[]} */
  const problems = [];
  if (el.length !== al.length) {
    problems.push(`line count differs: expected ${el.length}, got ${al.length}`);
  }
  const n = Math.min(el.length, al.length);
  for (let i = 0; i < n && problems.length < MAX_PROBLEMS; i++) {
    const e = el[i] ?? '';
    const a = al[i] ?? '';
    if (e === a) continue;
    const et = tokens(e);
    const at = tokens(a);
    if (et.length !== at.length) {
      problems.push(`line ${i + 1}: different number of fields\n  expected: ${e}\n  actual:   ${a}`);
      continue;
    }
    let why = null;
    let textuallyEqual = true;
    for (let k = 0; k < et.length && why === null; k++) {
      const x = et[k] ?? '';
      const y = at[k] ?? '';
      if (x !== y) textuallyEqual = false;
      why = compareToken(x, y, tol);
    }
    if (why === null && textuallyEqual) why = 'spacing differs';
    if (why !== null) problems.push(`line ${i + 1}: ${why}\n  expected: ${e}\n  actual:   ${a}`);
  }
  if (problems.length >= MAX_PROBLEMS) problems.push('(further differences not listed)');
  return { ok: problems.length === 0, problems };
}

/**
 * Reads the optional meta.json of a fixture directory (already parsed) and validates its keys.
 * @param {unknown} raw
 * Keys: tolerance (relative, floats only), abs_tolerance, args (argv of the program), timeout_ms (per
 * run), env (extra environment for every run), repeat (run the translated program this many times;
 * all outputs must be byte-identical: reductions are combined in a fixed order), o2ath_args (extra
 * options for `o2ath cc`, e.g. ["--fallback=host"]), note (free text).
 * @returns {{tolerance: number, absTolerance: number, args: string[], timeoutMs: number, env: Record<string,string>, repeat: number, o2athArgs: string[]}}
 */
export function parseMeta(raw) {
  /** @type {{tolerance: number, absTolerance: number, args: string[], timeoutMs: number, env: Record<string,string>, repeat: number, o2athArgs: string[]}} */
  const meta = { tolerance: 0, absTolerance: 0, args: [], timeoutMs: 20_000, env: {}, repeat: 1, o2athArgs: [] };
  if (raw === undefined || raw === null) return meta;
  if (typeof raw !== 'object' || Array.isArray(raw)) throw new Error('meta.json must hold an object');
  const known = new Set(['tolerance', 'abs_tolerance', 'args', 'timeout_ms', 'env', 'repeat', 'o2ath_args', 'note']);
  for (const [k, v] of Object.entries(raw)) {
    if (!known.has(k)) throw new Error(`meta.json: unknown key "${k}" (known: ${[...known].join(', ')})`);
    if (k === 'tolerance' || k === 'abs_tolerance' || k === 'timeout_ms') {
      if (typeof v !== 'number' || !(v >= 0)) throw new Error(`meta.json: "${k}" must be a non-negative number`);
    }
    if (k === 'repeat') {
      if (typeof v !== 'number' || !Number.isInteger(v) || v < 1 || v > 50) throw new Error('meta.json: "repeat" must be an integer from 1 to 50');
      meta.repeat = v;
    }
    if (k === 'tolerance') meta.tolerance = /** @type {number} */ (v);
    if (k === 'abs_tolerance') meta.absTolerance = /** @type {number} */ (v);
    if (k === 'timeout_ms') meta.timeoutMs = /** @type {number} */ (v);
    if (k === 'args' || k === 'o2ath_args') {
      if (!Array.isArray(v) || !v.every((s) => typeof s === 'string')) throw new Error(`meta.json: "${k}" must be an array of strings`);
      if (k === 'args') meta.args = v;
      else meta.o2athArgs = v;
    }
    if (k === 'env') {
      if (typeof v !== 'object' || v === null || Array.isArray(v) || !Object.values(v).every((s) => typeof s === 'string')) {
        throw new Error('meta.json: "env" must map names to strings');
      }
      meta.env = /** @type {Record<string,string>} */ (v);
    }
  }
  return meta;
}
