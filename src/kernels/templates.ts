// The handlebars environment for kernel templates: compiled with noEscape (C is full of `&&` and `<`)
// and strict (a missing plan field throws instead of rendering empty). Helpers only format.
import Handlebars from 'handlebars';
import fs from 'node:fs';
import path from 'node:path';
import { kernelTemplatesDir } from './paths.js';

type Env = typeof Handlebars;
let env: Env | undefined;

function formatLiteral(v: unknown): string {
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : v.toPrecision(17);
  return String(v);
}

/** Partials live in templates/kernels/_partials/NAME.hbs and are used as {{> NAME}}. */
function createEnv(): Env {
  const hb = Handlebars.create();
  const partialDir = path.join(kernelTemplatesDir, '_partials');
  for (const file of fs.readdirSync(partialDir).sort()) {
    if (!file.endsWith('.hbs')) continue;
    const text = fs.readFileSync(path.join(partialDir, file), 'utf8');
    hb.registerPartial(file.slice(0, -4), hb.compile(text, { noEscape: true, strict: true }));
  }
  // `upper` turns a plan name into a macro-name spelling; `lit` prints a number as a C literal.
  hb.registerHelper('upper', (s: unknown) => String(s).toUpperCase());
  hb.registerHelper('lit', (v: unknown) => formatLiteral(v));
  return hb;
}

const cache = new Map<string, ReturnType<Env['compile']>>();

/** Render templates/kernels/<rel> with `context` as its whole context. */
export function renderTemplate(rel: string, context: object): string {
  env ??= createEnv();
  let tpl = cache.get(rel);
  if (!tpl) {
    const text = fs.readFileSync(path.join(kernelTemplatesDir, rel), 'utf8');
    tpl = env.compile(text, { noEscape: true, strict: true });
    cache.set(rel, tpl);
  }
  return tpl(context);
}

export function templateExists(rel: string): boolean {
  return fs.existsSync(path.join(kernelTemplatesDir, rel));
}
