// Linear algebra: batched matmul with optional transposes and broadcast leading dimensions.
import { engine } from '../engine.js';
import { sizeOf } from '../kernels.js';
import type { Tensor } from '../tensor.js';
import { broadcastShapes, checkDtype, checkTensor, fmt } from './util.js';
import { broadcastTo } from './shape.js';

export interface MatmulOptions { transposeA?: boolean; transposeB?: boolean }

/** op(a)·op(b) over the last two axes; leading axes broadcast like NumPy. */
export function matmul(a: Tensor, b: Tensor, opts: MatmulOptions = {}): Tensor {
  checkTensor('matmul', a, 'a');
  checkTensor('matmul', b, 'b');
  checkDtype('matmul', a, ['float32'], 'a');
  checkDtype('matmul', b, ['float32'], 'b');
  if (a.rank < 2 || b.rank < 2) {
    throw new Error(`matmul: operands need rank >= 2, got shapes ${fmt(a.shape)} (rank ${a.rank}) and ${fmt(b.shape)} (rank ${b.rank}); reshape vectors to [1, n] or [n, 1]`);
  }
  const transposeA = !!opts.transposeA, transposeB = !!opts.transposeB;
  const [ar, ac] = a.shape.slice(-2), [br, bc] = b.shape.slice(-2);
  const M = transposeA ? ac : ar, K = transposeA ? ar : ac;
  const Kb = transposeB ? bc : br, N = transposeB ? br : bc;
  if (K !== Kb) {
    throw new Error(`matmul: inner dimensions of shapes ${fmt(a.shape)}${transposeA ? 'ᵀ' : ''} and ${fmt(b.shape)}${transposeB ? 'ᵀ' : ''} differ: ${K} vs ${Kb}`);
  }
  const batchA = a.shape.slice(0, -2), batchB = b.shape.slice(0, -2);
  const batch = broadcastShapes('matmul', batchA, batchB);
  const B = sizeOf(batch);
  const same = (s: readonly number[]) => s.length === batch.length && s.every((d, i) => d === batch[i]);
  // The kernel broadcasts a whole operand (batch 1) only; other patterns are expanded first.
  if ((sizeOf(batchA) !== 1 && !same(batchA)) || (sizeOf(batchB) !== 1 && !same(batchB))) {
    return engine.tidy(() => {
      const ea = sizeOf(batchA) === 1 || same(batchA) ? a : broadcastTo(a, [...batch, ar, ac]);
      const eb = sizeOf(batchB) === 1 || same(batchB) ? b : broadcastTo(b, [...batch, br, bc]);
      return matmul(ea, eb, opts);
    });
  }
  const Ba = sizeOf(batchA), Bb = sizeOf(batchB);
  const out = engine.runKernel('matmul', [a, b], { transposeA, transposeB }, [[Ba, ar, ac], [Bb, br, bc]])[0];
  return engine.reshapeOwned(out, [...batch, M, N]);
}
