// The translation keeps the user's file byte for byte outside rewritten regions. Checked from the
// outside: align the input's lines with the MPE part of the output (longest common subsequence); every
// input line that did not survive must belong to a run that starts at an OpenMP directive (the region
// that moved to the CPEs). Inserted lines (structs, spawn blocks) are allowed anywhere.

export function hostPart(output: string): string {
  const start = output.indexOf('\n#else /* MPE */\n');
  const end = output.lastIndexOf('\n#endif /* __sw_slave__ */');
  return start < 0 ? output : output.slice(start + '\n#else /* MPE */\n'.length, end < 0 ? undefined : end);
}

function lcsMatched(a: readonly string[], b: readonly string[]): boolean[] {
  const n = a.length;
  const m = b.length;
  const dp = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--) dp[i]![j] = a[i] === b[j] ? dp[i + 1]![j + 1]! + 1 : Math.max(dp[i + 1]![j]!, dp[i]![j + 1]!);
  const matched = new Array<boolean>(n).fill(false);
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      matched[i] = true;
      i++;
      j++;
    } else if (dp[i + 1]![j]! >= dp[i]![j + 1]!) i++;
    else j++;
  }
  return matched;
}

/** Input lines lost outside any region (empty when the translation kept the file byte for byte). */
export function linesLostOutsideRegions(input: string, output: string): string[] {
  const a = input.split('\n');
  const matched = lcsMatched(a, hostPart(output).split('\n'));
  const lost: string[] = [];
  let inRun = false;
  for (let i = 0; i < a.length; i++) {
    if (matched[i]) {
      // `#endif` between a directive and its statement is kept; the region continues after it.
      if (!/^\s*#\s*(endif|else|elif)\b/.test(a[i]!)) inRun = false;
      continue;
    }
    if (a[i]!.trim() === '') continue;
    if (!inRun && !/^\s*(#\s*pragma\s+omp\b|_Pragma\s*\(\s*"omp)/.test(a[i]!)) lost.push(a[i]!);
    else inRun = true;
  }
  return lost;
}

export function checkKeptByteForByte(input: string, output: string): boolean {
  return linesLostOutsideRegions(input, output).length === 0;
}
