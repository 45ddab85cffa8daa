// Each layer's gradients (inputs and weights) against central finite differences in float64
// (recipe and tolerances: tests/util/gradcheck.ts), plus layer shapes, configs and errors.
//
// Tolerances: float64 analytic vs differences |g - fd| <= 1e-6*|fd| + 1e-7*max(1, max|fd|);
// float32 backends vs the float64 differences |g - fd| <= 2e-3*|fd| + 1e-4*max(1, max|fd|).
import { describe, expect, it } from 'vitest';
import * as eg from '../src/index.js';
import { testBackends, use, values } from './util/backends.js';
import { type GradFn, type GradInput, checkGradients, inputOf } from './util/gradcheck.js';
import { Rng } from './util/ref.js';

type Tensor = ReturnType<typeof eg.tensor>;

/** Runs `layer` on x with its weights replaced by the given tensors (so gradients reach them). */
function withWeights(make: () => eg.Layer, inputShape: number[], opts: { training?: boolean } = {}): GradFn {
  return (x: Tensor, ...ws: Tensor[]) => {
    const layer = make();
    layer.build(inputShape);
    layer.weights.forEach((w, i) => w.assign(ws[i]));
    // Route the weights through the graph: the layer reads its variables, whose values are ws.
    const shadow = layer.weights.slice();
    layer.weights.length = 0;
    (layer as unknown as { weights: Tensor[] }).weights.push(...ws);
    for (const [k, v] of Object.entries(layer)) {
      const i = shadow.indexOf(v as never);
      if (i >= 0) (layer as unknown as Record<string, unknown>)[k] = ws[i];
    }
    const y = layer.call(x, { training: opts.training });
    for (const s of shadow) s.dispose();
    return y;
  };
}

interface Case { name: string; f: GradFn; inputs: GradInput[] }
const rng = new Rng(11);
const awayFrom0 = (r: Rng) => r.awayFromZero(0.1, 2);
const CASES: Case[] = [
  ...(['linear', 'relu', 'leakyRelu', 'sigmoid', 'tanh', 'gelu', 'softmax'] as const).map((activation) => ({
    name: `dense ${activation}`,
    f: withWeights(() => eg.layers.dense({ units: 3, activation, seed: 1 }), [4]),
    // Inputs and weights chosen so pre-activations stay away from relu's kink.
    inputs: [inputOf(rng, [2, 4], awayFrom0), inputOf(rng, [4, 3], awayFrom0), inputOf(rng, [3], (r) => r.uniform(0.05, 0.1))],
  })),
  {
    name: 'dense without bias, rank-3 input',
    f: withWeights(() => eg.layers.dense({ units: 2, useBias: false, seed: 1 }), [3, 4]),
    inputs: [inputOf(rng, [2, 3, 4]), inputOf(rng, [4, 2])],
  },
  {
    name: 'layerNormalization',
    f: withWeights(() => eg.layers.layerNormalization({ epsilon: 1e-3 }), [5]),
    inputs: [inputOf(rng, [3, 5]), inputOf(rng, [5], (r) => r.uniform(0.5, 1.5)), inputOf(rng, [5])],
  },
  {
    name: 'embedding (weights only; ids are int32)',
    f: (table: Tensor) => eg.gather(table, eg.tensor([[0, 2], [2, 3]], [2, 2], 'int32'), 0),
    inputs: [inputOf(rng, [4, 3])],
  },
  {
    name: 'dropout (training, fixed seed: a fixed mask)',
    f: (x: Tensor) => eg.layers.dropout({ rate: 0.4, seed: 3 }).apply(x, { training: true }),
    inputs: [inputOf(rng, [4, 6])],
  },
  {
    name: 'flatten',
    f: (x: Tensor) => eg.layers.flatten().apply(x),
    inputs: [inputOf(rng, [2, 3, 2])],
  },
  ...(['relu', 'leakyRelu', 'sigmoid', 'tanh', 'gelu', 'softmax'] as const).map((a) => ({
    name: `activation layer ${a}`,
    f: (x: Tensor) => eg.layers[a]().apply(x),
    inputs: [inputOf(rng, [3, 4], awayFrom0)],
  })),
];

describe.each(testBackends())('layer gradients vs finite differences ($label)', (cfg) => {
  it.each(CASES)('$name', async ({ f, inputs }) => {
    expect(await checkGradients(f, inputs, cfg)).toEqual([]);
  });
});

describe('embedding layer gradient through the layer itself', () => {
  it('matches scatter-added rows', async () => {
    await use(testBackends()[0]);
    const layer = eg.layers.embedding({ inputDim: 4, outputDim: 2, seed: 1 });
    const ids = eg.tensor([[1, 1], [3, 0]], [2, 2], 'int32');
    layer.apply(ids).dispose();
    const { grads, value } = eg.valueAndGrads(() => eg.sum(layer.apply(ids)), [layer.weights[0]]);
    expect(Array.from(await values(grads[0]))).toEqual([1, 1, 2, 2, 0, 0, 1, 1]);
    value.dispose(); grads[0].dispose(); ids.dispose(); layer.dispose();
  });
});

describe('layers: shapes, configs, errors', () => {
  it('dense builds [in, units] kernels with seeded initialisers, identical for one seed', async () => {
    await use(testBackends()[0]);
    const a = eg.layers.dense({ units: 5, seed: 9, kernelInitializer: 'heNormal' });
    const b = eg.layers.dense({ units: 5, seed: 9, kernelInitializer: 'heNormal' });
    const x = eg.ones([2, 3]);
    expect(a.apply(x).shape).toEqual([2, 5]);
    b.apply(x);
    expect(a.weights.map((w) => w.shape)).toEqual([[3, 5], [5]]);
    expect(Array.from(await values(a.weights[0]))).toEqual(Array.from(await values(b.weights[0])));
    expect(a.countParams()).toBe(20);
    x.dispose(); a.dispose(); b.dispose();
  });

  it('glorotUniform stays within its limit', async () => {
    const l = eg.layers.dense({ units: 50, seed: 1, inputShape: [30] });
    l.build([30]);
    const lim = Math.sqrt(6 / 80);
    expect(Math.max(...Array.from(await values(l.weights[0]), Math.abs))).toBeLessThanOrEqual(lim);
    l.dispose();
  });

  it('dropout is the identity outside training and keeps the mean in training', async () => {
    const d = eg.layers.dropout({ rate: 0.5, seed: 1 });
    const x = eg.ones([100, 100]);
    expect(d.apply(x)).toBe(x);
    const y = d.apply(x, { training: true });
    const v = await values(y);
    const zeros = v.filter((e) => e === 0).length;
    expect(zeros / v.length).toBeGreaterThan(0.45);
    expect(zeros / v.length).toBeLessThan(0.55);
    expect(new Set(v)).toEqual(new Set([0, 2]));
    x.dispose(); y.dispose();
  });

  it('layerNormalization normalises the last axis', async () => {
    const l = eg.layers.layerNormalization({ epsilon: 1e-6 });
    const x = eg.tensor([[1, 2, 3, 4], [10, 10, 20, 20]]);
    const out = l.apply(x);
    const y = await values(out);
    const m = (y[0] + y[1] + y[2] + y[3]) / 4;
    expect(Math.abs(m)).toBeLessThan(1e-5);
    expect(y[4]).toBeCloseTo(-1, 4);
    x.dispose(); out.dispose(); l.dispose();
  });

  it('refuses bad options with messages that say what is wrong', () => {
    expect(() => eg.layers.dense({ units: 0 })).toThrow(/units must be a positive integer/);
    expect(() => eg.layers.dense({ units: 3, activation: 'swish' as never })).toThrow(/unknown activation "swish"/);
    expect(() => eg.layers.dense({ units: 3, kernelInitializer: 'xavier' as never })).toThrow(/unknown initializer "xavier"/);
    expect(() => eg.layers.dropout({ rate: 1 })).toThrow(/rate must be a number in \[0, 1\)/);
    expect(() => eg.layers.embedding({ inputDim: 0, outputDim: 2 })).toThrow(/inputDim/);
    expect(() => eg.layers.dense({ units: 2, inputShape: [0] })).toThrow(/inputShape must be an array of positive integers/);
  });

  it('a built layer refuses inputs of another shape', () => {
    const l = eg.layers.dense({ units: 2, inputShape: [3] });
    const x = eg.ones([1, 3]);
    l.apply(x).dispose();
    const bad = eg.ones([1, 4]);
    expect(() => l.apply(bad)).toThrow(/expected input of shape \(None, 3\), got \[1,4\]/);
    x.dispose(); bad.dispose(); l.dispose();
  });

  it('embedding refuses float ids and out-of-range ids', () => {
    const l = eg.layers.embedding({ inputDim: 3, outputDim: 2 });
    const f = eg.tensor([[0, 1]]);
    expect(() => l.apply(f)).toThrow(/ids must be int32/);
    const ids = eg.tensor([[0, 3]], [1, 2], 'int32');
    expect(() => l.apply(ids)).toThrow(/embedding .*: id 3 .* out of range: inputDim is 3/);
    f.dispose(); ids.dispose(); l.dispose();
  });
});
