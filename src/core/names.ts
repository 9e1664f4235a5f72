// The one source of generated identifiers: deterministic (ordinals, never random), prefixed `o2ath_`,
// checked against every identifier-like word already in the file (comments and strings included, so a
// rename can never capture a user name), and legal in both C and Fortran (letter first, <= 63 chars).
export class NameAllocator {
  private readonly taken: Set<string>;

  constructor(fileText: string, private readonly caseInsensitive = false) {
    this.taken = new Set();
    for (const m of fileText.matchAll(/[A-Za-z_][A-Za-z0-9_]*/g)) this.taken.add(this.key(m[0]));
  }

  private key(s: string): string {
    return this.caseInsensitive ? s.toLowerCase() : s;
  }

  /** Reserve `base` (sanitised), or `base2`, `base3`... if taken. */
  allocate(base: string): string {
    let clean = base.replace(/[^A-Za-z0-9_]/g, '_').replace(/^_+/, '');
    if (!/^[A-Za-z]/.test(clean)) clean = `o2ath_${clean}`;
    if (clean.length > 58) clean = clean.slice(0, 58);
    let name = clean;
    for (let i = 2; this.taken.has(this.key(name)); i++) name = `${clean}${i}`;
    this.taken.add(this.key(name));
    return name;
  }

  isTaken(name: string): boolean {
    return this.taken.has(this.key(name));
  }
}
