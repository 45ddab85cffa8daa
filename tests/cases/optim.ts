// The optim family (the in-place updates sgdUpdate, adamUpdate, rmspropUpdate, adagradUpdate) as
// the optimizers drive them: a float64 reference of each Keras update step, the variants
// tests/optimizers.test.ts checks, and one conformance case per variant (5 steps on 37 elements:
// SIMD body and tail) for every backend (the model: tests/cases/case.ts). The updates are not
// differentiated; bench/train.ts times them inside fit.
import * as eg from '../../src/index.js';
import { nd } from '../util/ref.js';
import { type Case, type FamilyCases, type Tensor, inst } from './case.js';

/** Deterministic values in [-2, 2), with a few exact zeros. */
export function data(n: number, seed: number): number[] {
  let s = seed >>> 0 || 1;
  return Array.from({ length: n }, (_, i) => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return i % 7 === 3 ? 0 : (s / 2 ** 32) * 4 - 2;
  });
}

export interface RefState { p: number[]; slots: number[][] }
export type RefStep = (s: RefState, g: number[], lr: number, t: number) => void;

const decay = (p: number[], d: number) => { for (let i = 0; i < p.length; i++) p[i] -= p[i] * d; };

export function refSgd(momentum: number, nesterov: boolean, wd: number): RefStep {
  return ({ p, slots }, g, lr) => {
    decay(p, lr * wd);
    for (let i = 0; i < p.length; i++) {
      if (momentum === 0) { p[i] -= lr * g[i]; continue; }
      const v = slots[0];
      v[i] = momentum * v[i] - lr * g[i];
      p[i] += nesterov ? momentum * v[i] - lr * g[i] : v[i];
    }
  };
}

export function refAdam(b1: number, b2: number, eps: number, wd: number): RefStep {
  return ({ p, slots: [m, v] }, g, lr, t) => {
    decay(p, lr * wd);
    const alpha = (lr * Math.sqrt(1 - b2 ** t)) / (1 - b1 ** t);
    for (let i = 0; i < p.length; i++) {
      m[i] += (g[i] - m[i]) * (1 - b1);
      v[i] += (g[i] ** 2 - v[i]) * (1 - b2);
      p[i] -= (m[i] * alpha) / (Math.sqrt(v[i]) + eps);
    }
  };
}

export function refRmsprop(rho: number, momentum: number, eps: number, centered: boolean): RefStep {
  return ({ p, slots }, g, lr) => {
    const [ms] = slots;
    const mom = momentum > 0 ? slots[1] : null, mg = centered ? slots[momentum > 0 ? 2 : 1] : null;
    for (let i = 0; i < p.length; i++) {
      ms[i] = rho * ms[i] + (1 - rho) * g[i] ** 2;
      let den = ms[i] + eps;
      if (mg) { mg[i] = rho * mg[i] + (1 - rho) * g[i]; den = ms[i] - mg[i] ** 2 + eps; }
      const inc = (lr * g[i]) / Math.sqrt(den);
      if (mom) { mom[i] = momentum * mom[i] + inc; p[i] -= mom[i]; } else p[i] -= inc;
    }
  };
}

export function refAdagrad(eps: number): RefStep {
  return ({ p, slots: [a] }, g, lr) => {
    for (let i = 0; i < p.length; i++) {
      a[i] += g[i] ** 2;
      p[i] -= (lr * g[i]) / Math.sqrt(a[i] + eps);
    }
  };
}

export interface Variant {
  label: string;
  make: () => eg.Optimizer;
  ref: RefStep;
  slots: number;
  slotInit?: number;
  lr: number;
}

export const VARIANTS: Variant[] = [
  { label: 'sgd', make: () => eg.optimizers.sgd({ learningRate: 0.1 }), ref: refSgd(0, false, 0), slots: 0, lr: 0.1 },
  { label: 'sgd momentum', make: () => eg.optimizers.sgd({ learningRate: 0.1, momentum: 0.9 }), ref: refSgd(0.9, false, 0), slots: 1, lr: 0.1 },
  { label: 'sgd nesterov', make: () => eg.optimizers.sgd({ learningRate: 0.1, momentum: 0.9, nesterov: true }), ref: refSgd(0.9, true, 0), slots: 1, lr: 0.1 },
  { label: 'sgd weight decay', make: () => eg.optimizers.sgd({ learningRate: 0.1, momentum: 0.5, weightDecay: 0.2 }), ref: refSgd(0.5, false, 0.2), slots: 1, lr: 0.1 },
  { label: 'adam', make: () => eg.optimizers.adam({ learningRate: 0.01 }), ref: refAdam(0.9, 0.999, 1e-7, 0), slots: 2, lr: 0.01 },
  { label: 'adam betas', make: () => eg.optimizers.adam({ learningRate: 0.05, beta1: 0.8, beta2: 0.99, epsilon: 1e-3 }), ref: refAdam(0.8, 0.99, 1e-3, 0), slots: 2, lr: 0.05 },
  { label: 'adamw', make: () => eg.optimizers.adamw({ learningRate: 0.01, weightDecay: 0.1 }), ref: refAdam(0.9, 0.999, 1e-7, 0.1), slots: 2, lr: 0.01 },
  { label: 'rmsprop', make: () => eg.optimizers.rmsprop({ learningRate: 0.01 }), ref: refRmsprop(0.9, 0, 1e-7, false), slots: 1, lr: 0.01 },
  { label: 'rmsprop momentum', make: () => eg.optimizers.rmsprop({ learningRate: 0.01, momentum: 0.5 }), ref: refRmsprop(0.9, 0.5, 1e-7, false), slots: 2, lr: 0.01 },
  { label: 'rmsprop centered', make: () => eg.optimizers.rmsprop({ learningRate: 0.01, centered: true, rho: 0.8 }), ref: refRmsprop(0.8, 0, 1e-7, true), slots: 2, lr: 0.01 },
  { label: 'rmsprop centered momentum', make: () => eg.optimizers.rmsprop({ learningRate: 0.01, centered: true, momentum: 0.9 }), ref: refRmsprop(0.9, 0.9, 1e-7, true), slots: 3, lr: 0.01 },
  { label: 'adagrad', make: () => eg.optimizers.adagrad({ learningRate: 0.1 }), ref: refAdagrad(1e-7), slots: 1, slotInit: 0.1, lr: 0.1 },
];

/** The float64 reference: `steps` updates of `variant` from data(n, 1) with gradients data(n, 100 + t). */
export function refSteps(variant: Variant, n: number, steps: number): number[] {
  const s: RefState = { p: data(n, 1), slots: Array.from({ length: variant.slots }, () => new Array(n).fill(variant.slotInit ?? 0)) };
  for (let t = 0; t < steps; t++) variant.ref(s, data(n, 100 + t), variant.lr, t + 1);
  return s.p;
}

/** Runs `steps` updates on a variable made from p with the gradients gs; returns the variable. */
function updates(make: () => eg.Optimizer) {
  return (p: Tensor, ...gs: Tensor[]): Tensor => {
    const opt = make();
    const v = eg.variable(p);
    for (const g of gs) opt.apply([v], [g]);
    opt.dispose();
    return v;
  };
}

const N = 37, STEPS = 5;
const f32 = (xs: number[]) => xs.map(Math.fround);
const cases: Case[] = VARIANTS.map((variant) => ({
  name: `optimizer ${variant.label}`, tol: 'optim',
  instances: [inst(`${STEPS} steps, ${N} elements`, [nd([N], f32(data(N, 1))), ...Array.from({ length: STEPS }, (_, t) => nd([N], f32(data(N, 100 + t))))],
    updates(variant.make), (p, ...gs) => {
      const s: RefState = { p: Array.from(p.data), slots: Array.from({ length: variant.slots }, () => new Array(N).fill(variant.slotInit ?? 0)) };
      gs.forEach((g, t) => variant.ref(s, Array.from(g.data), variant.lr, t + 1));
      return nd([N], s.p);
    })],
}));

export const optim: FamilyCases<null> = { family: 'optim', cases, bench: null };
