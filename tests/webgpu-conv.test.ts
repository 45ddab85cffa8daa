// The webgpu conv family (conv2d, its two backprops, max/avg pooling and their gradients) run
// through engine.runKernel and checked against naive float64 references written here (scatter
// forms, where the kernels gather), over geometry sweeps: odd sizes, channels not multiples of 4,
// strides larger than the kernel, asymmetric pads, dilation, groups 1/2/C, depthwise multiplier
// 2, batch 1, 1x1 inputs and kernels, windows wholly in the padding, sizes across the tiles; every
// conv program (direct, both tiles, scalar and vec4 loads by shape, dw's split sum). Runs when a
// WebGPU adapter exists (Node: Dawn + SwiftShader); EDGEGRAD_REQUIRE_WEBGPU=1 makes a missing one fail.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as eg from '../src/index.js';
import { engine } from '../src/engine.js';
import { type Conv2dGeometry, type FusedActivation, type KernelAttrs, convOutShape } from '../src/kernels.js';
import { type ConvPath, setConvPath } from '../src/backends/webgpu/conv.js';
import { webgpuAdapter } from './util/backends.js';
import { mismatches } from './util/close.js';
import { Rng } from './util/ref.js';

const { adapter, reason } = await webgpuAdapter();

type Tensor = ReturnType<typeof eg.tensor>;
type Shape4 = [number, number, number, number];

interface ConvCase {
  name: string; n: number; h: number; w: number; c: number; o: number; k: [number, number];
  s?: [number, number]; d?: [number, number]; pads?: Shape4; groups?: number;
}

const geo = (k: { s?: [number, number]; d?: [number, number]; pads?: Shape4 }): Conv2dGeometry =>
  ({ strides: k.s ?? [1, 1], dilations: k.d ?? [1, 1], pads: k.pads ?? [0, 0, 0, 0] });

const CONV_CASES: ConvCase[] = [
  { name: 'odd sizes, same-style pads', n: 2, h: 7, w: 9, c: 3, o: 5, k: [3, 3], pads: [1, 1, 1, 1] },
  { name: 'strides larger than the kernel', n: 1, h: 11, w: 10, c: 4, o: 6, k: [2, 2], s: [3, 3] },
  { name: 'asymmetric pads, dilation, unequal strides', n: 2, h: 8, w: 7, c: 5, o: 7, k: [3, 2], s: [2, 1], d: [2, 3], pads: [2, 0, 1, 3] },
  { name: 'groups 2', n: 2, h: 6, w: 6, c: 6, o: 10, k: [3, 3], pads: [1, 1, 1, 1], groups: 2 },
  { name: 'depthwise (groups = C)', n: 2, h: 7, w: 7, c: 5, o: 5, k: [3, 3], pads: [1, 1, 1, 1], groups: 5 },
  { name: 'depthwise multiplier 2, stride 2', n: 1, h: 9, w: 8, c: 4, o: 8, k: [5, 5], s: [2, 2], pads: [2, 2, 2, 2], groups: 4 },
  { name: '1x1 input, 1x1 kernel', n: 3, h: 1, w: 1, c: 7, o: 9, k: [1, 1] },
  { name: '1x1 kernel, stride 1 (a GEMM by shape)', n: 2, h: 5, w: 6, c: 17, o: 33, k: [1, 1] },
  { name: '1x1 kernel, stride 2', n: 2, h: 9, w: 9, c: 17, o: 33, k: [1, 1], s: [2, 2] },
  { name: 'windows wholly in the padding', n: 1, h: 2, w: 2, c: 3, o: 4, k: [2, 2], pads: [3, 3, 3, 2] },
  { name: 'across the 32 and 64 tiles', n: 2, h: 9, w: 10, c: 20, o: 70, k: [3, 3], pads: [1, 1, 1, 1] },
  { name: 'many positions per filter element (dw splits its sum)', n: 4, h: 16, w: 16, c: 3, o: 16, k: [3, 3], pads: [1, 1, 1, 1] },
  { name: 'groups 2 with 18 outputs per group, across tiles', n: 1, h: 12, w: 11, c: 8, o: 36, k: [3, 3], pads: [1, 0, 1, 0], groups: 2 },
];

// every program, forced: direct (per element; dw's split reduction) and both tiles (16x16 with
// one row of tiles per dispatch, as outputs taller than 65535 tiles run); then the choice by
// shape (among the same programs)
const PATHS: [string, ConvPath][] = [
  ['direct', 'direct'], ['tiled 8x8', { tile: { tx: 8, ty: 8, bk: 16 } }],
  ['tiled 16x16, a dispatch per tile row', { tile: { tx: 16, ty: 16, bk: 16 }, rowGroups: 1 }],
  ['by shape', null],
];

const idx4 = (s: readonly number[], a: number, b: number, c: number, d: number) => ((a * s[1] + b) * s[2] + c) * s[3] + d;

/** Float64 sums with each output's sum of |terms| (the rounding scale). */
class Acc {
  v: Float64Array; abs: Float64Array;
  constructor(size: number) { this.v = new Float64Array(size); this.abs = new Float64Array(size); }
  add(i: number, t: number) { this.v[i] += t; this.abs[i] += Math.abs(t); }
  /** scale for mismatches' stol: sum |terms| (see onPaths). */
  scale(): Float64Array { return this.abs; }
}

/** Calls f(b, oh, ow, ih, iw, kh, kw) for every tap of every output position that falls inside x. */
function taps(x: Shape4, out: readonly number[], kh: number, kw: number, g: Conv2dGeometry,
  f: (b: number, oh: number, ow: number, ih: number, iw: number, i: number, j: number) => void): void {
  for (let b = 0; b < x[0]; b++) for (let oh = 0; oh < out[1]; oh++) for (let ow = 0; ow < out[2]; ow++) {
    for (let i = 0; i < kh; i++) for (let j = 0; j < kw; j++) {
      const ih = oh * g.strides[0] + i * g.dilations[0] - g.pads[0];
      const iw = ow * g.strides[1] + j * g.dilations[1] - g.pads[2];
      if (ih >= 0 && ih < x[1] && iw >= 0 && iw < x[2]) f(b, oh, ow, ih, iw, i, j);
    }
  }
}

function convShapes(k: ConvCase) {
  const groups = k.groups ?? 1;
  const x: Shape4 = [k.n, k.h, k.w, k.c];
  const f: Shape4 = [k.k[0], k.k[1], k.c / groups, k.o];
  const y: Shape4 = [...convOutShape(x, k.k[0], k.k[1], geo(k)), k.o];
  return { x, f, y, groups, cg: k.c / groups, og: k.o / groups };
}

/** Every (x index, filter index, y index) product of the convolution. */
function convTerms(k: ConvCase, f: (xi: number, fi: number, yi: number) => void): void {
  const { x, f: fs, y, cg, og } = convShapes(k);
  taps(x, y, k.k[0], k.k[1], geo(k), (b, oh, ow, ih, iw, i, j) => {
    for (let o = 0; o < k.o; o++) {
      const gi = Math.floor(o / og);
      for (let c = 0; c < cg; c++) f(idx4(x, b, ih, iw, gi * cg + c), idx4(fs, i, j, c, o), idx4(y, b, oh, ow, o));
    }
  });
}

const ACTS: Record<FusedActivation, (v: number) => number> = {
  linear: (v) => v, relu: (v) => Math.max(v, 0), sigmoid: (v) => 1 / (1 + Math.exp(-v)), tanh: Math.tanh,
  gelu: () => { throw new Error('not used'); },
};

const rand = (rng: Rng, n: number) => Array.from({ length: n }, () => rng.uniform(-1, 1));

async function read(t: Tensor): Promise<Float32Array> {
  const v = await t.data() as Float32Array;
  t.dispose();
  return v;
}

/**
 * Leaves a NaN-filled buffer of `n` floats on top of the pool, so the next output of that size
 * starts as NaN rather than as the previous run's (right) values: an element a program does not
 * write fails.
 */
async function poison(n: number): Promise<void> {
  const t = eg.full([n], NaN);
  await t.data();
  t.dispose();
}

/** Runs `name` on webgpu on every path; returns the mismatch lines of each path's output against `want`. */
// float32 sums in any order (tiles, splits) within 8 units of 2^-24 of the sum of |terms|, as the GEMM tests
async function onPaths(label: string, run: () => Tensor, want: ArrayLike<number>, scale: ArrayLike<number> | undefined, tol = { rtol: 0, atol: 1e-6, stol: 8 * 2 ** -24 }) {
  const problems: string[] = [];
  for (const [path, p] of PATHS) {
    setConvPath(p);
    try {
      await poison(want.length);
      const got = await read(run());
      for (const m of mismatches(got, want, tol, scale)) problems.push(`${label} [${path}] ${m}`);
    } finally { setConvPath(null); }
  }
  return problems;
}

describe.skipIf(!adapter)(`webgpu conv family (${adapter?.name ?? `no adapter: ${reason}`})`, () => {
  beforeAll(() => eg.init({ backend: 'webgpu' }));
  afterAll(() => eg.init({ backend: 'js' }));

  it('conv2d with bias + activation epilogue matches float64 over the geometry sweep', async () => {
    const rng = new Rng(11);
    const problems: string[] = [];
    for (const [ci, k] of CONV_CASES.entries()) {
      const { x, f, y, groups } = convShapes(k);
      const xv = rand(rng, x.reduce((a, b) => a * b)), fv = rand(rng, f.reduce((a, b) => a * b));
      // bias + relu and neither, alternating; one bias + sigmoid (each pair is a program per path)
      const withBias = ci % 2 === 0;
      const bv = rand(rng, k.o);
      const act: FusedActivation = ci === 2 ? 'sigmoid' : withBias ? 'relu' : 'linear';
      const acc = new Acc(y.reduce((a, b) => a * b));
      convTerms(k, (xi, fi, yi) => acc.add(yi, xv[xi] * fv[fi]));
      const want = acc.v.map((v, i) => ACTS[act](v + (withBias ? bv[i % k.o] : 0)));
      const xt = eg.tensor(xv, x), ft = eg.tensor(fv, f), bt = eg.tensor(bv, [k.o]);
      const attrs: KernelAttrs['conv2d'] = { ...geo(k), groups, activation: act };
      problems.push(...await onPaths(`${k.name} (${withBias ? 'bias' : 'no bias'}, ${act})`,
        () => engine.runKernel('conv2d', withBias ? [xt, ft, bt] : [xt, ft], attrs)[0], want, acc.scale()));
      for (const t of [xt, ft, bt]) t.dispose();
    }
    expect(problems).toEqual([]);
  });

  it('conv2dBackpropInput matches float64 over the geometry sweep', async () => {
    const rng = new Rng(12);
    const problems: string[] = [];
    for (const k of CONV_CASES) {
      const { x, f, y, groups } = convShapes(k);
      const dyv = rand(rng, y.reduce((a, b) => a * b)), fv = rand(rng, f.reduce((a, b) => a * b));
      const acc = new Acc(x.reduce((a, b) => a * b));
      convTerms(k, (xi, fi, yi) => acc.add(xi, dyv[yi] * fv[fi]));
      const dyt = eg.tensor(dyv, y), ft = eg.tensor(fv, f);
      problems.push(...await onPaths(k.name, () => engine.runKernel('conv2dBackpropInput', [dyt, ft], { ...geo(k), groups, inShape: x })[0],
        acc.v, acc.scale()));
      dyt.dispose(); ft.dispose();
    }
    expect(problems).toEqual([]);
  });

  it('conv2dBackpropFilter matches float64 over the geometry sweep', async () => {
    const rng = new Rng(13);
    const problems: string[] = [];
    for (const k of CONV_CASES) {
      const { x, f, y, groups } = convShapes(k);
      const xv = rand(rng, x.reduce((a, b) => a * b)), dyv = rand(rng, y.reduce((a, b) => a * b));
      const acc = new Acc(f.reduce((a, b) => a * b));
      convTerms(k, (xi, fi, yi) => acc.add(fi, xv[xi] * dyv[yi]));
      const xt = eg.tensor(xv, x), dyt = eg.tensor(dyv, y);
      problems.push(...await onPaths(k.name, () => engine.runKernel('conv2dBackpropFilter', [xt, dyt], { ...geo(k), groups, filterShape: f })[0],
        acc.v, acc.scale()));
      xt.dispose(); dyt.dispose();
    }
    expect(problems).toEqual([]);
  });

  // (in x for conv2d and dw, in dy for dx: the tiled programs multiply taps in the padding as 0 *
  // the other operand, so a non-finite filter, or dy for dw, may give NaN where js is finite)
  it('NaN and Infinity propagate as in float64 (x for conv2d and dw, dy for dx)', async () => {
    const rng = new Rng(16);
    const problems: string[] = [];
    for (const k of [CONV_CASES[0], CONV_CASES[9]]) {
      const { x, f, y, groups } = convShapes(k);
      const special = (n: number) => {
        const v = rand(rng, n);
        v[Math.floor(n / 3)] = NaN; v[Math.floor(n / 2)] = Infinity; v[n - 2] = -Infinity;
        return v;
      };
      const ny = y.reduce((a, b) => a * b);
      const xv = special(x.reduce((a, b) => a * b)), dyv = special(ny), fv = rand(rng, f.reduce((a, b) => a * b)), dyFinite = rand(rng, ny);
      const fwd = new Acc(ny), dx = new Acc(x.reduce((a, b) => a * b)), dw = new Acc(f.reduce((a, b) => a * b));
      convTerms(k, (xi, fi, yi) => { fwd.add(yi, xv[xi] * fv[fi]); dx.add(xi, dyv[yi] * fv[fi]); dw.add(fi, xv[xi] * dyFinite[yi]); });
      const xt = eg.tensor(xv, x), ft = eg.tensor(fv, f), dyt = eg.tensor(dyv, y), dyf = eg.tensor(dyFinite, y);
      const g = geo(k);
      // relu: NaN stays NaN, -Infinity becomes 0
      problems.push(...await onPaths(`${k.name} conv2d`, () => engine.runKernel('conv2d', [xt, ft], { ...g, groups, activation: 'relu' })[0],
        fwd.v.map((v) => (Number.isNaN(v) ? v : Math.max(v, 0))), fwd.scale().map((v) => (Number.isFinite(v) ? v : 0))));
      problems.push(...await onPaths(`${k.name} dx`, () => engine.runKernel('conv2dBackpropInput', [dyt, ft], { ...g, groups, inShape: x })[0],
        dx.v, dx.scale().map((v) => (Number.isFinite(v) ? v : 0))));
      problems.push(...await onPaths(`${k.name} dw`, () => engine.runKernel('conv2dBackpropFilter', [xt, dyf], { ...g, groups, filterShape: f })[0],
        dw.v, dw.scale().map((v) => (Number.isFinite(v) ? v : 0))));
      for (const t of [xt, ft, dyt, dyf]) t.dispose();
    }
    expect(problems).toEqual([]);
  });

  // pooling: integer values in [0, 3) give many ties (the gradient's first-max rule), then NaN
  // and -Infinity in the special-values run
  interface PoolCase { name: string; n: number; h: number; w: number; c: number; k: [number, number]; s?: [number, number]; d?: [number, number]; pads?: Shape4 }
  const POOL_CASES: PoolCase[] = [
    { name: '2x2 stride 2, odd width', n: 2, h: 8, w: 9, c: 3, k: [2, 2], s: [2, 2] },
    { name: '3x3 stride 2, pads 1', n: 1, h: 7, w: 7, c: 5, k: [3, 3], s: [2, 2], pads: [1, 1, 1, 1] },
    { name: '3x2 dilation 2, asymmetric pads', n: 2, h: 6, w: 7, c: 4, k: [3, 2], d: [2, 2], pads: [1, 2, 0, 1] },
    { name: 'stride larger than the window', n: 1, h: 10, w: 11, c: 2, k: [2, 2], s: [3, 3] },
    { name: 'windows wholly in the padding', n: 1, h: 2, w: 2, c: 3, k: [2, 2], pads: [2, 2, 2, 2] },
    { name: '1x1 input, 1x1 window', n: 3, h: 1, w: 1, c: 6, k: [1, 1] },
    { name: 'many workgroups', n: 2, h: 12, w: 13, c: 9, k: [3, 3], s: [2, 2], pads: [1, 1, 1, 1] },
  ];

  function poolRef(k: PoolCase, xv: number[], dyv: number[]) {
    const x: Shape4 = [k.n, k.h, k.w, k.c];
    const g = geo(k);
    const y: Shape4 = [...convOutShape(x, k.k[0], k.k[1], g), k.c];
    const ny = y.reduce((a, b) => a * b, 1), nx = x.reduce((a, b) => a * b, 1);
    const max = new Float64Array(ny).fill(-Infinity), sum = new Float64Array(ny), count = new Float64Array(ny);
    const arg = new Int32Array(ny).fill(-1);
    taps(x, y, k.k[0], k.k[1], g, (b, oh, ow, ih, iw) => {
      for (let c = 0; c < k.c; c++) {
        const yi = idx4(y, b, oh, ow, c), xi = idx4(x, b, ih, iw, c), v = xv[xi];
        // the first NaN, else the first of the largest values
        const m = arg[yi] < 0 ? NaN : xv[arg[yi]];
        if (arg[yi] < 0 || (!Number.isNaN(m) && (Number.isNaN(v) || v > m))) { arg[yi] = xi; max[yi] = v; }
        sum[yi] += v; count[yi]++;
      }
    });
    const dxMax = new Float64Array(nx), dxAvg = new Float64Array(nx);
    for (let i = 0; i < ny; i++) if (arg[i] >= 0) dxMax[arg[i]] += dyv[i];
    taps(x, y, k.k[0], k.k[1], g, (b, oh, ow, ih, iw) => {
      for (let c = 0; c < k.c; c++) dxAvg[idx4(x, b, ih, iw, c)] += dyv[idx4(y, b, oh, ow, c)] / count[idx4(y, b, oh, ow, c)];
    });
    return { x, y, max, avg: sum.map((s, i) => (count[i] === 0 ? NaN : s / count[i])), dxMax, dxAvg };
  }

  for (const special of [false, true]) {
    it(`max/avg pooling and their gradients match float64 over the geometry sweep${special ? ' (NaN, -Infinity, ties)' : ' (ties)'}`, async () => {
      const rng = new Rng(special ? 15 : 14);
      const problems: string[] = [];
      const TOL = { rtol: 1e-6, atol: 1e-7 };
      for (const k of POOL_CASES) {
        const nx = k.n * k.h * k.w * k.c;
        const xv = Array.from({ length: nx }, () => {
          const r = rng.next();
          if (special && r < 0.1) return NaN;
          if (special && r < 0.3) return -Infinity;
          return rng.int(0, 3);
        });
        const attrs: KernelAttrs['maxPool2d'] = { ...geo(k), poolSize: k.k };
        const y = [...convOutShape([k.n, k.h, k.w, k.c], k.k[0], k.k[1], attrs), k.c];
        const dyv = rand(rng, y.reduce((a, b) => a * b, 1));
        const ref = poolRef(k, xv, dyv);
        const xt = eg.tensor(xv, ref.x), dyt = eg.tensor(dyv, ref.y);
        const check = async (what: string, run: () => Tensor, want: ArrayLike<number>) => {
          await poison(want.length);
          for (const m of mismatches(await read(run()), want, TOL)) problems.push(`${k.name}: ${what} ${m}`);
        };
        await check('maxPool2d', () => engine.runKernel('maxPool2d', [xt], attrs)[0], ref.max);
        await check('maxPool2dGrad', () => engine.runKernel('maxPool2dGrad', [xt, dyt], attrs)[0], ref.dxMax);
        await check('avgPool2d', () => engine.runKernel('avgPool2d', [xt], attrs)[0], ref.avg);
        await check('avgPool2dGrad', () => engine.runKernel('avgPool2dGrad', [dyt], { ...attrs, inShape: ref.x })[0], ref.dxAvg);
        xt.dispose(); dyt.dispose();
      }
      expect(problems).toEqual([]);
    });
  }

  it('the wholly padded windows are there: max -Infinity and avg NaN at the corners', async () => {
    const attrs: KernelAttrs['maxPool2d'] = { strides: [1, 1], dilations: [1, 1], pads: [2, 2, 2, 2], poolSize: [2, 2] };
    const x = eg.tensor([1, 2, 3, 4], [1, 2, 2, 1]);
    const max = await read(engine.runKernel('maxPool2d', [x], attrs)[0]);
    const avg = await read(engine.runKernel('avgPool2d', [x], attrs)[0]);
    x.dispose();
    expect(max.length).toBe(25);
    // output (0, 0) covers rows and columns -2..-1; (1, 1) reaches x[0, 0]; (2, 2) covers all of x
    expect([max[0], max[6], max[12]]).toEqual([-Infinity, 1, 4]);
    expect(Number.isNaN(avg[0])).toBe(true);
    expect([avg[6], avg[12]]).toEqual([1, 2.5]);
  });

  it('batch 0: conv2d and pooling give empty outputs, dx is empty and dw zeros', async () => {
    const g: Conv2dGeometry = { strides: [1, 1], dilations: [1, 1], pads: [1, 1, 1, 1] };
    const x = eg.zeros([0, 5, 5, 3]), f = eg.ones([3, 3, 3, 4]), dy = eg.zeros([0, 5, 5, 4]);
    for (const [path, p] of PATHS) {
      setConvPath(p);
      await poison(108);
      const y = engine.runKernel('conv2d', [x, f], { ...g, groups: 1, activation: 'relu' })[0];
      const dx = engine.runKernel('conv2dBackpropInput', [dy, f], { ...g, groups: 1, inShape: [0, 5, 5, 3] })[0];
      const dw = engine.runKernel('conv2dBackpropFilter', [x, dy], { ...g, groups: 1, filterShape: [3, 3, 3, 4] })[0];
      expect([y.shape, dx.shape], path).toEqual([[0, 5, 5, 4], [0, 5, 5, 3]]);
      expect(Array.from(await read(dw)), path).toEqual(new Array(108).fill(0));
      y.dispose(); dx.dispose();
    }
    setConvPath(null);
    const mp = engine.runKernel('maxPool2d', [x], { ...g, poolSize: [2, 2] })[0];
    expect(mp.shape).toEqual([0, 6, 6, 3]);
    expect((await read(mp)).length).toBe(0);
    for (const t of [x, f, dy]) t.dispose();
  });
});
