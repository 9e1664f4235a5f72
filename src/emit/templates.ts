// Handlebars, configured once: no HTML escaping (C has && and <), strict (a missing plan field is an
// error, not an empty string). Templates live in templates/<lang>/ and only format.
import Handlebars from 'handlebars';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const hb = Handlebars.create();
const cache = new Map<string, HandlebarsTemplateDelegate>();

export const TEMPLATE_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'templates');

hb.registerHelper('indent', (text: unknown, pad: unknown) => {
  const p = typeof pad === 'string' ? pad : ' '.repeat(Number(pad));
  return String(text)
    .split('\n')
    .map((l) => (l.length ? p + l : l))
    .join('\n');
});

export function renderTemplate(name: string, context: object): string {
  let t = cache.get(name);
  if (!t) {
    t = hb.compile(readFileSync(join(TEMPLATE_DIR, name), 'utf8'), { noEscape: true, strict: true });
    cache.set(name, t);
  }
  return t(context);
}
