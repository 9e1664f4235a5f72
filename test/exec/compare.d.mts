export interface Tolerance {
  tolerance?: number;
  absTolerance?: number;
}
export interface FixtureMeta {
  tolerance: number;
  absTolerance: number;
  args: string[];
  timeoutMs: number;
  env: Record<string, string>;
  repeat: number;
  o2athArgs: string[];
}
export function compareOutputs(expected: string, actual: string, tol?: Tolerance): { ok: boolean; problems: string[] };
export function parseMeta(raw: unknown): FixtureMeta;
