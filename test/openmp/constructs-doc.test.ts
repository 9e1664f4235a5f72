// docs/constructs.md is generated from the vocabulary table; a stale checked-in copy fails here.
// Regenerate with `node scripts/gen-constructs-doc.mjs` (or `npm run test:update`).
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';
import { renderConstructsDoc } from '../../src/openmp/render-constructs-doc.js';

const DOC = fileURLToPath(new URL('../../docs/constructs.md', import.meta.url));

test('docs/constructs.md is current', async () => {
  const text = renderConstructsDoc();
  if (process.env.O2ATH_WRITE_DOCS === '1') writeFileSync(DOC, text);
  await expect(text).toMatchFileSnapshot(DOC);
});
