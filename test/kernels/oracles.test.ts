// The committed oracle files are what oracles/gen_oracles.py writes: when Debian's python3-torch is
// installed, regenerate into a temporary directory and compare byte for byte. CI without torch skips it
// and uses the committed files.
import { describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const PY = '/usr/bin/python3';
const hasTorch = fs.existsSync(PY) && spawnSync(PY, ['-c', 'import torch, numpy'], { stdio: 'ignore' }).status === 0;

describe('oracle data', () => {
  it('every kernel has a committed oracle file', () => {
    for (const k of ['gemm', 'quant', 'softmax', 'attention', 'norm', 'csr', 'moe', 'optim', 'rng', 'topk', 'stft', 'specaug', 'attrib', 'mcubes'])
      expect(fs.existsSync(path.join('oracles', 'data', `${k}.txt`))).toBe(true);
  });
  // Only where Debian's python3-torch is installed (CI uses the committed files and needs no torch).
  if (hasTorch) it('regenerates identically with torch', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'o2ath-oracles-'));
    execFileSync(PY, ['oracles/gen_oracles.py'], { env: { ...process.env, O2ATH_ORACLE_OUT: dir }, stdio: 'ignore' });
    for (const f of fs.readdirSync(path.join('oracles', 'data')))
      expect(fs.readFileSync(path.join(dir, f), 'utf8'), f).toBe(fs.readFileSync(path.join('oracles', 'data', f), 'utf8'));
    fs.rmSync(dir, { recursive: true, force: true });
  }, 120_000);
});
