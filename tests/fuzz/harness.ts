// The differential harness: runs one op case on the js reference and on a backend under test,
// compares the outcomes (throws, shapes, dtypes, values within stated tolerances), and checks the
// case's own expectation of shape/validity, written independently of src/ops.
import fc from 'fast-check';
import * as eg from '../../src/index.js';
import { JS_F64, WASM_BUILD, use, type BackendConfig, undisposed } from '../util/backends.js';
import { type DType, type Input, FLT_MAX, MIN_NORMAL, isSubnormal, sizeOf } from './arbitraries.js';

type Tensor = ReturnType<typeof eg.tensor>;

/** The environment that selects `cfg` again, for the replay line of a failure. */
export function envOf(cfg: BackendConfig | null): string {
  if (cfg === null) return 'EDGEGRAD_TEST_BACKENDS=js';
  if (cfg.backend === 'webgpu') return 'EDGEGRAD_TEST_BACKENDS=webgpu EDGEGRAD_REQUIRE_WEBGPU=1';
  return WASM_BUILD ? `EDGEGRAD_WASM_BUILD=${WASM_BUILD}` : '';
}

/** The float32 js backend: the reference every other backend is compared with. */
export const JS_F32: BackendConfig = { label: 'js', backend: 'js', options: { backend: 'js' }, float64: false };

/**
 * How values must agree. 'same': Object.is per element (bit patterns up to NaN payloads: -0 is
 * not 0). 'value': equal, NaN matches NaN, -0 matches 0. 'close': |got - want| <= atol +
 * ulps*ulp(want) + rtol*|want| + stol*scale, where scale is the case's error scale for the element.
 * In every mode NaN matches only NaN and an infinity only itself; a finite want may be met by an
 * infinity of its sign only when want plus the bound passes FLT_MAX. ftz: a denormal want may be
 * met by exactly 0 (a result that underflows).
 */
export type Cmp =
  | { kind: 'same' }
  | { kind: 'value' }
  | { kind: 'close'; ulps?: number; atol?: number; rtol?: number; stol?: number; ftz?: boolean };

export type Expect = { shape: number[]; dtype: DType } | 'throw' | undefined;

export interface OpCase {
  /** JavaScript for the call, on tensors x0, x1, ... (also the repro printed on failure). */
  code: string;
  inputs: Input[];
  /** Tolerance per backend name (falls back to 'default'). */
  cmp: { default: Cmp; wasm?: Cmp; webgpu?: Cmp };
  /** What the op must do, by the documented rules (undefined: only compare the backends). */
  expect: Expect;
  /**
   * Error scale per output element: code run on js float64 with the inputs replaced by |x| (non-
   * finite ones by 0); an element whose scale passes FLT_MAX is only checked for NaN (float32
   * products and partial sums may overflow there, and meet an infinity of the other sign).
   */
  scaleCode?: string;
  /** Error scale per output element computed on the host from the inputs. */
  hostScale?: (inputs: Input[]) => number[];
  /**
   * The values by the documented math, computed on the host in float64 and rounded to float32:
   * every backend (js included) must match them within its tolerance.
   */
  hostWant?: (inputs: Input[]) => number[];
}

const fnCache = new Map<string, (e: typeof eg, ...xs: Tensor[]) => unknown>();
function compile(code: string, n: number) {
  const key = `${n}|${code}`;
  let f = fnCache.get(key);
  if (!f) {
    // eslint-disable-next-line @typescript-eslint/no-implied-eval
    f = new Function('eg', ...Array.from({ length: n }, (_, i) => `x${i}`), `return (${code});`) as never;
    fnCache.set(key, f!);
  }
  return f!;
}

const fmtNum = (v: number) => (Object.is(v, -0) ? '-0' : Number.isNaN(v) ? 'NaN' : v === Infinity ? 'Infinity' : v === -Infinity ? '-Infinity' : String(v));

/** The repro: tensors built from exact values, then the call. */
export function reproOf(code: string, inputs: Input[]): string {
  const lines = inputs.map((x, i) => {
    const arr = x.dtype === 'int32' ? 'Int32Array' : 'Float32Array';
    return `const x${i} = eg.tensor(${arr}.of(${x.values.map(fmtNum).join(', ')}), [${x.shape}], '${x.dtype}');`;
  });
  return [...lines, code].join('\n');
}

/** Gives a case a readable form in fast-check's reports (the repro). */
export function printable<T extends OpCase>(c: T): T {
  Object.defineProperty(c, fc.toStringMethod, { value: () => `\n${reproOf(c.code, c.inputs)}\n`, enumerable: false });
  return c;
}

export type Outcome =
  | { threw: false; shape: number[]; dtype: string; values: ArrayLike<number>; cls: string }
  | { threw: true; error: string };

function makeTensor(x: Input): Tensor {
  const data = x.dtype === 'int32' ? Int32Array.from(x.values) : Float32Array.from(x.values);
  return eg.tensor(data, x.shape, x.dtype);
}

/**
 * Runs `code` on the active backend. Every tensor made is freed afterwards, and the count of live
 * tensors must come back to where it was (a throwing op must not leak).
 */
export async function runOn(code: string, inputs: Input[]): Promise<Outcome & { leaked: number }> {
  const before = undisposed();
  const ts: Tensor[] = [];
  let outs: Tensor[] = [];
  let outcome: Outcome;
  try {
    for (const x of inputs) ts.push(makeTensor(x));
    const r = compile(code, inputs.length)(eg, ...ts);
    outs = Array.isArray(r) ? r as Tensor[] : [r as Tensor];
    const y = outs[0];
    // webgpu reads asynchronously only (its dataSync() throws by design)
    const v: ArrayLike<number> = eg.backend() === 'webgpu' ? await y.data() : y.dataSync();
    outcome = { threw: false, shape: [...y.shape], dtype: String(y.dtype), values: v, cls: v.constructor.name };
  } catch (e) {
    outcome = { threw: true, error: (e as Error)?.message ?? String(e) };
  } finally {
    for (const t of outs) if (t && !t.isDisposed) t.dispose();
    for (const t of ts) t.dispose();
  }
  const leaked = undisposed() - before;
  return { ...outcome, leaked };
}

/** Replaces subnormal inputs by zeros of their sign (WGSL lets an implementation flush them). */
export function flushInputs(inputs: Input[]): Input[] {
  return inputs.map((x) => (x.dtype === 'int32' ? x : { ...x, values: x.values.map((v) => (isSubnormal(v) ? (v < 0 ? -0 : 0) : v)) }));
}

const ulp32 = (v: number) => {
  const a = Math.abs(v);
  if (a < 2 ** -126) return 2 ** -149;
  return 2 ** (Math.floor(Math.log2(a)) - 23);
};

/** Mismatch lines (at most `limit`) between `got` and `want`. */
export function compare(got: ArrayLike<number>, want: ArrayLike<number>, cmp: Cmp, scale?: ArrayLike<number>,
  opts: { flushed?: boolean; limit?: number } = {}): string[] {
  const out: string[] = [];
  const limit = opts.limit ?? 6;
  if (got.length !== want.length) return [`${got.length} values, expected ${want.length}`];
  let bad = 0;
  for (let i = 0; i < want.length; i++) {
    const g = got[i], w = want[i];
    let ok: boolean;
    let bound = 0;
    const s = scale ? scale[i] : 0;
    if (cmp.kind === 'same') ok = Object.is(g, w);
    // NOTE: where the scale passes FLT_MAX, a NaN of the reference (Inf - Inf of overflowed partial
    // sums) may be an infinity elsewhere: a fused multiply-add (the relaxed build's relaxed_madd)
    // or another summation order overflows differently. It must still not be finite.
    else if (Number.isNaN(w)) ok = Number.isNaN(g) || (cmp.kind === 'close' && s > FLT_MAX && !Number.isFinite(g));
    // finite terms whose float32 partial sums may overflow: ±Inf and NaN (Inf - Inf) are possible
    else if (cmp.kind === 'close' && (s > FLT_MAX || Number.isNaN(s))) ok = true;
    else if (w === Infinity || w === -Infinity) ok = g === w;
    else if (cmp.kind === 'value') ok = g === w || (opts.flushed === true && isSubnormal(w) && g === 0);
    else {
      bound = (cmp.atol ?? 0) + (cmp.ulps ?? 0) * ulp32(w) + (cmp.rtol ?? 0) * Math.abs(w) + (cmp.stol ?? 0) * s;
      // webgpu may flush each denormal term (of a sum or dot product) on the way
      if (opts.flushed && !cmp.ftz) bound += 16 * MIN_NORMAL;
      if (Number.isNaN(g)) ok = false;
      // a denormal result may be flushed: to exactly 0 (ftz: an underflow), or (webgpu, where the
      // denormal range is one step of the flushed format) to 0 or ±MIN_NORMAL
      else if (Math.abs(w) < MIN_NORMAL && (cmp.ftz ? g === 0 : opts.flushed === true && Math.abs(g) <= MIN_NORMAL)) ok = true;
      else if (g === Infinity || g === -Infinity) ok = Math.sign(g) === Math.sign(w) && Math.abs(w) + bound >= FLT_MAX;
      else ok = Math.abs(g - w) <= bound;
    }
    if (!ok) {
      bad++;
      if (out.length < limit) out.push(`[${i}] got ${fmtNum(g)}, expected ${fmtNum(w)}${cmp.kind === 'close' ? ` (bound ${bound.toExponential(2)})` : ''}`);
    }
  }
  if (bad > limit) out.push(`... ${bad - limit} more`);
  return out;
}

const absFinite = (inputs: Input[]): Input[] =>
  inputs.map((x) => (x.dtype === 'int32' ? x : { ...x, values: x.values.map((v) => (Number.isFinite(v) ? Math.abs(v) : 0)) }));

const describeOutcome = (o: Outcome) => (o.threw ? `threw "${o.error}"` : `returned ${o.dtype} [${o.shape}]`);

/**
 * The differential check of one case: js (float32) and `cfg` must both throw or both return the
 * same shape and dtype with values within the case's tolerance; the js result must meet
 * `c.expect`. Throws an Error listing every problem (fast-check then shrinks the case).
 */
export async function checkCase(c: OpCase, cfg: BackendConfig | null): Promise<void> {
  const problems: string[] = [];
  const webgpu = cfg?.backend === 'webgpu';
  const inputs = webgpu ? flushInputs(c.inputs) : c.inputs;
  await use(JS_F32);
  const ref = await runOn(c.code, inputs);
  if (ref.leaked !== 0) problems.push(`js: ${ref.leaked} tensors leaked`);
  const checkExpect = (label: string, o: Outcome) => {
    if (c.expect === undefined) return;
    if (c.expect === 'throw') {
      if (!o.threw) problems.push(`${label}: should throw, ${describeOutcome(o)}`);
    } else if (o.threw) {
      problems.push(`${label}: should return ${c.expect.dtype} [${c.expect.shape}], threw "${o.error}"`);
    } else if (JSON.stringify(o.shape) !== JSON.stringify(c.expect.shape) || o.dtype !== c.expect.dtype) {
      problems.push(`${label}: returned ${o.dtype} [${o.shape}], should be ${c.expect.dtype} [${c.expect.shape}]`);
    } else if (o.values.length !== sizeOf(c.expect.shape)) {
      problems.push(`${label}: ${o.values.length} values for shape [${o.shape}]`);
    }
  };
  checkExpect('js', ref);
  const cmpFor = (name: string) => (name === 'webgpu' ? c.cmp.webgpu : name === 'wasm' ? c.cmp.wasm : undefined) ?? c.cmp.default;
  const hostScale = () => (c.hostScale ? c.hostScale(inputs) : undefined);
  const checkWant = (label: string, o: Outcome, cmp: Cmp, flushed: boolean) => {
    if (!c.hostWant || o.threw) return;
    for (const m of compare(o.values, c.hostWant(inputs), cmp, hostScale(), { flushed })) problems.push(`${label} vs the math: ${m}`);
  };
  checkWant('js', ref, cmpFor('js'), false);
  if (cfg) {
    await use(cfg);
    const got = await runOn(c.code, inputs);
    const label = cfg.label;
    if (got.leaked !== 0) problems.push(`${label}: ${got.leaked} tensors leaked`);
    checkExpect(label, got);
    checkWant(label, got, cmpFor(cfg.backend), webgpu);
    if (ref.threw !== got.threw) {
      problems.push(`js ${describeOutcome(ref)} but ${label} ${describeOutcome(got)}`);
    } else if (!ref.threw && !got.threw) {
      if (JSON.stringify(ref.shape) !== JSON.stringify(got.shape) || ref.dtype !== got.dtype) {
        problems.push(`js returned ${ref.dtype} [${ref.shape}], ${label} ${got.dtype} [${got.shape}]`);
      } else {
        if (ref.cls !== got.cls) problems.push(`js read a ${ref.cls}, ${label} a ${got.cls}`);
        const cmp = cmpFor(cfg.backend);
        let scale: ArrayLike<number> | undefined;
        if (cmp.kind === 'close' && c.scaleCode) {
          await use(JS_F64);
          const s = await runOn(c.scaleCode, absFinite(inputs));
          if (s.threw || s.leaked) problems.push(`scale code: ${s.threw ? `threw ${s.error}` : `${s.leaked} tensors leaked`}`);
          else scale = s.values;
        } else if (cmp.kind === 'close') {
          scale = hostScale();
        }
        for (const m of compare(got.values, ref.values, cmp, scale, { flushed: webgpu })) problems.push(`${label} vs js: ${m}`);
      }
    }
  }
  if (problems.length) throw new Error(`${c.code}\n  ${problems.join('\n  ')}`);
}
