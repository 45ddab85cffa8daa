// Matrix multiply throughput (GFLOP/s) through eg.matmul, per backend and transpose form.
import * as eg from '../src/index.js';
import { type Row, row, time, useBackend } from './harness.js';

export async function gemm(backends: string[], quick: boolean): Promise<Row[]> {
  const rows: Row[] = [];
  const shapes: [number, number, number][] = quick ? [[64, 784, 128], [128, 128, 128]] : [[64, 784, 128], [64, 128, 10], [256, 256, 256]];
  for (const [M, K, N] of shapes) {
    for (const form of ['NN', 'NT', 'TN'] as const) {
      for (const backend of backends) {
        // The js reference is too slow for the larger shapes to be worth waiting for.
        if (backend === 'js' && M * N * K > 2 ** 22) continue;
        await useBackend(backend);
        const tA = form === 'TN', tB = form === 'NT';
        const a = eg.randn(tA ? [K, M] : [M, K], { seed: 1 });
        const b = eg.randn(tB ? [N, K] : [K, N], { seed: 2 });
        const t = time(() => eg.matmul(a, b, { transposeA: tA, transposeB: tB }).dispose(), { reps: quick ? 3 : 5, minRepMs: quick ? 20 : 50 });
        rows.push(row('gemm', `${form} ${M}x${K}x${N}`, backend, t, (2 * M * N * K) / 1e9, 'GFLOP/s'));
        a.dispose(); b.dispose();
      }
    }
  }
  return rows;
}
