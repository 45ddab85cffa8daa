// Layout programs on raw 32-bit words (any dtype): strided copy (transpose, slice), strided write
// (concat, pad), gather, scatterAdd, oneHot, cast and fill. Keys `layout/<name>[/<variant>]`.
import { type KernelAttrs, sizeOf, stridesOf, padLayout, concatLayout } from '../../kernels.js';
import { ENTRY_1D, MATH, PARAMS, flatIndex, f32bits } from './wgsl.js';
import { type Ctx, type Info, WG } from './ctx.js';

const MAX_RANK = 8;

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
const CAST_F2I = prog('cast/f32-int32', `
  let x = bitcast<f32>(X[t]);
  var v = 0u;
  if (!is_nan(x) && abs(x) != inf_f()) {
    let tr = trunc(x);
    if (abs(tr) < 2147483648.0) { v = bitcast<u32>(i32(tr)); }
    else {
      // ToInt32: modulo 2^32 (exact in float32: |tr| >= 2^31 is a multiple of 2^8)
      let m = tr - floor(tr / 4294967296.0) * 4294967296.0;
      v = u32(m);
    }
  }
  Y[t] = v;`, [R, W]);
const CAST_I2F = prog('cast/int32-f32', 'Y[t] = bitcast<u32>(f32(bitcast<i32>(X[t])));', [R, W]);
const COPY = prog('copy', 'Y[t] = X[t];', [R, W]);

/** Drops size-1 dims and merges neighbours that are contiguous in `strides`. */
function collapse(shape: readonly number[], strides: readonly number[]): { shape: number[]; strides: number[] } {
  const s: number[] = [], st: number[] = [];
  for (let d = 0; d < shape.length; d++) {
    if (shape[d] === 1) continue;
    const k = s.length - 1;
    if (k >= 0 && st[k] === strides[d] * shape[d]) { s[k] *= shape[d]; st[k] = strides[d]; }
    else { s.push(shape[d]); st.push(strides[d]); }
  }
  return { shape: s, strides: st };
}

function stridedParams(n: number, base: number, shape: readonly number[], strides: readonly number[]): number[] {
  const c = collapse(shape, strides);
  if (c.shape.length > MAX_RANK) throw new Error(`webgpu: layout of rank ${c.shape.length} is above ${MAX_RANK}`);
  const p = new Array<number>(3 + 2 * MAX_RANK).fill(0);
  p[0] = n; p[1] = c.shape.length; p[2] = base;
  c.shape.forEach((d, i) => { p[3 + i] = d; });
  c.strides.forEach((d, i) => { p[3 + MAX_RANK + i] = d; });
  return p;
}

export function fillWords(ctx: Ctx, buffer: GPUBuffer, n: number, word: number): void {
  ctx.rt.run({ program: FILL, buffers: [buffer], params: [n, word >>> 0], groups: ctx.groups(n) });
}

function run1(ctx: Ctx, program: { key: string; code: () => string }, ins: Info[], o: Info, params: number[]): Info {
  const n = params[0];
  if (n > 0) ctx.rt.run({ program, buffers: [...ins.map((x) => x.buf.buffer), o.buf.buffer], params, groups: ctx.groups(n) });
  return o;
}

export function registerLayout(ctx: Ctx): void {
  const k = ctx.table;
  k.transpose = ([x], { perm }: KernelAttrs['transpose']) => {
    const shape = perm.map((p) => x.shape[p]);
    const xs = stridesOf(x.shape);
    const o = ctx.out(shape, x.dtype);
    return run1(ctx, STRIDED_READ, [x], o, stridedParams(sizeOf(shape), 0, shape, perm.map((p) => xs[p])));
  };
  k.slice = ([x], { begin, size }: KernelAttrs['slice']) => {
    const xs = stridesOf(x.shape);
    const o = ctx.out(size, x.dtype);
    const base = begin.reduce((acc, b, i) => acc + b * xs[i], 0);
    return run1(ctx, STRIDED_READ, [x], o, stridedParams(sizeOf(size), base, size, xs));
  };
  k.pad = ([x], { before, after }: KernelAttrs['pad']) => {
    const { shape, strides, offset } = padLayout(x.shape, before, after);
    const o = ctx.out(shape, x.dtype);
    const n = sizeOf(shape);
    if (n === 0) return o;
    fillWords(ctx, o.buf.buffer, n, 0);
    return run1(ctx, STRIDED_WRITE, [x], o, stridedParams(sizeOf(x.shape), offset, x.shape, strides));
  };
  k.concat = (xs: readonly Info[], { axis }: KernelAttrs['concat']) => {
    const { shape, strides, offsets } = concatLayout(xs.map((x) => x.shape), axis);
    const o = ctx.out(shape, xs[0].dtype);
    xs.forEach((x, n) => run1(ctx, STRIDED_WRITE, [x], o, stridedParams(sizeOf(x.shape), offsets[n], x.shape, strides)));
    return o;
  };
  k.gather = ([x, idx]) => {
    const [outer, N, inner] = x.shape;
    const M = idx.shape[0];
    const o = ctx.out([outer, M, inner], x.dtype);
    return run1(ctx, GATHER, [x, idx], o, [outer * M * inner, M, inner, N]);
  };
  k.scatterAdd = ([dy, idx], { n }: KernelAttrs['scatterAdd']) => {
    const [outer, M, inner] = dy.shape;
    const o = ctx.out([outer, n, inner], 'float32');
    return run1(ctx, SCATTER_ADD, [dy, idx], o, [outer * n * inner, M, inner, n]);
  };
  k.oneHot = ([idx], { depth }: KernelAttrs['oneHot']) => {
    const n = idx.shape[0];
    const o = ctx.out([n, depth], 'float32');
    return run1(ctx, ONE_HOT, [idx], o, [n * depth, depth]);
  };
  k.cast = ([x], { dtype }: KernelAttrs['cast']) => {
    const o = ctx.out(x.shape, dtype);
    const program = x.dtype === dtype ? COPY : dtype === 'int32' ? CAST_F2I : CAST_I2F;
    return run1(ctx, program, [x], o, [sizeOf(x.shape)]);
  };
  k.fill = (_, { shape, dtype, value }: KernelAttrs['fill']) => {
    const o = ctx.out(shape, dtype);
    const n = sizeOf(shape);
    if (n > 0) fillWords(ctx, o.buf.buffer, n, dtype === 'int32' ? Int32Array.of(value)[0] >>> 0 : f32bits(value));
    return o;
  };
}

