// Layout programs on raw 32-bit words (4-byte dtypes): strided copy (transpose, slice), strided
// write (concat, pad), gather, scatterAdd, oneHot, and cast and fill on every dtype (the 1- and
// 2-byte ones packed four or two to a word). Keys `layout/<name>[/<variant>]`.
import { type KernelAttrs, MAX_RANK, checkRank, collapseDims, sizeOf, stridesOf, padLayout, concatLayout, sliceOffset } from '../../kernels.js';
import { type DType, bytesOf, toHalf } from '../../dtypes.js';
import { ENTRY_1D, MATH, PARAMS, flatIndex, f32bits } from './wgsl.js';
import { type Ctx, type Info, WG } from './ctx.js';

function prog(name: string, body: string, bindings: string[]) {
  return {
    key: `layout/${name}`,
    code: () => `${PARAMS}${MATH}${flatIndex(WG)}
${bindings.map((b, i) => `@group(0) @binding(${i + 1}) ${b};`).join('\n')}
${ENTRY_1D(WG)} {
  let t = flat(gid, nwg);
  if (t >= p(0)) { return; }
  ${body}
}`,
  };
}

const R = 'var<storage, read> X: array<u32>';
const W = 'var<storage, read_write> Y: array<u32>';
const IDX = 'var<storage, read> I: array<i32>';

// params: p(0) n, p(1) rank, p(2) base, p(3..) shape, p(3 + MAX_RANK ..) strides
const walk = (target: string) => `
  var rem = t;
  var off = p(2u);
  for (var d = i32(p(1u)) - 1; d >= 0; d--) {
    let sz = p(3u + u32(d));
    off += (rem % sz) * p(${3 + MAX_RANK}u + u32(d));
    rem = rem / sz;
  }
  ${target}`;
const STRIDED_READ = prog('strided-read', walk('Y[t] = X[off];'), [R, W]);
const STRIDED_WRITE = prog('strided-write', walk('Y[off] = X[t];'), [R, W]);
const FILL = prog('fill', 'Y[t] = p(1u);', [W]);
const GATHER = prog('gather', `
  let inner = p(2u); let M = p(1u); let N = p(3u);
  let j = t % inner; let m = (t / inner) % M; let i = t / (inner * M);
  let id = I[m];
  // NOTE: out-of-range ids read 0 (ops check ids on the host when it holds them).
  Y[t] = select(0u, X[(i * N + u32(max(id, 0))) * inner + j], id >= 0 && u32(id) < N);`, [R, IDX, W]);
const SCATTER_ADD = prog('scatter-add', `
  let inner = p(2u); let M = p(1u); let n = p(3u);
  let j = t % inner; let r = i32((t / inner) % n); let i = t / (inner * n);
  var s = 0.0;
  for (var m = 0u; m < M; m++) { if (I[m] == r) { s += bitcast<f32>(X[(i * M + m) * inner + j]); } }
  Y[t] = bitcast<u32>(s);`, [R, IDX, W]);
const ONE_HOT = prog('one-hot', `
  let depth = p(1u);
  Y[t] = select(0u, 0x3f800000u, I[t / depth] == i32(t % depth));`, [IDX, W]);
// ---- cast: one program per (from, to); 1- and 2-byte targets are written a whole word at a time.

/** ToInt32 of a float32 (NaN and Infinity 0, truncation, then modulo 2^32), as u32 bits. */
const F2I = `
fn f2i(x: f32) -> u32 {
  if (is_nan(x) || abs(x) == inf_f()) { return 0u; }
  let tr = trunc(x);
  if (abs(tr) < 2147483648.0) { return bitcast<u32>(i32(tr)); }
  // modulo 2^32 (exact in float32: |tr| >= 2^31 is a multiple of 2^8)
  return u32(tr - floor(tr / 4294967296.0) * 4294967296.0);
}`;

/** float32 <-> binary16 bits, exactly as dtypes.ts (round to nearest even; no reliance on pack2x16float). */
const HALF = `
fn to_half(x: f32) -> u32 {
  let b = bitcast<u32>(x);
  let sign = (b >> 16u) & 0x8000u;
  let ex = i32((b >> 23u) & 0xffu);
  var mant = b & 0x7fffffu;
  if (ex == 255) { return sign | 0x7c00u | select(0u, 0x200u | (mant >> 13u), mant != 0u); }
  var e = ex - 112;
  if (e >= 31) { return sign | 0x7c00u; }
  if (e <= 0) {
    if (e < -10) { return sign; }
    mant = mant | 0x800000u;
    let shift = u32(14 - e);
    var m = mant >> shift;
    let rest = mant & ((1u << shift) - 1u);
    let half = 1u << (shift - 1u);
    if (rest > half || (rest == half && (m & 1u) == 1u)) { m = m + 1u; }
    return sign | m;
  }
  var m = mant >> 13u;
  let rest = mant & 0x1fffu;
  if (rest > 0x1000u || (rest == 0x1000u && (m & 1u) == 1u)) {
    m = m + 1u;
    if (m == 0x400u) { m = 0u; e = e + 1; if (e >= 31) { return sign | 0x7c00u; } }
  }
  return sign | (u32(e) << 10u) | m;
}
fn from_half(h: u32) -> f32 {
  let sign = (h & 0x8000u) << 16u;
  let e = (h >> 10u) & 0x1fu;
  let m = h & 0x3ffu;
  if (e == 0u) { let v = f32(m) * 5.9604644775390625e-8; return select(v, -v, sign != 0u); }
  if (e == 31u) { return bitcast<f32>(sign | 0x7f800000u | (m << 13u)); }
  return bitcast<f32>(sign | ((e + 112u) << 23u) | (m << 13u));
}`;

const isFloat = (d: DType) => d === 'float32' || d === 'float16';
/** WGSL reading element i of X in dtype `d`, as f32 (float dtypes) or i32 (integer ones). */
function load(d: DType): string {
  switch (d) {
    case 'float32': return 'bitcast<f32>(X[i])';
    case 'int32': return 'bitcast<i32>(X[i])';
    case 'int8': return 'bitcast<i32>(X[i / 4u] << (24u - (i % 4u) * 8u)) >> 24u';
    case 'uint8': return 'i32((X[i / 4u] >> ((i % 4u) * 8u)) & 0xffu)';
    default: return 'from_half((X[i / 2u] >> ((i % 2u) * 16u)) & 0xffffu)';
  }
}
/** WGSL converting `v` (from `from`'s load type) into `to`'s element bits (low bits of a u32). */
function store(from: DType, to: DType): string {
  const f = isFloat(from);
  switch (to) {
    case 'float32': return f ? 'bitcast<u32>(v)' : 'bitcast<u32>(f32(v))';
    case 'int32': return f ? 'f2i(v)' : 'bitcast<u32>(v)';
    case 'int8': case 'uint8': return f ? '(f2i(v) & 0xffu)' : '(bitcast<u32>(v) & 0xffu)';
    default: return f ? 'to_half(v)' : 'to_half(f32(v))';
  }
}
const castPrograms = new Map<string, ReturnType<typeof prog>>();
function castProgram(from: DType, to: DType) {
  const key = `cast/${from}-${to}`;
  let pr = castPrograms.get(key);
  if (pr) return pr;
  const per = 4 / bytesOf(to);
  const head = `${F2I}${HALF}
fn ld(i: u32) -> ${isFloat(from) ? 'f32' : 'i32'} { return ${load(from)}; }
fn cv(i: u32) -> u32 { let v = ld(i); return ${store(from, to)}; }`;
  // params: p(0) words of the output, p(1) elements
  const body = per === 1 ? 'Y[t] = cv(t);' : `var w = 0u;
  for (var j = 0u; j < ${per}u; j++) {
    let i = t * ${per}u + j;
    if (i < p(1u)) { w = w | (cv(i) << (j * ${32 / per}u)); }
  }
  Y[t] = w;`;
  const base = prog(key, body, [R, W]);
  pr = { key: base.key, code: () => base.code().replace(`${ENTRY_1D(WG)} {`, `${head}\n${ENTRY_1D(WG)} {`) };
  castPrograms.set(key, pr);
  return pr;
}
const COPY = prog('copy', 'Y[t] = X[t];', [R, W]);

/** Words a buffer of n elements of `dtype` spans. */
const words = (dtype: DType, n: number) => Math.ceil((n * bytesOf(dtype)) / 4);

/** The 32-bit word that repeats `value` in `dtype` (fill). */
function fillWord(dtype: DType, value: number): number {
  switch (dtype) {
    case 'int32': return Int32Array.of(value)[0] >>> 0;
    case 'int8': case 'uint8': { const b = Uint8Array.of(dtype === 'int8' ? Int8Array.of(value)[0] & 0xff : value)[0]; return (b * 0x01010101) >>> 0; }
    case 'float16': { const h = toHalf(value); return ((h << 16) | h) >>> 0; }
    default: return f32bits(value);
  }
}

function stridedParams(n: number, base: number, shape: readonly number[], strides: readonly number[]): number[] {
  const c = collapseDims(shape, [strides]);
  checkRank('layout', 'webgpu', c.shape.length);
  const p = new Array<number>(3 + 2 * MAX_RANK).fill(0);
  p[0] = n; p[1] = c.shape.length; p[2] = base;
  c.shape.forEach((d, i) => { p[3 + i] = d; });
  c.strides[0].forEach((d, i) => { p[3 + MAX_RANK + i] = d; });
  return p;
}

export function fillWords(ctx: Ctx, buffer: GPUBuffer, n: number, word: number): void {
  ctx.rt.run({ program: FILL, buffers: [buffer], params: [n, word >>> 0], groups: ctx.groups(n) });
}

function run1(ctx: Ctx, program: { key: string; code: () => string }, ins: readonly Info[], o: Info, params: number[]): void {
  const n = params[0];
  if (n > 0) ctx.rt.run({ program, buffers: [...ins.map((x) => x.buf.buffer), o.buf.buffer], params, groups: ctx.groups(n) });
}

type Ts = readonly Info[];

export function layoutKernels(ctx: Ctx) {
  return {
    transpose: ([x]: Ts, [o]: Ts, { perm }: KernelAttrs['transpose']) => {
      const xs = stridesOf(x.shape);
      run1(ctx, STRIDED_READ, [x], o, stridedParams(sizeOf(o.shape), 0, o.shape, perm.map((p) => xs[p])));
    },
    slice: ([x]: Ts, [o]: Ts, { begin, size }: KernelAttrs['slice']) =>
      run1(ctx, STRIDED_READ, [x], o, stridedParams(sizeOf(size), sliceOffset(x.shape, begin), size, stridesOf(x.shape))),
    pad: ([x]: Ts, [o]: Ts, { before, after }: KernelAttrs['pad']) => {
      const { shape, strides, offset } = padLayout(x.shape, before, after);
      const n = sizeOf(shape);
      if (n === 0) return;
      fillWords(ctx, o.buf.buffer, n, 0);
      run1(ctx, STRIDED_WRITE, [x], o, stridedParams(sizeOf(x.shape), offset, x.shape, strides));
    },
    concat: (xs: Ts, [o]: Ts, { axis }: KernelAttrs['concat']) => {
      const { strides, offsets } = concatLayout(xs.map((x) => x.shape), axis);
      xs.forEach((x, n) => run1(ctx, STRIDED_WRITE, [x], o, stridedParams(sizeOf(x.shape), offsets[n], x.shape, strides)));
    },
    gather: ([x, idx]: Ts, [o]: Ts) => {
      const [outer, N, inner] = x.shape;
      const M = idx.shape[0];
      run1(ctx, GATHER, [x, idx], o, [outer * M * inner, M, inner, N]);
    },
    scatterAdd: ([dy, idx]: Ts, [o]: Ts, { n }: KernelAttrs['scatterAdd']) => {
      const [outer, M, inner] = dy.shape;
      run1(ctx, SCATTER_ADD, [dy, idx], o, [outer * n * inner, M, inner, n]);
    },
    oneHot: ([idx]: Ts, [o]: Ts, { depth }: KernelAttrs['oneHot']) => run1(ctx, ONE_HOT, [idx], o, [idx.shape[0] * depth, depth]),
    cast: ([x]: Ts, [o]: Ts, { dtype }: KernelAttrs['cast']) => {
      const n = sizeOf(x.shape);
      if (x.dtype === dtype) run1(ctx, COPY, [x], o, [words(dtype, n)]);
      else run1(ctx, castProgram(x.dtype, dtype), [x], o, [words(dtype, n), n]);
    },
    fill: (_: Ts, [o]: Ts, { shape, dtype, value }: KernelAttrs['fill']) => {
      const n = words(dtype, sizeOf(shape));
      if (n > 0) fillWords(ctx, o.buf.buffer, n, fillWord(dtype, value));
    },
  };
}
