// The gemm family (matmul, fusedMatmul): one case list for conformance, gradients and bench (the
// model: tests/cases/case.ts). tests/gemm.test.ts sweeps the GEMM kernels' blocking around these.
import * as eg from '../../src/index.js';
import * as R from '../util/ref.js';
import { Rng, nd, randNd } from '../util/ref.js';
import { type Case, type FamilyCases, type Instance, type Tensor, gAwayFrom0, grad, inst, label, withGrads } from './case.js';

const cases: Case[] = [];
const add = (c: Case) => cases.push(c);

{
  const rng = new Rng(11);
  const DIMS: [number, number, number][] = [
    [1, 1, 1], [1, 33, 1], [2, 1, 3], [3, 4, 5], [4, 4, 4], [5, 7, 9], [8, 8, 8], [7, 3, 1],
    [9, 17, 3], [17, 9, 33], [33, 33, 33], [1, 8, 17], [16, 5, 16],
  ];
  const mm = (ta: boolean, tb: boolean) => (a: Tensor, b: Tensor) =>
    (ta || tb ? eg.matmul(a, b, { transposeA: ta, transposeB: tb }) : eg.matmul(a, b));
  const forms = [[false, false], [true, false], [false, true], [true, true]] as const;
  const kTol = (K: number) => ({ tol32: { stol: 2 * Math.max(K, 1) * 2 ** -24 }, tol64: { stol: 2 * Math.max(K, 1) * 2 ** -53 } });
  for (const [ta, tb] of forms) {
    const instances: Instance[] = [];
    for (const [M, K, N] of DIMS) {
      const a = randNd(rng, ta ? [K, M] : [M, K]), b = randNd(rng, tb ? [N, K] : [K, N]);
      instances.push(inst(`M${M} K${K} N${N}`, [a, b], mm(ta, tb), (x, y) => R.matmul(x, y, ta, tb), kTol(K)));
    }
    const batched: [number[], number[]][] = [
      [[2, 3, 4], [2, 4, 5]], [[2, 3, 4], [1, 4, 5]], [[2, 3, 4], [4, 5]], [[3, 4], [2, 4, 5]],
      [[1, 3, 4], [3, 4, 5]], [[2, 3, 5, 9], [2, 3, 9, 4]], [[2, 3, 5, 9], [9, 4]], [[1, 1, 3, 4], [2, 3, 4, 5]],
    ];
    for (const [sa, sb] of batched) {
      const tr = (s: number[], t: boolean) => (t ? [...s.slice(0, -2), s[s.length - 1], s[s.length - 2]] : s);
      const K = sa[sa.length - 1];
      instances.push(inst(`batched ${label(tr(sa, ta))} x ${label(tr(sb, tb))}`, [randNd(rng, tr(sa, ta)), randNd(rng, tr(sb, tb))],
        mm(ta, tb), (x, y) => R.matmul(x, y, ta, tb), kTol(K)));
    }
    add({ name: `matmul transposeA ${ta} transposeB ${tb}`, tol: 'matmul', instances });
  }
  // NumPy broadcasting of batch dims where the batch sizes are neither 1 nor equal: [2,1] with [3],
  // and rank-extending [2,3] with [3].
  add({
    name: 'matmul batch broadcasting like NumPy', tol: 'matmul',
    instances: forms.flatMap(([ta, tb]) => {
      const a = randNd(rng, ta ? [2, 1, 4, 3] : [2, 1, 3, 4]), b = randNd(rng, tb ? [3, 2, 4] : [3, 4, 2]);
      const c = randNd(rng, ta ? [3, 1, 5, 2] : [3, 1, 2, 5]), d = randNd(rng, tb ? [4, 3, 5] : [4, 5, 3]);
      return [
        inst(`[2,1]x[3] transposeA ${ta} transposeB ${tb}`, [a, b], mm(ta, tb), (x, y) => R.matmul(x, y, ta, tb), kTol(4)),
        inst(`[3,1]x[4] transposeA ${ta} transposeB ${tb}`, [c, d], mm(ta, tb), (x, y) => R.matmul(x, y, ta, tb), kTol(5)),
        inst(`[2,3]x[3] transposeA ${ta} transposeB ${tb}`, [randNd(rng, ta ? [2, 3, 4, 3] : [2, 3, 3, 4]), randNd(rng, tb ? [3, 2, 4] : [3, 4, 2])],
          mm(ta, tb), (x, y) => R.matmul(x, y, ta, tb), kTol(4)),
      ];
    }),
  });
  add({
    name: 'matmul empty operands', tol: 'matmul',
    instances: [
      inst('M0: [0,4] x [4,3] -> [0,3]', [nd([0, 4], []), randNd(rng, [4, 3])], (a, b) => eg.matmul(a, b), (a, b) => R.matmul(a, b)),
      inst('K0: [2,0] x [0,3] -> zeros [2,3]', [nd([2, 0], []), nd([0, 3], [])], (a, b) => eg.matmul(a, b), (a, b) => R.matmul(a, b)),
    ],
  });
}

// ----------------------------------------------------------------------------------- gradient checks

for (const [ta, tb] of [[false, false], [true, false], [false, true], [true, true]] as const) {
  withGrads(cases, `matmul transposeA ${ta} transposeB ${tb}`, grad(`matmul transposeA ${ta} transposeB ${tb}`,
    [ta ? [4, 3] : [3, 4], tb ? [5, 4] : [4, 5]], (a, b) => eg.matmul(a, b, { transposeA: ta, transposeB: tb })));
}
withGrads(cases, 'matmul transposeA false transposeB false', grad('matmul batched [2,3,4] x [2,4,5]', [[2, 3, 4], [2, 4, 5]], (a, b) => eg.matmul(a, b)));
withGrads(cases, 'matmul batch broadcasting like NumPy',
  grad('matmul broadcast batch [2,3,4] x [4,5]', [[2, 3, 4], [4, 5]], (a, b) => eg.matmul(a, b)),
  grad('matmul broadcast batch [3,4] x [2,4,5] transposeB', [[3, 4], [2, 5, 4]], (a, b) => eg.matmul(a, b, { transposeB: true })),
  grad('matmul broadcast [2,4,3] x [1,4,2] transposeA', [[2, 4, 3], [1, 4, 2]], (a, b) => eg.matmul(a, b, { transposeA: true })),
  grad('matmul broadcast [1,3,4] x [2,2,4] transposeA transposeB', [[1, 4, 3], [2, 2, 4]], (a, b) => eg.matmul(a, b, { transposeA: true, transposeB: true })));

// fusedMatmul: act(matmul + bias) with its gradient rules (bias and activation folded in).
const ACTS = ['linear', 'relu', 'gelu', 'sigmoid', 'tanh'] as const;
const formName = (ta: boolean, tb: boolean) => `${ta ? 'T' : 'N'}${tb ? 'T' : 'N'}`;
{
  // One instance per activation (each fused variant is its own webgpu pipeline); the sweep over
  // forms, sizes and blocks is tests/gemm.test.ts'.
  const rng = new Rng(12);
  const fused = (act: (typeof ACTS)[number], ta: boolean, tb: boolean, bias: boolean, [M, K, N]: number[]) => {
    const a = randNd(rng, ta ? [K, M] : [M, K]), b = randNd(rng, tb ? [N, K] : [K, N]);
    const f = act === 'linear' ? (v: number) => v : act === 'relu' ? (v: number) => Math.max(v, 0)
      : act === 'gelu' ? R.gelu : act === 'sigmoid' ? R.sigmoid : Math.tanh;
    const slope = 1.2; // the activations' slope is at most 1.13 (gelu)
    return inst(`${act} ${formName(ta, tb)} ${bias ? 'bias' : 'no bias'} M${M} K${K} N${N}`,
      bias ? [a, b, randNd(rng, [N])] : [a, b],
      (x, y, c) => eg.fusedMatmul(x, y, c ?? null, { transposeA: ta, transposeB: tb, activation: act }),
      (x, y, c) => {
        const z = R.matmul(x, y, ta, tb);
        const data = z.data.map((v, i) => f(v + (c ? c.data[i % N] : 0)));
        const scale = z.scale!.map((v, i) => slope * (v + (c ? Math.abs(c.data[i % N]) : 0)));
        return { ...z, data, scale };
      },
      { tol32: { rtol: 1e-5, atol: 1e-6, stol: 2 * (K + 1) * 2 ** -24 }, tol64: { rtol: 1e-10, atol: 1e-12, stol: 2 * (K + 1) * 2 ** -53 } });
  };
  const instances = ACTS.map((act) => fused(act, false, false, true, [5, 7, 9]));
  instances.push(fused('tanh', true, true, false, [6, 33, 3]));
  add({ name: 'fusedMatmul', tol: 'matmul', instances });
}
withGrads(cases, 'fusedMatmul',
  ...ACTS.map((activation) => grad(`fusedMatmul ${activation} with bias`, [[4, 3], [3, 5], [5]], (x, w, b) => eg.fusedMatmul(x, w, b, { activation }))),
  ...([[false, false], [false, true], [true, false], [true, true]] as const).map(([ta, tb]) => grad(`fusedMatmul gelu ${formName(ta, tb)} with bias`,
    [ta ? [3, 4] : [4, 3], tb ? [5, 3] : [3, 5], [5]], (x, w, b) => eg.fusedMatmul(x, w, b, { transposeA: ta, transposeB: tb, activation: 'gelu' }))),
  grad('fusedMatmul tanh without bias', [[4, 3], [3, 5]], (x, w) => eg.fusedMatmul(x, w, null, { activation: 'tanh' })),
  grad('fusedMatmul sigmoid batched [2,4,3] x [3,5]', [[2, 4, 3], [3, 5], [5]], (x, w, b) => eg.fusedMatmul(x, w, b, { activation: 'sigmoid' })));
add({
  name: 'compositions', tol: 'matmul', instances: [],
  grads: [grad('two-layer net: sum(relu(x w1 + b1) w2)', [[4, 3], [3, 5], [5], [5, 2]],
    (x, w1, b1, w2) => eg.matmul(eg.relu(eg.add(eg.matmul(x, w1), b1)), w2), gAwayFrom0)],
});

// ----------------------------------------------------------------------------------- bench

export type GemmForm = 'NN' | 'NT' | 'TN';
/** bench/gemm.ts: [M, K, N] and the forms timed. */
export interface GemmBench { quick: [number, number, number, GemmForm[]][]; full: [number, number, number, GemmForm[]][] }
const all: GemmForm[] = ['NN', 'NT', 'TN'];
// The MLP step (64x784x128 forward, 784x64x128 and 64x128x784 its weight and input gradients,
// 64x128x10 the output layer), then square sizes.
const bench: GemmBench = {
  quick: [[64, 784, 128, all], [64, 128, 10, all], [256, 256, 256, all]],
  full: [[64, 784, 128, all], [64, 128, 10, all], [784, 64, 128, ['NN', 'TN']], [64, 128, 784, ['NN', 'NT']],
    [512, 512, 512, all], [1024, 1024, 1024, all]],
};

export const gemm: FamilyCases<GemmBench> = { family: 'gemm', cases, bench };
