// "Did you mean" for misspelt directive and clause names: the closest candidate within a small edit
// distance, so `privat` suggests `private` but `foo` suggests nothing.

/** Levenshtein distance, bounded: returns max+1 as soon as the distance must exceed max. */
function distance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      cur.push(v);
      best = Math.min(best, v);
    }
    if (best > max) return max + 1;
    prev = cur;
  }
  return prev[b.length]!;
}

/** The candidate closest to `word` (ties: the first in `candidates`), if within a third of its length (at most 2). */
export function suggest(word: string, candidates: Iterable<string>): string | undefined {
  const max = Math.min(2, Math.floor(word.length / 3));
  if (max === 0) return undefined;
  let best: string | undefined;
  let bestDistance = max + 1;
  for (const c of candidates) {
    const d = distance(word.toLowerCase(), c, max);
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best;
}
