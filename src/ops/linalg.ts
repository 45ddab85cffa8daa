// Linear algebra: batched matmul with optional transposes and broadcast leading dimensions, and
// fusedMatmul, the dense layer's forward: act(op(a)·op(b) + bias) in one kernel.
import { engine } from '../engine.js';
import { sizeOf, type FusedActivation } from '../kernels.js';
import type { Tensor } from '../tensor.js';
import { broadcastShapes, checkDtype, checkTensor, fmt } from './util.js';
import { broadcastTo } from './shape.js';
import { gelu } from './elementwise.js';

export interface MatmulOptions { transposeA?: boolean; transposeB?: boolean }

export interface FusedMatmulOptions extends MatmulOptions {
  /** Applied after the bias; 'linear' (the default) applies none. */
  activation?: FusedActivation;
}

const ACTIVATIONS: readonly FusedActivation[] = ['linear', 'relu', 'gelu', 'sigmoid', 'tanh'];

/** op(a)·op(b) over the last two axes; leading axes broadcast like NumPy. */
export function matmul(a: Tensor, b: Tensor, opts: MatmulOptions = {}): Tensor {
  return gemm('matmul', a, b, undefined, opts);
}

/**
 * act(op(a)·op(b) + bias) in one kernel, for a dense layer's forward pass: a and b as for matmul,
 * bias (optional) of shape [N] added to every row, then the activation.
 */
export function fusedMatmul(a: Tensor, b: Tensor, bias?: Tensor | null, opts: FusedMatmulOptions = {}): Tensor {
  return gemm('fusedMatmul', a, b, bias ?? undefined, opts);
}

function gemm(op: 'matmul' | 'fusedMatmul', a: Tensor, b: Tensor, bias: Tensor | undefined, opts: FusedMatmulOptions): Tensor {
  checkTensor(op, a, 'a');
  checkTensor(op, b, 'b');
  checkDtype(op, a, ['float32'], 'a');
  checkDtype(op, b, ['float32'], 'b');
  if (a.rank < 2 || b.rank < 2) {
    throw new Error(`${op}: operands need rank >= 2, got shapes ${fmt(a.shape)} (rank ${a.rank}) and ${fmt(b.shape)} (rank ${b.rank}); reshape vectors to [1, n] or [n, 1]`);
  }
  const transposeA = !!opts.transposeA, transposeB = !!opts.transposeB;
  const [ar, ac] = a.shape.slice(-2), [br, bc] = b.shape.slice(-2);
  const M = transposeA ? ac : ar, K = transposeA ? ar : ac;
  const Kb = transposeB ? bc : br, N = transposeB ? br : bc;
  if (K !== Kb) {
    throw new Error(`${op}: inner dimensions of shapes ${fmt(a.shape)}${transposeA ? 'ᵀ' : ''} and ${fmt(b.shape)}${transposeB ? 'ᵀ' : ''} differ: ${K} vs ${Kb}`);
  }
  const activation = opts.activation ?? 'linear';
  if (op === 'fusedMatmul' && !ACTIVATIONS.includes(activation)) {
    throw new Error(`fusedMatmul: unknown activation '${String(activation)}'; expected one of ${ACTIVATIONS.join(', ')}`);
  }
  if (bias !== undefined) {
    checkTensor(op, bias, 'bias');
    checkDtype(op, bias, ['float32'], 'bias');
    if (bias.rank !== 1 || bias.shape[0] !== N) {
      throw new Error(`${op}: bias must have shape [${N}] (the output's last dimension), got ${fmt(bias.shape)}`);
    }
  }
  const batchA = a.shape.slice(0, -2), batchB = b.shape.slice(0, -2);
  const batch = broadcastShapes(op, batchA, batchB);
  const same = (s: readonly number[]) => s.length === batch.length && s.every((d, i) => d === batch[i]);
  // The kernel broadcasts a whole operand (batch 1) only; other patterns are expanded first.
  if ((sizeOf(batchA) !== 1 && !same(batchA)) || (sizeOf(batchB) !== 1 && !same(batchB))) {
    return engine.tidy(() => {
      const ea = sizeOf(batchA) === 1 || same(batchA) ? a : broadcastTo(a, [...batch, ar, ac]);
      const eb = sizeOf(batchB) === 1 || same(batchB) ? b : broadcastTo(b, [...batch, br, bc]);
      return gemm(op, ea, eb, bias, opts);
    });
  }
  if (activation === 'gelu' && engine.tracked([a, b, bias])) {
    // Under a tape that differentiates it: the product and gelu apart, so the backward reads z from
    // the tape (fusedMatmul's gelu rule recomputes the whole product: a second GEMM per step).
    return engine.tidy(() => gelu(gemm(op, a, b, bias, { ...opts, activation: 'linear' })));
  }
  const Ba = sizeOf(batchA), Bb = sizeOf(batchB);
  // One matrix b under a batch of a (a dense layer on [batch, T, d]): a's batch folds into its rows,
  // one GEMM of Ba·M rows instead of Ba small ones, and the backward's db one GEMM instead of Ba and a sum.
  const fold = Bb === 1 && Ba > 1 && !transposeA;
  const shapes = fold ? [[1, Ba * ar, ac], [1, br, bc]] : [[Ba, ar, ac], [Bb, br, bc]];
  const out = op === 'matmul'
    ? engine.runKernel('matmul', [a, b], { transposeA, transposeB }, shapes)[0]
    : engine.runKernel('fusedMatmul', bias ? [a, b, bias] : [a, b], { transposeA, transposeB, activation },
      bias ? [...shapes, [N]] : shapes)[0];
  return engine.reshapeOwned(out, [...batch, M, N]);
}
