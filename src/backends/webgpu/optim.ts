// In-place optimizer updates (sgd, adam, rmsprop, adagrad; family 'optim', as assembly/optim.ts) as elementwise programs over
// [param, ...slots, grad], same formulas and order as js.ts. Key `opt/<name>/<flags>`.
import { type KernelAttrs, adamStepSize, sizeOf } from '../../kernels.js';
import { ENTRY_1D, PARAMS, flatIndex, f32bits } from './wgsl.js';
import { type Ctx, type Info, WG } from './ctx.js';

/** A program over targets T0..Tn-1 (read_write) and the gradient G; p(0) = n, hyper-parameters from p(1). */
function program(name: string, targets: number, body: string) {
  return {
    key: `opt/${name}`,
    code: () => `${PARAMS}${flatIndex(WG)}
${Array.from({ length: targets }, (_, k) => `@group(0) @binding(${k + 1}) var<storage, read_write> T${k}: array<f32>;`).join('\n')}
@group(0) @binding(${targets + 1}) var<storage, read> G: array<f32>;
${ENTRY_1D(WG)} {
  let i = flat(gid, nwg);
  if (i >= p(0)) { return; }
  let g = G[i];
  var w = T0[i];
  w -= w * pf(1u);
  ${body}
  T0[i] = w;
}`,
  };
}

// p(1) = lr * weightDecay for every program.
const SGD = program('sgd', 1, 'w -= pf(2u) * g;');
const SGD_MOM = (nesterov: boolean) => program(`sgd-momentum/${nesterov ? 'nesterov' : 'plain'}`, 2, `
  let v = pf(3u) * T1[i] - pf(2u) * g;
  T1[i] = v;
  w += ${nesterov ? 'pf(3u) * v - pf(2u) * g' : 'v'};`);
const ADAM = program('adam', 3, `
  let m = T1[i] + (g - T1[i]) * pf(3u);
  let v = T2[i] + (g * g - T2[i]) * pf(4u);
  T1[i] = m; T2[i] = v;
  w -= (m * pf(2u)) / (sqrt(v) + pf(5u));`);
const RMSPROP = (mom: boolean, centered: boolean) => program(`rmsprop/${+mom}${+centered}`, 2 + +mom + +centered, `
  let ms = pf(2u) * T1[i] + pf(3u) * g * g;
  T1[i] = ms;
  var den = ms + pf(4u);
  ${centered ? `let mg = pf(2u) * T${mom ? 3 : 2}[i] + pf(3u) * g;
  T${mom ? 3 : 2}[i] = mg;
  den = ms - mg * mg + pf(4u);` : ''}
  let inc = (pf(5u) * g) / sqrt(den);
  ${mom ? 'let mo = pf(6u) * T2[i] + inc; T2[i] = mo; w -= mo;' : 'w -= inc;'}`);
const ADAGRAD = program('adagrad', 2, `
  let a = T1[i] + g * g;
  T1[i] = a;
  w -= (pf(2u) * g) / sqrt(a + pf(3u));`);

function run(ctx: Ctx, prog: { key: string; code: () => string }, ts: readonly Info[], hyper: number[]): void {
  const n = sizeOf(ts[0].shape);
  if (n > 0) {
    ctx.rt.run({ program: prog, buffers: ts.map((t) => t.buf.buffer), params: [n, ...hyper.map(f32bits)], groups: ctx.groups(n) });
  }
}

type Ts = readonly Info[];

export function optimizerKernels(ctx: Ctx) {
  return {
    sgdUpdate: (ts: Ts, _: Ts, a: KernelAttrs['sgdUpdate']) => (a.momentum === 0
      ? run(ctx, SGD, ts, [a.lr * a.weightDecay, a.lr])
      : run(ctx, SGD_MOM(a.nesterov), ts, [a.lr * a.weightDecay, a.lr, a.momentum])),
    adamUpdate: (ts: Ts, _: Ts, a: KernelAttrs['adamUpdate']) =>
      run(ctx, ADAM, ts, [a.lr * a.weightDecay, adamStepSize(a), 1 - a.beta1, 1 - a.beta2, a.epsilon]),
    rmspropUpdate: (ts: Ts, _: Ts, a: KernelAttrs['rmspropUpdate']) =>
      run(ctx, RMSPROP(a.momentum > 0, a.centered), ts, [a.lr * a.weightDecay, a.rho, 1 - a.rho, a.epsilon, a.lr, a.momentum]),
    adagradUpdate: (ts: Ts, _: Ts, a: KernelAttrs['adagradUpdate']) => run(ctx, ADAGRAD, ts, [a.lr * a.weightDecay, a.lr, a.epsilon]),
  };
}
