// Convolution, pooling and batch-norm beyond their op cases (those, with their float64 loops and
// gradient checks, are the conv family's case list: tests/cases/conv.ts): leaks, bad input, and the
// layers (shapes, gradients, save/load, a small CNN on MNIST). A backend that still lists a kernel
// as unsupported skips the cases that need it, saying so, and runs them once the kernel is implemented.
import { beforeAll, describe, expect, it } from 'vitest';
import * as eg from '../src/index.js';
import { JS_UNSUPPORTED } from '../src/backends/js.js';
import { conv2dMaxPool } from '../src/ops/conv.js';
import type { KernelName } from '../src/kernels.js';
import { JS_F64, testBackends, use, values, type BackendConfig, undisposed } from './util/backends.js';
import { hashName } from './util/cases.js';
import { kernelsOf } from './util/kernels.js';
import { referenceCnn } from './util/models.js';
import { type GradFn, checkGradients, inputOf } from './util/gradcheck.js';
import { Rng } from './util/ref.js';

type Tensor = ReturnType<typeof eg.tensor>;

const UNSUPPORTED: Record<string, readonly string[]> = {
  js: JS_UNSUPPORTED,
  wasm: (await import('../src/backends/wasm.js')).WASM_UNSUPPORTED,
  webgpu: (await import('../src/backends/webgpu/index.js')).WEBGPU_UNSUPPORTED,
};
/** The kernels of `needs` that backend `cfg` does not implement yet. */
const lacking = (cfg: BackendConfig, needs: readonly KernelName[]) => needs.filter((k) => UNSUPPORTED[cfg.backend]?.includes(k));

/**
 * `it` for a case that needs `kernels`: skipped, saying which and why, on a backend that still lists
 * one as unsupported (so it runs by itself once the kernel lands there).
 */
function itNeeds(cfg: BackendConfig, kernels: readonly KernelName[], name: string, fn: () => Promise<void> | void, timeout?: number): void {
  const missing = lacking(cfg, kernels);
  it.skipIf(missing.length > 0)(`${name}${missing.length ? ` (skipped: ${cfg.label} does not implement ${missing.join(', ')} yet)` : ''}`, fn, timeout);
}

const CONFIGS = [JS_F64, ...testBackends()];
const rand = (name: string) => new Rng(hashName(name));
const CONV_ALL: KernelName[] = ['conv2d', 'conv2dBackpropInput', 'conv2dBackpropFilter'];

for (const cfg of CONFIGS) {
  describe(`conv ops on ${cfg.label}: no tensor left behind`, () => {
    beforeAll(() => use(cfg));

    itNeeds(cfg, ['conv2d', 'conv2dBackpropInput', 'conv2dBackpropFilter', 'maxPool2d', 'maxPool2dGrad'], 'the ops and their gradients leave no tensor behind', async () => {
      const x = eg.randn([2, 5, 5, 4], { seed: 1 }), w = eg.variable(eg.randn([3, 3, 2, 4], { seed: 2 })), b = eg.variable(eg.zeros([4]));
      const x3 = eg.reshape(x, [10, 5, 4]), dw = eg.randn([3, 3, 4, 2], { seed: 3 }), tw = eg.randn([2, 2, 3, 4], { seed: 4 });
      const before = undisposed();
      const outs = [
        eg.conv2d(x3, w, { groups: 2, bias: b, activation: 'gelu' }), eg.depthwiseConv2d(x, dw, { padding: 'same' }),
        eg.conv2dTranspose(x3, tw, undefined, { strides: 2 }), eg.maxPool2d(x3), eg.avgPool2d(x, { padding: 'same' }),
        conv2dMaxPool(x3, w, { groups: 2, bias: b }, { poolSize: 2 }),
      ];
      expect(undisposed()).toBe(before + outs.length);
      const { value, grads } = eg.valueAndGrads(() => eg.sum(eg.maxPool2d(eg.conv2d(x, w, { padding: 'same', groups: 2, bias: b, activation: 'relu' }))), [w, b]);
      expect(grads.map((g) => g.shape)).toEqual([[3, 3, 2, 4], [4]]);
      // conv2dMaxPool under a tape runs the pair (its kernel has no gradient): the same gradients, nothing left behind
      const fused = eg.valueAndGrads(() => eg.sum(conv2dMaxPool(x, w, { padding: 'same', groups: 2, bias: b, activation: 'relu' }, {})), [w, b]);
      expect(Array.from(await values(fused.value))).toEqual(Array.from(await values(value)));
      for (let i = 0; i < 2; i++) expect(Array.from(await values(fused.grads[i]))).toEqual(Array.from(await values(grads[i])));
      for (const t of [fused.value, ...fused.grads]) t.dispose();
      for (const t of [value, ...grads, ...outs]) t.dispose();
      expect(undisposed()).toBe(before);
      for (const t of [x, x3, dw, tw, w, b]) t.dispose();
    });
  });
}

// ------------------------------------------------------------------ bad input

describe('conv ops refuse bad input before any kernel runs, naming op and argument', () => {
  beforeAll(() => use(JS_F64));
  const x = () => eg.zeros([1, 5, 5, 4]);
  const w = (shape = [3, 3, 4, 2]) => eg.zeros(shape);
  const cases: [string, () => unknown, RegExp][] = [
    ['rank-2 x', () => eg.conv2d(eg.zeros([5, 4]), w()), /conv2d: 'x' must be rank 4 .* got shape \[5,4\]/],
    ['rank-3 filter', () => eg.conv2d(x(), eg.zeros([3, 3, 4])), /conv2d: 'filter' must be rank 4/],
    ['channel mismatch', () => eg.conv2d(x(), w([3, 3, 3, 2])), /conv2d: channel mismatch: x has 4 channels .* takes 3/],
    ['groups that do not divide the channels', () => eg.conv2d(x(), w([3, 3, 2, 2]), { groups: 3 }), /conv2d: groups 3 must divide the input channels 4/],
    ['groups that do not divide the output channels', () => eg.conv2d(x(), w([3, 3, 2, 3]), { groups: 2 }), /conv2d: groups 2 must divide .* output channels 3/],
    ['groups 0', () => eg.conv2d(x(), w(), { groups: 0 }), /conv2d: groups must be a positive integer, got 0/],
    ['kernel larger than the padded input', () => eg.conv2d(x(), w([7, 3, 4, 2])), /conv2d: the window 7x3 .* larger than the padded input 5x5 .* empty/],
    ['dilated kernel larger than the input', () => eg.conv2d(x(), w(), { dilations: 3 }), /conv2d: the window 3x3 \(dilations 3x3\) is larger/],
    ['non-integer strides', () => eg.conv2d(x(), w(), { strides: 1.5 }), /conv2d: strides must be a positive integer or a pair of them, got 1.5/],
    ['zero strides', () => eg.conv2d(x(), w(), { strides: [1, 0] }), /conv2d: strides must be .* got \[1,0\]/],
    ['negative dilations', () => eg.conv2d(x(), w(), { dilations: -1 }), /conv2d: dilations must be a positive integer/],
    ['bad padding string', () => eg.conv2d(x(), w(), { padding: 'full' as never }), /conv2d: padding must be 'valid', 'same' or \[\[top, bottom\], \[left, right\]\]/],
    ['negative explicit pad', () => eg.conv2d(x(), w(), { padding: [[1, -1], [0, 0]] }), /conv2d: padding must be/],
    ['int32 x', () => eg.conv2d(eg.zeros([1, 5, 5, 4], 'int32'), w()), /conv2d: 'x' has dtype int32, expected float32/],
    ['bias of the wrong size', () => eg.conv2d(x(), w(), { bias: eg.zeros([3]) }), /conv2d: bias must have shape \[2\]/],
    ['unknown activation', () => eg.conv2d(x(), w(), { activation: 'swish' as never }), /conv2d: unknown activation 'swish'/],
    ['depthwise rank-2 x', () => eg.depthwiseConv2d(eg.zeros([5, 4]), w([3, 3, 4, 1])), /depthwiseConv2d: 'x' must be rank 4/],
    ['depthwise rank-3 filter', () => eg.depthwiseConv2d(x(), eg.zeros([3, 3, 4])), /depthwiseConv2d: 'filter' must be rank 4 \[kh, kw, channels, multiplier\]/],
    ['depthwise channel mismatch', () => eg.depthwiseConv2d(x(), w([3, 3, 3, 2])), /depthwiseConv2d: the filter's channels .* must equal x's channels 4/],
    ['conv2dTranspose channel mismatch', () => eg.conv2dTranspose(x(), w([3, 3, 2, 3])), /conv2dTranspose: channel mismatch: x has 4 channels .* takes 3/],
    ['conv2dTranspose outputShape that does not fit', () => eg.conv2dTranspose(x(), w([3, 3, 2, 4]), [1, 20, 20, 2]), /conv2dTranspose: outputShape 20x20 does not fit x's 5x5/],
    ['conv2dTranspose outputShape with the wrong channels', () => eg.conv2dTranspose(x(), w([3, 3, 2, 4]), [7, 7, 3]), /conv2dTranspose: outputShape \[7,7,3\] must have 2 channels/],
    ['pool window larger than the input', () => eg.maxPool2d(x(), { poolSize: 6 }), /maxPool2d: the window 6x6 .* larger than the padded input 5x5/],
    ['pool non-integer poolSize', () => eg.avgPool2d(x(), { poolSize: 2.5 }), /avgPool2d: poolSize must be a positive integer/],
    ['pool rank-2 x', () => eg.maxPool2d(eg.zeros([4, 4])), /maxPool2d: 'x' must be rank 4/],
    ['batchNorm mean that does not broadcast', () => eg.batchNorm(x(), eg.zeros([3]), eg.ones([4])), /batchNorm: 'mean' of shape \[3\] must broadcast to x's shape \[1,5,5,4\]/],
    ['batchNorm epsilon 0', () => eg.batchNorm(x(), eg.zeros([4]), eg.ones([4]), null, null, 0), /batchNorm: epsilon must be a positive number/],
    ['batchNormTraining rank-1 x', () => eg.batchNormTraining(eg.zeros([4])), /batchNormTraining: x needs a batch axis and a channel axis \(rank >= 2, channels last\), got shape \[4\]/],
    ['batchNormTraining scale of the wrong size', () => eg.batchNormTraining(x(), null, eg.ones([3])), /batchNormTraining: 'scale' must have shape \[4\] \(x's channels, its last axis\), got \[3\]/],
    ['batchNormTraining int32 x', () => eg.batchNormTraining(eg.zeros([2, 4], 'int32')), /batchNormTraining: 'x' has dtype int32, expected float32/],
    ['batchNormTraining epsilon -1', () => eg.batchNormTraining(x(), null, null, -1), /batchNormTraining: epsilon must be a positive number/],
  ];
  for (const [name, f, re] of cases) {
    it(name, () => {
      const before = undisposed();
      expect(() => eg.tidy(() => { f(); })).toThrow(re);
      expect(undisposed()).toBe(before);
    });
  }
});

// ------------------------------------------------------------------ layers

const L = eg.layers;
const CONV_LAYER_KERNELS: KernelName[] = ['conv2d', 'conv2dBackpropInput', 'conv2dBackpropFilter', 'maxPool2d', 'maxPool2dGrad', 'avgPool2d', 'avgPool2dGrad'];

describe('conv layers: shape inference, symbolic and real', () => {
  beforeAll(() => use(JS_F64));
  const cases: [string, () => eg.Layer, number[], number[]][] = [
    ['conv2d valid', () => L.conv2d({ filters: 4, kernelSize: 3 }), [9, 8, 2], [7, 6, 4]],
    ["conv2d 'same' strides 2", () => L.conv2d({ filters: 3, kernelSize: [3, 2], strides: 2, padding: 'same' }), [9, 8, 2], [5, 4, 3]],
    ['conv2d dilationRate 2, groups 2', () => L.conv2d({ filters: 4, kernelSize: 3, dilationRate: 2, groups: 2 }), [9, 8, 2], [5, 4, 4]],
    ['depthwiseConv2d multiplier 2', () => L.depthwiseConv2d({ kernelSize: 3, depthMultiplier: 2, padding: 'same' }), [5, 6, 3], [5, 6, 6]],
    ["conv2dTranspose 'same' strides 2", () => L.conv2dTranspose({ filters: 2, kernelSize: 3, strides: 2, padding: 'same' }), [4, 5, 3], [8, 10, 2]],
    ['conv2dTranspose valid strides 2 (Keras: in·s + max(k - s, 0))', () => L.conv2dTranspose({ filters: 2, kernelSize: [3, 1], strides: 2 }), [4, 5, 3], [9, 10, 2]],
    ['maxPooling2d default 2x2', () => L.maxPooling2d(), [7, 6, 3], [3, 3, 3]],
    ["averagePooling2d 3x3 strides 1 'same'", () => L.averagePooling2d({ poolSize: 3, strides: 1, padding: 'same' }), [7, 6, 3], [7, 6, 3]],
    ['globalAveragePooling2d', () => L.globalAveragePooling2d(), [7, 6, 3], [3]],
    ['globalMaxPooling2d', () => L.globalMaxPooling2d(), [7, 6, 3], [3]],
    ['zeroPadding2d [[1,2],[0,3]]', () => L.zeroPadding2d({ padding: [[1, 2], [0, 3]] }), [4, 5, 2], [7, 8, 2]],
    ['zeroPadding2d [2, 1]', () => L.zeroPadding2d({ padding: [2, 1] }), [4, 5, 2], [8, 7, 2]],
    ['reshape with -1', () => L.reshape({ targetShape: [-1, 4] }), [2, 3, 4], [6, 4]],
    ['batchNormalization', () => L.batchNormalization(), [4, 5, 3], [4, 5, 3]],
  ];
  for (const [name, make, inShape, outShape] of cases) {
    it(name, () => {
      const sym = make().apply(eg.input({ shape: inShape }));
      expect(sym.shape).toEqual([null, ...outShape]);
      const layer = make();
      const y = layer.apply(eg.randn([2, ...inShape], { seed: 1 }));
      expect(y.shape).toEqual([2, ...outShape]);
      y.dispose();
      layer.dispose();
    });
  }

  it('conv2d and depthwiseConv2d layers compute their ops with their weights; conv2dTranspose adds its bias', () => {
    const x = eg.randn([2, 5, 5, 2], { seed: 2 });
    const c = L.conv2d({ filters: 3, kernelSize: 3, padding: 'same', activation: 'relu', biasInitializer: 'ones', seed: 1 });
    const y = c.apply(x);
    expect(c.weights.map((w) => [w.name, w.shape])).toEqual([[`${c.name}/kernel`, [3, 3, 2, 3]], [`${c.name}/bias`, [3]]]);
    expect(Array.from(y.dataSync())).toEqual(Array.from(eg.conv2d(x, c.kernel!, { padding: 'same', bias: c.bias, activation: 'relu' }).dataSync()));
    const d = L.depthwiseConv2d({ kernelSize: 2, depthMultiplier: 2, activation: 'leakyRelu', seed: 3 });
    const yd = d.apply(x);
    expect(d.weights.map((w) => w.shape)).toEqual([[2, 2, 2, 2], [4]]);
    expect(Array.from(yd.dataSync())).toEqual(Array.from(eg.leakyRelu(eg.depthwiseConv2d(x, d.kernel!, { bias: d.bias }), 0.2).dataSync()));
    const t = L.conv2dTranspose({ filters: 2, kernelSize: 3, strides: 2, useBias: true, biasInitializer: 'ones', seed: 4 });
    const yt = t.apply(x);
    expect(yt.shape).toEqual([2, 11, 11, 2]);
    expect(Array.from(yt.dataSync())).toEqual(Array.from(eg.add(eg.conv2dTranspose(x, t.kernel!, [2, 11, 11, 2], { strides: 2 }), 1).dataSync()));
    for (const l of [c, d, t]) l.dispose();
    eg.tidy(() => undefined);
  });

  it('bad layer arguments are refused, naming layer and argument', () => {
    expect(() => L.conv2d({ filters: 4 } as never)).toThrow(/conv2d 'conv2d_\d+': kernelSize must be a positive integer or a pair of them, got undefined/);
    expect(() => L.conv2d({ filters: 2.5, kernelSize: 3 })).toThrow(/conv2d '.*': filters must be a positive integer, got 2.5/);
    expect(() => L.conv2d({ filters: 4, kernelSize: 3, strides: 0 })).toThrow(/strides must be a positive integer/);
    expect(() => L.conv2d({ filters: 4, kernelSize: 3, groups: 3 })).toThrow(/groups 3 must divide filters 4/);
    expect(() => L.conv2d({ filters: 4, kernelSize: 3, groups: 2 }).apply(eg.input({ shape: [5, 5, 3] }))).toThrow(/groups 2 must divide the input channels 3/);
    expect(() => L.conv2d({ filters: 4, kernelSize: 3, padding: 'full' as never })).toThrow(/padding must be 'valid', 'same'/);
    expect(() => L.conv2d({ filters: 4, kernelSize: 3 }).apply(eg.input({ shape: [16] }))).toThrow(/conv2d '.*': needs images \(batch, height, width, channels\), got per-sample shape \(16,\)/);
    expect(() => L.conv2d({ filters: 4, kernelSize: 6 }).apply(eg.input({ shape: [5, 5, 1] }))).toThrow(/the window 6 .* larger than the padded input 5 along height/);
    expect(() => L.maxPooling2d({ poolSize: 3 }).apply(eg.input({ shape: [2, 2, 1] }))).toThrow(/maxPooling2d '.*': the window 3 .* larger/);
    expect(() => L.reshape({ targetShape: [5, -1] }).apply(eg.input({ shape: [3, 4] }))).toThrow(/reshape '.*': cannot reshape per-sample shape \(3, 4\) \(12 values\) to \(5, -1\)/);
    expect(() => L.reshape({ targetShape: [-1, -1] })).toThrow(/at most one -1/);
    expect(() => L.zeroPadding2d({ padding: -1 })).toThrow(/zeroPadding2d '.*': padding must be a non-negative integer/);
    expect(() => L.batchNormalization({ momentum: 2 })).toThrow(/batchNormalization '.*': momentum must be a number in \[0, 1\]/);
    expect(() => L.batchNormalization({ axis: 3 }).apply(eg.input({ shape: [4] }))).toThrow(/axis 3 is out of range for inputs of rank 2/);
  });
});

/** f(x, ...weights): a fresh layer of `make` whose fields `fields` read the given tensors, so gradients reach them. */
function layerFn(make: () => eg.Layer, sample: number[], fields: string[], training = false): GradFn {
  return (x: Tensor, ...ws: Tensor[]) => {
    const layer = make();
    layer.build(sample);
    const own = layer.weights.slice();
    const slots = layer as unknown as Record<string, Tensor>;
    fields.forEach((f, i) => {
      if (!own.includes(slots[f] as never)) throw new Error(`layerFn: ${layer.className} has no weight field '${f}'`);
      slots[f] = ws[i];
    });
    const y = layer.call(x, { training });
    for (const w of own) w.dispose();
    return y;
  };
}
const LAYER_GRADS: { name: string; needs: KernelName[]; f: GradFn; shapes: number[][] }[] = [
  { name: 'conv2d layer, leakyRelu (activation after the kernel)', needs: CONV_ALL, shapes: [[2, 4, 4, 2], [3, 3, 2, 3], [3]],
    f: layerFn(() => L.conv2d({ filters: 3, kernelSize: 3, padding: 'same', activation: 'leakyRelu', seed: 1 }), [4, 4, 2], ['kernel', 'bias']) },
  { name: 'depthwiseConv2d layer, multiplier 2, strides 2', needs: CONV_ALL, shapes: [[1, 5, 5, 2], [2, 2, 2, 2], [4]],
    f: layerFn(() => L.depthwiseConv2d({ kernelSize: 2, depthMultiplier: 2, strides: 2, seed: 1 }), [5, 5, 2], ['kernel', 'bias']) },
  { name: "conv2dTranspose layer 'same' strides 2, sigmoid", needs: CONV_ALL, shapes: [[1, 3, 2, 2], [3, 3, 3, 2], [3]],
    f: layerFn(() => L.conv2dTranspose({ filters: 3, kernelSize: 3, strides: 2, padding: 'same', activation: 'sigmoid', seed: 1 }), [3, 2, 2], ['kernel', 'bias']) },
  { name: 'batchNormalization layer in training mode, wrt x, gamma, beta', needs: [], shapes: [[3, 2, 2, 3], [3], [3]],
    f: layerFn(() => L.batchNormalization(), [2, 2, 3], ['gamma', 'beta'], true) },
  { name: 'batchNormalization layer in inference mode', needs: [], shapes: [[3, 2, 3], [3], [3]],
    f: layerFn(() => L.batchNormalization({ movingVarianceInitializer: 'ones' }), [2, 3], ['gamma', 'beta']) },
];
for (const cfg of testBackends()) {
  describe(`conv layers' gradients on float64 and ${cfg.label} vs central differences`, () => {
    for (const c of LAYER_GRADS) {
      itNeeds(cfg, c.needs, c.name, async () => {
        const r = rand(c.name);
        expect(await checkGradients(c.f, c.shapes.map((s) => inputOf(r, s)), cfg)).toEqual([]);
      });
    }
  });
}

describe('batchNormalization: training vs inference against hand-computed values', () => {
  beforeAll(() => use(JS_F64));
  it('training normalises with the batch statistics and moves the moving ones; inference uses the moving ones', () => {
    const bn = L.batchNormalization({ momentum: 0.75, epsilon: 0.01, gammaInitializer: 'ones', betaInitializer: 'zeros' });
    const x = eg.tensor([1, 10, 3, 20, 5, 60, 7, 30], [4, 2]);
    const inf0 = Array.from(bn.apply(x).dataSync());
    // fresh: moving mean 0, variance 1 -> x / sqrt(1.01)
    [1, 10, 3, 20, 5, 60, 7, 30].forEach((v, i) => expect(inf0[i]).toBeCloseTo(v / Math.sqrt(1.01), 10));
    bn.gamma!.assign(eg.tensor([2, 0.5]));
    bn.beta!.assign(eg.tensor([1, -1]));
    const y = Array.from(bn.apply(x, { training: true }).dataSync());
    const cols = [[1, 3, 5, 7], [10, 20, 60, 30]];
    const mu = cols.map((c) => c.reduce((a, b) => a + b) / 4);
    const va = cols.map((c, j) => c.reduce((a, b) => a + (b - mu[j]) ** 2, 0) / 4);
    const g = [2, 0.5], b = [1, -1];
    y.forEach((v, i) => { const j = i % 2; expect(v).toBeCloseTo(((cols[j][i >> 1] - mu[j]) / Math.sqrt(va[j] + 0.01)) * g[j] + b[j], 10); });
    const mm = mu.map((m) => 0.25 * m), mv = va.map((v) => 0.75 + 0.25 * v);
    Array.from(bn.movingMean!.dataSync()).forEach((v, j) => expect(v).toBeCloseTo(mm[j], 10));
    Array.from(bn.movingVariance!.dataSync()).forEach((v, j) => expect(v).toBeCloseTo(mv[j], 10));
    const inf = Array.from(bn.apply(x).dataSync());
    inf.forEach((v, i) => { const j = i % 2; expect(v).toBeCloseTo(((cols[j][i >> 1] - mm[j]) / Math.sqrt(mv[j] + 0.01)) * g[j] + b[j], 10); });
    expect(bn.trainableWeights.map((w) => w.name)).toEqual([`${bn.name}/gamma`, `${bn.name}/beta`]);
    expect(bn.nonTrainableWeights.map((w) => w.name)).toEqual([`${bn.name}/movingMean`, `${bn.name}/movingVariance`]);
    bn.dispose(); x.dispose();
  });

  it('axis 1 of NCHW-like input normalises per axis-1 feature', () => {
    const bn = L.batchNormalization({ axis: 1, momentum: 0 });
    const x = eg.randn([3, 2, 4], { seed: 5 });
    const y = bn.apply(x, { training: true });
    const mean = Array.from(eg.mean(y, [0, 2]).dataSync());
    mean.forEach((m) => expect(Math.abs(m)).toBeLessThan(1e-9));
    expect(Array.from(bn.movingMean!.dataSync())).toEqual(Array.from(eg.mean(x, [0, 2]).dataSync()));
    bn.dispose(); x.dispose(); y.dispose();
  });
});

for (const cfg of testBackends()) {
  describe(`a small CNN on ${cfg.label}`, () => {
    beforeAll(() => use(cfg));
    itNeeds(cfg, CONV_LAYER_KERNELS, 'conv2d -> maxPooling2d -> batchNormalization -> flatten -> dense trains on 256 MNIST digits, saves and reloads', async () => {
      const { loadMnist } = await import('../src/data/mnist.js');
      const { train } = await loadMnist({ train: 256, test: 0, seed: 2 });
      const x = eg.tensor(train.images, [train.count, 28, 28, 1]), y = eg.tensor(train.labels, [train.count], 'int32');
      const m = eg.sequential([
        L.conv2d({ filters: 8, kernelSize: 3, activation: 'relu', inputShape: [28, 28, 1], seed: 1 }),
        L.maxPooling2d({ poolSize: 2 }),
        L.batchNormalization(),
        L.flatten(),
        L.dense({ units: 10, activation: 'softmax', seed: 2 }),
      ]);
      const lines: string[] = [];
      m.summary((l) => lines.push(l));
      expect(lines.join('\n')).toMatch(/Conv2D[\s\S]*\(None, 26, 26, 8\)[\s\S]*MaxPooling2D[\s\S]*\(None, 13, 13, 8\)[\s\S]*BatchNormalization[\s\S]*Dense/);
      m.compile({ optimizer: eg.optimizers.adam({ learningRate: 3e-3 }), loss: 'sparseCategoricalCrossentropy', metrics: ['accuracy'] });
      const h = await m.fit(x, y, { epochs: 3, batchSize: 32, verbose: 0, seed: 1 });
      const loss = h.history.loss;
      expect(loss[2]).toBeLessThan(loss[0] * 0.7);
      const bn = m.layers.find((l) => l.className === 'BatchNormalization') as eg.BatchNormalization;
      const moving = await values(bn.movingMean!);
      expect(Array.from(moving).some((v) => v !== 0)).toBe(true);
      const back = await eg.loadModel(await m.toArtifacts());
      expect(back.layers.map((l) => l.className)).toEqual(m.layers.map((l) => l.className));
      const bnBack = back.layers.find((l) => l.className === 'BatchNormalization') as eg.BatchNormalization;
      expect(Array.from(await values(bnBack.movingMean!))).toEqual(Array.from(moving));
      expect(Array.from(await values(bnBack.movingVariance!))).toEqual(Array.from(await values(bn.movingVariance!)));
      const xs = eg.slice(x, [0, 0, 0, 0], [64, -1, -1, -1]);
      expect(Array.from(await values(back.predict(xs)))).toEqual(Array.from(await values(m.predict(xs))));
      for (const t of [x, y, xs]) t.dispose();
      m.dispose(); back.dispose();
    }, 120_000);

    itNeeds(cfg, CONV_LAYER_KERNELS, 'a graph model with every image layer trains, saves and loads with identical predictions', async () => {
      const inp = eg.input({ shape: [8, 8, 2] });
      let h = L.zeroPadding2d({ padding: 1 }).apply(inp);
      h = L.conv2d({ filters: 4, kernelSize: 3, strides: 2, padding: 'same', activation: 'tanh', seed: 1 }).apply(h);
      h = L.depthwiseConv2d({ kernelSize: 3, depthMultiplier: 2, padding: 'same', seed: 2 }).apply(h);
      h = L.batchNormalization({ momentum: 0.5 }).apply(h);
      const up = L.conv2dTranspose({ filters: 2, kernelSize: 2, strides: 2, activation: 'relu', seed: 3 }).apply(h);
      const a = L.globalAveragePooling2d().apply(L.averagePooling2d({ poolSize: 2 }).apply(up));
      const b = L.globalMaxPooling2d().apply(L.maxPooling2d({ poolSize: 3, strides: 2, padding: 'same' }).apply(up));
      const r = L.reshape({ targetShape: [2, 2] }).apply(L.concatenate().apply([a, b]));
      const m = eg.model({ inputs: inp, outputs: L.flatten().apply(r) });
      expect(m.outputs[0].shape).toEqual([null, 4]);
      const x = eg.randn([3, 8, 8, 2], { seed: 4 });
      m.compile({ optimizer: 'sgd', loss: 'meanSquaredError' });
      await m.fit(x, eg.zeros([3, 4]), { epochs: 1, batchSize: 3, verbose: 0 });
      const back = await eg.loadModel(await m.toArtifacts());
      expect(Array.from(await values(back.predict(x)))).toEqual(Array.from(await values(m.predict(x))));
      x.dispose(); m.dispose(); back.dispose();
    });
  });
}

// ---- conv2d -> maxPooling2d fused for inference (Layer.fusesWith, the conv2dMaxPool kernel) ------

for (const cfg of CONFIGS) {
  describe(`conv2d -> maxPooling2d fused in inference on ${cfg.label}`, () => {
    beforeAll(() => use(cfg));

    /** predict (compile on and off) fused and unfused: the same values, and whether conv2dMaxPool ran. */
    async function same(m: eg.Model, x: Tensor, fuses: boolean): Promise<void> {
      for (const compile of [true, false]) {
        const run = async (fuse: boolean): Promise<[number[], Map<string, number>]> => {
          m.fuseInference = fuse;
          let out: number[] = [];
          const ran = await kernelsOf(async () => {
            const y = m.predict(x, { compile });
            out = Array.from(await values(y));
            y.dispose();
          });
          return [out, ran];
        };
        const [want, plain] = await run(false);
        const [got, fused] = await run(true);
        expect(plain.has('conv2dMaxPool')).toBe(false);
        expect(fused.has('conv2dMaxPool')).toBe(fuses);
        // the same bit for bit: the fused kernel computes each image's conv and pool as the pair does
        expect(got).toEqual(want);
      }
    }

    it('the reference CNN: predict at batch 1 and 37, compile on and off, and evaluate; fit runs the pair', async () => {
      const m = referenceCnn();
      m.compile({ optimizer: 'sgd', loss: 'sparseCategoricalCrossentropy', metrics: ['accuracy'] });
      for (const n of [1, 37]) {
        const x = eg.randn([n, 28, 28, 1], { seed: n });
        await same(m, x, true);
        x.dispose();
      }
      const x = eg.randn([12, 28, 28, 1], { seed: 5 }), y = eg.tensor([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1], [12], 'int32');
      m.fuseInference = false;
      const want = await m.evaluate(x, y, { batchSize: 5 });
      m.fuseInference = true;
      let got: unknown;
      expect((await kernelsOf(async () => { got = await m.evaluate(x, y, { batchSize: 5 }); })).has('conv2dMaxPool')).toBe(true);
      expect(got).toEqual(want);
      const fit = await kernelsOf(() => m.fit(x, y, { epochs: 1, batchSize: 6, verbose: 0 }));
      expect(fit.has('conv2dMaxPool')).toBe(false);
      expect(fit.has('conv2dBackpropFilter') && fit.has('maxPool2dGrad')).toBe(true);
      // a gradient through the model in inference mode takes the pair too (the tape needs the conv output)
      const v = eg.variable(eg.slice(x, [0, 0, 0, 0], [2, -1, -1, -1]));
      const g = await kernelsOf(() => { const { value, grads } = eg.valueAndGrads(() => eg.sum(m.apply(v) as Tensor), [v]); eg.dispose([value, ...grads]); });
      expect(g.has('conv2dMaxPool')).toBe(false);
      expect(g.has('maxPool2dGrad')).toBe(true);
      eg.dispose([x, y, v]);
      m.dispose();
    }, 60_000);

    it("odd sizes, 'same' padding, no bias, linear, groups, 3x3/2 and 'same' pools; saved and reloaded", async () => {
      const m = eg.sequential([
        L.conv2d({ filters: 4, kernelSize: 3, inputShape: [9, 9, 3], seed: 1 }), // 7x7: the 2x2 pool drops a row and a column
        L.maxPooling2d({ poolSize: 2 }),
        L.conv2d({ filters: 8, kernelSize: 3, padding: 'same', useBias: false, activation: 'linear', groups: 2, seed: 2 }),
        L.maxPooling2d({ poolSize: 3, strides: 2, padding: 'same' }),
        L.conv2d({ filters: 6, kernelSize: 1, activation: 'tanh', seed: 3 }), // O = 6: not the direct path
        L.maxPooling2d({ poolSize: 2, padding: 'same' }),
        L.flatten(),
      ]);
      const x = eg.randn([5, 9, 9, 3], { seed: 7 });
      await same(m, x, true);
      const back = await eg.loadModel(await m.toArtifacts());
      await same(back as eg.Model, x, true);
      // the other forward paths: pointwise (1x1), wide rows (C = 72 > 64), depthwise (groups = C)
      const paths = eg.sequential([
        L.conv2d({ filters: 72, kernelSize: 1, activation: 'relu', inputShape: [12, 10, 3], seed: 4 }),
        L.maxPooling2d({ poolSize: [1, 1] }),
        L.conv2d({ filters: 8, kernelSize: 3, padding: 'same', activation: 'gelu', seed: 5 }),
        L.maxPooling2d({ poolSize: 2 }),
        L.conv2d({ filters: 8, kernelSize: 3, groups: 8, padding: 'same', seed: 6 }),
        L.maxPooling2d({ poolSize: 2 }),
      ]);
      const x2 = eg.randn([3, 12, 10, 3], { seed: 8 });
      await same(paths, x2, true);
      // 3x3x32 outputs: chunks of 113 images and a remainder of 2, where a path chosen by batch size
      // (Winograd's tile count) would differ from the whole batch's
      const small = eg.sequential([L.conv2d({ filters: 32, kernelSize: 3, activation: 'relu', inputShape: [5, 5, 8], seed: 7 }), L.maxPooling2d({ poolSize: 2 })]);
      const x3 = eg.randn([115, 5, 5, 8], { seed: 9 });
      await same(small, x3, true);
      eg.dispose([x, x2, x3]); m.dispose(); back.dispose(); paths.dispose(); small.dispose();
    });

    it('a graph model fuses a conv read by its pool alone, and not one with two readers, an output, or a non-fused activation', async () => {
      const inp = eg.input({ shape: [10, 10, 2] });
      const shared = L.conv2d({ filters: 4, kernelSize: 3, activation: 'relu', seed: 1 }).apply(inp); // two readers
      const a = L.maxPooling2d({ poolSize: 2 }).apply(shared);
      const b = L.globalAveragePooling2d().apply(shared);
      const alone = L.conv2d({ filters: 4, kernelSize: 3, activation: 'sigmoid', seed: 2 }).apply(inp); // fuses
      const c = L.globalMaxPooling2d().apply(L.maxPooling2d({ poolSize: 2 }).apply(alone));
      const elu = L.conv2d({ filters: 4, kernelSize: 3, activation: 'leakyRelu', seed: 3 }).apply(inp); // activation after the kernel
      const d = L.globalMaxPooling2d().apply(L.maxPooling2d({ poolSize: 2 }).apply(elu));
      const out = L.concatenate().apply([L.flatten().apply(a), b, c, d]);
      const m = eg.model({ inputs: inp, outputs: out });
      const x = eg.randn([3, 10, 10, 2], { seed: 9 });
      await same(m, x, true);
      m.fuseInference = true;
      const counts = await kernelsOf(() => eg.dispose(m.predict(x, { compile: false })));
      expect(counts.get('conv2dMaxPool')).toBe(1);
      expect(counts.get('conv2d')).toBe(2);
      expect(counts.get('maxPool2d')).toBe(2);
      // a conv that is itself a model output is not fused either
      const inp2 = eg.input({ shape: [6, 6, 1] });
      const cv = L.conv2d({ filters: 4, kernelSize: 3, seed: 4 }).apply(inp2);
      const two = eg.model({ inputs: inp2, outputs: [cv, L.maxPooling2d().apply(cv)] });
      const x2 = eg.randn([2, 6, 6, 1], { seed: 3 });
      expect((await kernelsOf(() => eg.dispose(two.predict(x2)))).has('conv2dMaxPool')).toBe(false);
      eg.dispose([x, x2]); m.dispose(); two.dispose();
    });
  });
}
