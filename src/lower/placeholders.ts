// Templates of runtime vocabulary and reduction combiners carry `{name}` placeholders; one function
// fills them for C and Fortran alike. An unknown placeholder is left visible rather than dropped.
export function fillPlaceholders(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_, k: string) => values[k] ?? `{${k}}`);
}
