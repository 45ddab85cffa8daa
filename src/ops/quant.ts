// Int8 quantisation ops: per-column symmetric weight quantisation (on the host, once), packing the
// int8 weights for the GEMM (qpack), and the int8 GEMM with per-row activation quantisation and a
// fused dequantise + bias + activation epilogue (qmatmul). Inference only: no gradients.
import { engine } from '../engine.js';
import { type Conv2dGeometry, type FusedActivation, sizeOf } from '../kernels.js';
import type { Tensor } from '../tensor.js';
import { checkDtype, checkTensor, fmt } from './util.js';

export interface QmatmulOptions {
  /** Applied after the bias; 'linear' (the default) applies none. */
  activation?: FusedActivation;
  /** > 0: a static activation range (calibrated); values beyond it clamp. 0 (the default): each row's max |x|. */
  inputRange?: number;
}

const ACTIVATIONS: readonly FusedActivation[] = ['linear', 'relu', 'gelu', 'sigmoid', 'tanh'];

/** The int8 values and per-column scales of a float32 matrix [K, N]: w ≈ q * scale[col], q in [-127, 127]. */
export interface QuantizedMatrix { values: Int8Array; scales: Float32Array }

/**
 * Symmetric per-column quantisation of w [K, N] (row-major): scale = max |w[:, col]| / 127,
 * q = round(w / scale) (a zero column gets scale 1 and zeros). Non-finite weights are refused.
 */
export function quantizeColumns(where: string, w: ArrayLike<number>, K: number, N: number): QuantizedMatrix {
  const scales = new Float32Array(N), values = new Int8Array(K * N);
  const maxAbs = new Float64Array(N);
  for (let k = 0; k < K; k++) {
    for (let j = 0; j < N; j++) {
      const v = w[k * N + j];
      if (!Number.isFinite(v)) throw new Error(`${where}: weight [${k}, ${j}] is ${v}; only finite weights can be quantised`);
      const a = Math.abs(v);
      if (a > maxAbs[j]) maxAbs[j] = a;
    }
  }
  for (let j = 0; j < N; j++) scales[j] = maxAbs[j] > 0 ? maxAbs[j] / 127 : 1;
  for (let k = 0; k < K; k++) {
    for (let j = 0; j < N; j++) {
      const q = Math.round(w[k * N + j] / scales[j]);
      values[k * N + j] = Math.max(-127, Math.min(127, q));
    }
  }
  return { values, scales };
}

/** Packs int8 weights [K, N] into the form qmatmul reads (src/kernels.ts `qpack`), once per weight. */
export function qpack(w: Tensor): Tensor {
  checkTensor('qpack', w, 'w');
  checkDtype('qpack', w, ['int8'], 'w');
  if (w.rank !== 2) throw new Error(`qpack: weights must be a matrix [K, N], got shape ${fmt(w.shape)}`);
  const [k, n] = w.shape;
  return engine.runKernel('qpack', [w], { k, n })[0];
}

/**
 * act((q(x) · w) * rowScale * colScale + bias) with w int8 [K, N] as qpack packed it: x float32
 * [..., K] is quantised per row (see KernelAttrs.qmatmul); out float32 [..., N].
 */
export function qmatmul(x: Tensor, packed: Tensor, colScale: Tensor, bias?: Tensor | null, opts: QmatmulOptions = {}): Tensor {
  checkTensor('qmatmul', x, 'x');
  checkTensor('qmatmul', packed, 'packed');
  checkTensor('qmatmul', colScale, 'colScale');
  checkDtype('qmatmul', x, ['float32'], 'x');
  checkDtype('qmatmul', packed, ['int8'], 'packed');
  checkDtype('qmatmul', colScale, ['float32'], 'colScale');
  if (x.rank < 1) throw new Error('qmatmul: x needs rank >= 1');
  if (colScale.rank !== 1) throw new Error(`qmatmul: colScale must be a vector [N], got shape ${fmt(colScale.shape)}`);
  const K = x.shape[x.rank - 1], N = colScale.shape[0];
  const k4 = Math.ceil(K / 4) * 4, n8 = Math.ceil(N / 8) * 8;
  if (packed.rank !== 1 || packed.shape[0] !== n8 * k4 + n8 * 4) {
    throw new Error(`qmatmul: packed weights of shape ${fmt(packed.shape)} do not fit K = ${K}, N = ${N} (expected [${n8 * k4 + n8 * 4}], qpack's form)`);
  }
  const activation = opts.activation ?? 'linear';
  if (!ACTIVATIONS.includes(activation)) throw new Error(`qmatmul: unknown activation '${String(activation)}'; expected one of ${ACTIVATIONS.join(', ')}`);
  const inputRange = opts.inputRange ?? 0;
  if (typeof inputRange !== 'number' || !Number.isFinite(inputRange) || inputRange < 0) {
    throw new Error(`qmatmul: inputRange must be a finite number >= 0 (0: per-row ranges), got ${String(inputRange)}`);
  }
  if (bias) {
    checkTensor('qmatmul', bias, 'bias');
    checkDtype('qmatmul', bias, ['float32'], 'bias');
    if (bias.rank !== 1 || bias.shape[0] !== N) throw new Error(`qmatmul: bias must have shape [${N}], got ${fmt(bias.shape)}`);
  }
  const rows = sizeOf(x.shape) / Math.max(K, 1);
  const M = K === 0 ? sizeOf(x.shape.slice(0, -1)) : rows;
  const shapes = [[M, K], packed.shape, [N]];
  const out = engine.runKernel('qmatmul', bias ? [x, packed, colScale, bias] : [x, packed, colScale],
    { activation, inputRange }, bias ? [...shapes, [N]] : shapes)[0];
  return engine.reshapeOwned(out, [...x.shape.slice(0, -1), N]);
}

/**
 * The patches of x [N, H, W, C] under a kh x kw window with a resolved geometry (pads given):
 * [N·OH·OW, kh·kw·C], taps in (kh, kw, c) order, zeros outside x (KernelAttrs.im2col).
 */
export function im2col(x: Tensor, kernelSize: [number, number], g: Conv2dGeometry): Tensor {
  checkTensor('im2col', x, 'x');
  checkDtype('im2col', x, ['float32'], 'x');
  if (x.rank !== 4) throw new Error(`im2col: x must be images [N, H, W, C], got shape ${fmt(x.shape)}`);
  return engine.runKernel('im2col', [x], { ...g, kernelSize })[0];
}

/**
 * The quantised convolution (groups 1): x [N, H, W, C], the filter [kh, kw, C, O] packed as the
 * matrix [kh·kw·C, O] by qpack, colScale [O], bias [O] or none, a resolved geometry (pads given)
 * -> act(...) [N, OH, OW, O] (KernelAttrs.qconv2d).
 */
export function qconv2d(x: Tensor, packed: Tensor, colScale: Tensor, bias: Tensor | null, kernelSize: [number, number],
  g: Conv2dGeometry, opts: QmatmulOptions = {}): Tensor {
  checkTensor('qconv2d', x, 'x');
  checkDtype('qconv2d', x, ['float32'], 'x');
  checkDtype('qconv2d', packed, ['int8'], 'packed');
  if (x.rank !== 4) throw new Error(`qconv2d: x must be images [N, H, W, C], got shape ${fmt(x.shape)}`);
  const K = kernelSize[0] * kernelSize[1] * x.shape[3], N = colScale.shape[0];
  const k4 = Math.ceil(K / 4) * 4, n8 = Math.ceil(N / 8) * 8;
  if (packed.rank !== 1 || packed.shape[0] !== n8 * k4 + n8 * 4) {
    throw new Error(`qconv2d: packed filter of shape ${fmt(packed.shape)} does not fit a ${kernelSize[0]}x${kernelSize[1]} window over ${x.shape[3]} channels to ${N} filters`);
  }
  const activation = opts.activation ?? 'linear', inputRange = opts.inputRange ?? 0;
  return engine.runKernel('qconv2d', bias ? [x, packed, colScale, bias] : [x, packed, colScale], { ...g, kernelSize, activation, inputRange })[0];
}

/** The activation levels L the active backend's qmatmul quantises to (127; 63 on wasm's relaxed path). */
export function int8Levels(): number {
  const b = engine.requireBackend('int8Levels');
  const l = b.info.int8Levels;
  return typeof l === 'number' ? l : 127;
}
