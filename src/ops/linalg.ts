// Linear algebra: batched matmul with optional transposes and broadcast leading dimensions.
import { engine } from '../engine.js';
import { sizeOf } from '../kernels.js';
import type { Tensor } from '../tensor.js';
import { broadcastShapes, checkDtype, checkTensor, fmt } from './util.js';

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
    throw new Error(`matmul: inner dimensions differ: a ${fmt(a.shape)}${transposeA ? 'ᵀ' : ''} has ${K} columns, b ${fmt(b.shape)}${transposeB ? 'ᵀ' : ''} has ${Kb} rows`);
  }
  const batchA = a.shape.slice(0, -2), batchB = b.shape.slice(0, -2);
  const batch = broadcastShapes('matmul', batchA, batchB);
  const B = sizeOf(batch), Ba = sizeOf(batchA), Bb = sizeOf(batchB);
  if ((Ba !== B && Ba !== 1) || (Bb !== B && Bb !== 1)) {
    // NOTE: partial broadcasting of batch dims ([2,1] with [1,3]) would need materialising; refuse clearly.
    throw new Error(`matmul: batch shapes ${fmt(batchA)} and ${fmt(batchB)} broadcast only when one of them is all ones or they are equal`);
  }
  const out = engine.runKernel('matmul', [a, b], { transposeA, transposeB }, [[Ba, ar, ac], [Bb, br, bc]])[0];
  return engine.reshapeOwned(out, [...batch, M, N]);
}
