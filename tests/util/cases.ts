// Runs one conformance instance (tests/cases/case.ts) on the active backend.
import type * as EG from '../../src/index.js';
import { type Instance, type Tensor, hashName } from '../cases/case.js';
import { mismatches, type Tol } from './close.js';
import { typed, values } from './backends.js';
import type { Nd } from './ref.js';

export { hashName };

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
