// Elementwise programs (unary, binary with broadcasting, backward elementwise) built from a table
// of WGSL snippets. Each snippet has a scalar form and, where it is plain arithmetic, a vec4 form;
// the rest run per component. Program key: `ew/<op>/<dtype>/<mode>/<width>`.
import { type DType, UNARY, BINARY, UNARY_GRAD, MAX_RANK, family, sizeOf, broadcastStrides, collapseDims, checkRank } from '../../kernels.js';
import { ENTRY_1D, MATH, PARAMS, flatIndex, f32bits } from './wgsl.js';
import { type Ctx, type Info, WG } from './ctx.js';

/** A snippet: `f(x)` (or `f(a, b)`) on scalars, `v` on vec4s; `bits` when `f` already gives u32 bits. */
interface Snip { f: (...a: string[]) => string; v?: (...a: string[]) => string; bits?: boolean }

const V0 = 'vec4<f32>(0.0)';

const UNARY_F32: Record<(typeof UNARY)[number], Snip> = {
  neg: { f: (x) => `-${x}`, v: (x) => `-${x}` },
  exp: { f: (x) => `exp_bits(${x})`, bits: true },
  log: { f: (x) => `log_f(${x})` },
  sqrt: { f: (x) => `select(sqrt(${x}), nan_f(), ${x} < 0.0 || is_nan(${x}))` },
  square: { f: (x) => `${x} * ${x}`, v: (x) => `${x} * ${x}` },
  abs: { f: (x) => `abs(${x})`, v: (x) => `abs(${x})` },
  sign: { f: (x) => `sign_f(${x})` },
  reciprocal: { f: (x) => `1.0 / ${x}`, v: (x) => `vec4<f32>(1.0) / ${x}` },
  relu: { f: (x) => `relu_f(${x})` },
  sigmoid: { f: (x) => `sigmoid_f(${x})` },
  tanh: { f: (x) => `tanh_f(${x})` },
  gelu: { f: (x) => `gelu_f(${x})` },
  leakyRelu: { f: (x) => `select(pf(1u) * ${x}, ${x}, ${x} > 0.0)`, v: (x) => `select(pf(1u) * ${x}, ${x}, ${x} > ${V0})` },
  clip: { f: (x) => `clip_f(${x}, pf(1u), pf(2u))` },
  floor: { f: (x) => `floor(${x})`, v: (x) => `floor(${x})` },
  ceil: { f: (x) => `ceil(${x})`, v: (x) => `ceil(${x})` },
  round: { f: (x) => `round(${x})`, v: (x) => `round(${x})` },
  sin: { f: (x) => `sincos_f(${x}, 0u)` },
  cos: { f: (x) => `sincos_f(${x}, 1u)` },
};

const UNARY_I32: Record<string, Snip> = {
  neg: { f: (x) => `-${x}`, v: (x) => `-${x}` },
  abs: { f: (x) => `abs(${x})`, v: (x) => `abs(${x})` },
  square: { f: (x) => `${x} * ${x}`, v: (x) => `${x} * ${x}` },
  sign: { f: (x) => `sign(${x})`, v: (x) => `sign(${x})` },
};

const cmp = (op: string): Snip => ({
  f: (a, b) => `select(0.0, 1.0, ${a} ${op} ${b})`,
  v: (a, b) => `select(${V0}, vec4<f32>(1.0), ${a} ${op} ${b})`,
});
// NOTE: comparisons with a NaN operand are false (notEqual true) as in js; tested on the bits.
const cmpNan = (op: string, nanResult: string): Snip => ({
  f: (a, b) => `select(select(0.0, 1.0, ${a} ${op} ${b}), ${nanResult}, is_nan(${a}) || is_nan(${b}))`,
});

const BINARY_F32: Record<(typeof BINARY)[number], Snip> = {
  add: { f: (a, b) => `${a} + ${b}`, v: (a, b) => `${a} + ${b}` },
  sub: { f: (a, b) => `${a} - ${b}`, v: (a, b) => `${a} - ${b}` },
  mul: { f: (a, b) => `${a} * ${b}`, v: (a, b) => `${a} * ${b}` },
  div: { f: (a, b) => `${a} / ${b}`, v: (a, b) => `${a} / ${b}` },
  pow: { f: (a, b) => `pow_f(${a}, ${b})` },
  maximum: { f: (a, b) => `max_f(${a}, ${b})` },
  minimum: { f: (a, b) => `min_f(${a}, ${b})` },
  greater: cmpNan('>', '0.0'),
  greaterEqual: cmpNan('>=', '0.0'),
  less: cmpNan('<', '0.0'),
  lessEqual: cmpNan('<=', '0.0'),
  equal: cmpNan('==', '0.0'),
  notEqual: cmpNan('!=', '1.0'),
};

const BINARY_I32: Record<string, Snip> = {
  add: { f: (a, b) => `${a} + ${b}`, v: (a, b) => `${a} + ${b}` },
  sub: { f: (a, b) => `${a} - ${b}`, v: (a, b) => `${a} - ${b}` },
  mul: { f: (a, b) => `${a} * ${b}`, v: (a, b) => `${a} * ${b}` },
  maximum: { f: (a, b) => `max(${a}, ${b})`, v: (a, b) => `max(${a}, ${b})` },
  minimum: { f: (a, b) => `min(${a}, ${b})`, v: (a, b) => `min(${a}, ${b})` },
  greater: cmp('>'), greaterEqual: cmp('>='), less: cmp('<'), lessEqual: cmp('<='), equal: cmp('=='), notEqual: cmp('!='),
};

const GRAD: Record<(typeof UNARY_GRAD)[number], Snip> = {
  reluGrad: { f: (d, x) => `select(0.0, ${d}, ${x} > 0.0)`, v: (d, x) => `select(${V0}, ${d}, ${x} > ${V0})` },
  leakyReluGrad: { f: (d, x) => `select(pf(1u) * ${d}, ${d}, ${x} > 0.0)`, v: (d, x) => `select(pf(1u) * ${d}, ${d}, ${x} > ${V0})` },
  sigmoidGrad: { f: (d, y) => `${d} * ${y} * (1.0 - ${y})`, v: (d, y) => `${d} * ${y} * (vec4<f32>(1.0) - ${y})` },
  tanhGrad: { f: (d, y) => `${d} * (1.0 - ${y} * ${y})`, v: (d, y) => `${d} * (vec4<f32>(1.0) - ${y} * ${y})` },
  geluGrad: { f: (d, x) => `gelu_grad_f(${d}, ${x})` },
  clipGrad: {
    f: (d, x) => `select(0.0, ${d}, ${x} >= pf(1u) && ${x} <= pf(2u))`,
    v: (d, x) => `select(${V0}, ${d}, (${x} >= vec4<f32>(pf(1u))) & (${x} <= vec4<f32>(pf(2u))))`,
  },
};

/** Binary operand modes: same shape as the output, a single element, or a strided broadcast. */
type Mode = 'full' | 'one' | 'bcast';

/** The expression of `snip` on vec4 operands, per component when it has no vec4 form. */
function vec4Expr(s: Snip, args: string[], outElem: 'f32' | 'i32'): string {
  if (s.v) return s.v(...args);
  const comps = ['x', 'y', 'z', 'w'].map((c) => s.f(...args.map((a) => `${a}.${c}`)));
  return s.bits ? `vec4<u32>(${comps.join(', ')})` : `vec4<${outElem}>(${comps.join(', ')})`;
}

/**
 * Builds an elementwise program. `ins` gives each input's dtype and mode; `out` the output dtype;
 * `width` 4 runs vec4s (every input full or one, size % 4 == 0).
 */
function program(op: string, s: Snip, ins: { dtype: DType; mode: Mode }[], outDtype: DType, width: 1 | 4) {
  const key = `ew/${op}/${ins.map((i) => `${i.dtype[0]}${i.mode}`).join(',')}/${outDtype[0]}/${width}`;
  const code = () => {
    const elem = (d: DType) => (d === 'int32' ? 'i32' : 'f32');
    const vt = (d: DType) => (width === 4 ? `vec4<${elem(d)}>` : elem(d));
    const binds = ins.map((inp, k) => {
      const vec = width === 4 && inp.mode === 'full';
      return `@group(0) @binding(${k + 1}) var<storage, read> X${k}: array<${vec ? 'vec4<u32>' : 'u32'}>;`;
    });
    const outBind = `@group(0) @binding(${ins.length + 1}) var<storage, read_write> Y: array<${width === 4 ? 'vec4<u32>' : 'u32'}>;`;
    const loads = ins.map((inp, k) => {
      let word: string;
      if (inp.mode === 'one') word = width === 4 ? `vec4<u32>(X${k}[0])` : `X${k}[0]`;
      else if (inp.mode === 'full') word = `X${k}[i]`;
      else word = `X${k}[o${k}]`;
      return `let v${k} = bitcast<${vt(inp.dtype)}>(${word});`;
    });
    const args = ins.map((_, k) => `v${k}`);
    const expr = width === 4 ? vec4Expr(s, args, elem(outDtype)) : s.f(...args);
    const store = s.bits ? expr : `bitcast<${width === 4 ? 'vec4<u32>' : 'u32'}>(${expr})`;
    const bcast = ins.some((i) => i.mode === 'bcast');
    // bcast params: p(1) rank, p(2..) out shape, then one stride list of MAX_RANK per input.
    const walk = bcast ? `
  var rem = i;
  ${ins.map((_, k) => `var o${k} = 0u;`).join(' ')}
  for (var d = i32(p(1u)) - 1; d >= 0; d--) {
    let sz = p(2u + u32(d));
    let c = rem % sz;
    rem = rem / sz;
    ${ins.map((_, k) => `o${k} += c * p(${2 + MAX_RANK * (k + 1)}u + u32(d));`).join('\n    ')}
  }` : '';
    return `${PARAMS}${MATH}${flatIndex(WG)}
${binds.join('\n')}
${outBind}
${ENTRY_1D(WG)} {
  let i = flat(gid, nwg);
  if (i >= p(0)) { return; }${walk}
  ${loads.join('\n  ')}
  Y[i] = ${store};
}`;
  };
  return { key, code };
}

/** Runs one elementwise op on inputs already shaped like the output (or broadcasting to it). */
function run(ctx: Ctx, op: string, s: Snip, inputs: readonly Info[], o: Info, attrs: number[]): void {
  const outShape = o.shape;
  const n = sizeOf(outShape);
  if (n === 0) return;
  const modes: Mode[] = inputs.map((x) => (sizeOf(x.shape) === n ? 'full' : sizeOf(x.shape) === 1 ? 'one' : 'bcast'));
  const bcast = modes.includes('bcast');
  const width: 1 | 4 = !bcast && n % 4 === 0 ? 4 : 1;
  const params = [width === 4 ? n / 4 : n, ...attrs];
  if (bcast) {
    const c = collapseDims(outShape, inputs.map((x) => broadcastStrides(x.shape)));
    checkRank(op, 'webgpu', c.shape.length);
    params.length = 2 + MAX_RANK * (inputs.length + 1);
    params.fill(0, 1);
    params[1] = c.shape.length;
    c.shape.forEach((d, i) => { params[2 + i] = d; });
    c.strides.forEach((st, k) => st.forEach((v, i) => { params[2 + MAX_RANK * (k + 1) + i] = v; }));
    // every input is addressed by strides in this mode
    modes.fill('bcast');
  }
  const prog = program(op, s, inputs.map((x, k) => ({ dtype: x.dtype, mode: modes[k] })), o.dtype, width);
  ctx.rt.run({ program: prog, buffers: [...inputs.map((x) => x.buf.buffer), o.buf.buffer], params, groups: ctx.groups(params[0]) });
}

type Scalars = { alpha?: number; min?: number; max?: number };

export function elementwiseKernels(ctx: Ctx) {
  return {
    ...family(UNARY, (op) => ([x]: readonly Info[], [o]: readonly Info[], attrs: Scalars) => {
      const a = op === 'leakyRelu' ? [f32bits(attrs.alpha!)] : op === 'clip' ? [f32bits(attrs.min!), f32bits(attrs.max!)] : [];
      if (x.dtype === 'int32') {
        const s = UNARY_I32[op];
        if (!s) throw new Error(`webgpu: ${op} is not defined on int32`);
        return run(ctx, op, s, [x], o, a);
      }
      return run(ctx, op, UNARY_F32[op], [x], o, a);
    }),
    ...family(BINARY, (op) => ([a, b]: readonly Info[], [o]: readonly Info[]) => {
      const s = a.dtype === 'int32' ? BINARY_I32[op] : BINARY_F32[op];
      if (!s) throw new Error(`webgpu: ${op} is not defined on int32`);
      run(ctx, op, s, [a, b], o, []);
    }),
    ...family(UNARY_GRAD, (op) => ([dy, v]: readonly Info[], [o]: readonly Info[], attrs: Scalars) => {
      const a = op === 'leakyReluGrad' ? [f32bits(attrs.alpha!)] : op === 'clipGrad' ? [f32bits(attrs.min!), f32bits(attrs.max!)] : [];
      run(ctx, op, GRAD[op], [dy, v], o, a);
    }),
  };
}
