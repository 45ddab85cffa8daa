// Data-driven op cases: each instance names its inputs, the op call and a float64 reference.
import type * as EG from '../../src/index.js';
import { mismatches, type Tol } from './close.js';
import { typed, values } from './backends.js';
import type { Nd } from './ref.js';

export type Tensor = ReturnType<typeof EG.tensor>;

export type Family = 'exact' | 'arith' | 'transcendental' | 'reduce' | 'matmul' | 'softmax';

export interface Instance {
  label: string;
  inputs: Nd[];
  run: (...ts: Tensor[]) => Tensor;
  ref: (...xs: Nd[]) => Nd;
  /** Overrides of the family tolerance for this instance (float32 runs, float64 runs). */
  tol32?: Partial<Tol>;
  tol64?: Partial<Tol>;
}

export interface Case { name: string; family: Family; instances: Instance[] }

export function hashName(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

/** Runs one instance on the active backend; returns problem lines (empty when it conforms). */
export async function runInstance(eg: typeof EG, inst: Instance, tol: Tol, float64: boolean): Promise<string[]> {
  let want: Nd;
  try { want = inst.ref(...inst.inputs); } catch (e) { return [`reference threw: ${(e as Error).message}`]; }
  const ts: Tensor[] = [];
  try {
    for (const x of inst.inputs) ts.push(eg.tensor(typed(x.dtype, x.data), x.shape, x.dtype));
    const out = inst.run(...ts);
    const problems: string[] = [];
    if (JSON.stringify(out.shape) !== JSON.stringify(want.shape)) problems.push(`shape [${out.shape}], expected [${want.shape}]`);
    if (out.dtype !== want.dtype) problems.push(`dtype ${out.dtype}, expected ${want.dtype}`);
    const got = await values(out);
    const cls = out.dtype === 'int32' ? Int32Array : float64 ? Float64Array : Float32Array;
    if (!(got instanceof cls)) problems.push(`dataSync() gave ${got?.constructor?.name}, expected ${cls.name}`);
    // A float32 backend's ideal answer is the exact value rounded to float32 (overflow, subnormals).
    const ideal = float64 || want.dtype === 'int32' ? want.data : want.data.map(Math.fround);
    if (problems.length === 0) problems.push(...mismatches(got, ideal, tol, want.scale));
    if (!ts.includes(out)) out.dispose();
    return problems;
  } catch (e) {
    return [`threw: ${(e as Error).message}`];
  } finally {
    for (const t of ts) t.dispose();
  }
}
