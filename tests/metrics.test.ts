// Metrics against hand-computed values: accuracy, precision, recall, F1 (binary and macro), ROC AUC
// with ties, the confusion matrix, and what degenerate or empty input gives.
// Tolerance: results are ratios of small counts, compared to 6 decimals.
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import * as eg from '../src/index.js';
import { testBackends, use, undisposed } from './util/backends.js';

type Tensor = ReturnType<typeof eg.tensor>;
const live = () => undisposed();

/** Runs a metric and returns its value, disposing every tensor the call made (inputs included). */
function value(fn: () => Tensor): number {
  const before = live();
  const v = eg.tidy(() => {
    const r = fn();
    expect(r.shape).toEqual([]);
    expect(r.dtype).toBe('float32');
    return r.dataSync()[0];
  });
  expect(live()).toBe(before);
  return v;
}

const ids = (xs: number[]) => eg.tensor(xs, [xs.length], 'int32');
const oneHot = (xs: number[], c: number) => eg.tensor(xs.map((x) => Array.from({ length: c }, (_, j) => +(j === x))));

for (const cfg of testBackends()) {
  describe(`metrics on ${cfg.label}`, () => {
    beforeAll(() => use(cfg));
    afterEach(() => vi.restoreAllMocks());

    describe('accuracy', () => {
      // argmax of these rows: [0, 1, 1, 2]; true classes [0, 1, 2, 1]: 2 of 4 right.
      const probs = () => eg.tensor([[0.8, 0.1, 0.1], [0.3, 0.4, 0.3], [0.2, 0.5, 0.3], [0.1, 0.1, 0.8]]);

      it('one-hot labels, int32 ids ([N] and [N, 1]) and float ids vs probabilities', () => {
        const before = live();
        expect(value(() => eg.metrics.accuracy(oneHot([0, 1, 2, 1], 3), probs()))).toBe(0.5);
        expect(value(() => eg.metrics.accuracy(ids([0, 1, 2, 1]), probs()))).toBe(0.5);
        expect(value(() => eg.metrics.accuracy(eg.tensor([0, 1, 2, 1], [4, 1], 'int32'), probs()))).toBe(0.5);
        expect(value(() => eg.metrics.accuracy(eg.tensor([0, 1, 2, 2]), probs()))).toBe(0.75);
        expect(live()).toBe(before);
      });

      it('logits give the same classes as probabilities', () => {
        const logits = eg.tensor([[2, -1, 0], [-3, 1, 0.5], [0, 0, 1], [5, 4, -1]]);
        expect(value(() => eg.metrics.accuracy(ids([0, 1, 2, 1]), logits))).toBe(0.75);
      });

      it('ties in the scores go to the first class (as argmax)', () => {
        expect(value(() => eg.metrics.accuracy(ids([0, 1]), eg.tensor([[0.5, 0.5], [0.5, 0.5]])))).toBe(0.5);
      });

      it('binary: last dim 1 or rank 1, threshold 0.5, a custom threshold, or logits', () => {
        const y = () => eg.tensor([1, 0, 1, 1], [4, 1]);
        expect(value(() => eg.metrics.accuracy(y(), eg.tensor([0.9, 0.4, 0.3, 0.6], [4, 1])))).toBe(0.75);
        expect(value(() => eg.metrics.accuracy(y(), eg.tensor([0.9, 0.4, 0.3, 0.6], [4, 1]), { threshold: 0.35 }))).toBe(0.5);
        expect(value(() => eg.metrics.accuracy(y(), eg.tensor([2, -1, -0.5, 0.1], [4, 1]), { fromLogits: true }))).toBe(0.75);
        expect(value(() => eg.metrics.accuracy(eg.tensor([1, 0, 1, 1]), eg.tensor([0.9, 0.4, 0.3, 0.6])))).toBe(0.75);
        expect(value(() => eg.metrics.accuracy(ids([1, 0, 1, 1]), eg.tensor([0.9, 0.4, 0.3, 0.6])))).toBe(0.75);
        // 0.5 itself is not above the threshold.
        expect(value(() => eg.metrics.accuracy(eg.tensor([0, 1]), eg.tensor([0.5, 0.51])))).toBe(1);
      });

      it('int32 predicted ids', () => {
        expect(value(() => eg.metrics.accuracy(ids([3, 1, 2]), ids([3, 0, 2])))).toBeCloseTo(2 / 3, 6);
      });

      it('empty input gives NaN and says why', () => {
        const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
        expect(value(() => eg.metrics.accuracy(eg.zeros([0, 3]), eg.zeros([0, 3])))).toBeNaN();
        expect(warn).toHaveBeenCalledWith(expect.stringMatching(/metrics.accuracy: no samples/));
      });

      it('refuses mismatched shapes and out-of-range ids', () => {
        const before = live();
        const p = probs(), y5 = ids([0, 1, 2, 1, 0]), y9 = ids([0, 1, 9, 1]), oh = oneHot([0, 1, 1, 0], 2);
        expect(() => eg.metrics.accuracy(y5, p)).toThrow(/yTrue has 5 samples \(shape \[5\]\) but yPred has 4/);
        expect(() => eg.metrics.accuracy(y9, p)).toThrow(/yTrue has class id 9, outside \[0, 3\)/);
        expect(() => eg.metrics.accuracy(oh, p)).toThrow(/yTrue has 2 classes/);
        const bin = eg.tensor([0.1, 0.2, 0.3, 0.4]);
        expect(() => eg.metrics.accuracy(oh, bin)).toThrow(/yPred is binary/);
        eg.dispose([p, y5, y9, oh, bin]);
        expect(live()).toBe(before);
      });
    });

    describe('confusionMatrix', () => {
      it('counts true classes (rows) against predicted ones (columns), as int32', () => {
        const cm = eg.metrics.confusionMatrix(ids([0, 1, 2, 1, 0]), ids([0, 2, 2, 1, 1]), 3);
        expect(cm.dtype).toBe('int32');
        expect(cm.arraySync()).toEqual([[1, 1, 0], [0, 1, 1], [0, 0, 1]]);
        cm.dispose();
      });
      it('takes one-hot labels and score rows; numClasses can exceed the classes seen', () => {
        const cm = eg.metrics.confusionMatrix(oneHot([0, 1, 1], 4), eg.tensor([[0.9, 0, 0.1, 0], [0, 0.2, 0.8, 0], [0, 1, 0, 0]]), 4);
        expect(cm.arraySync()).toEqual([[1, 0, 0, 0], [0, 1, 1, 0], [0, 0, 0, 0], [0, 0, 0, 0]]);
        cm.dispose();
      });
      it('empty input gives zeros; bad ids and shapes are refused', () => {
        const cm = eg.metrics.confusionMatrix(ids([]), ids([]), 2);
        expect(cm.arraySync()).toEqual([[0, 0], [0, 0]]);
        cm.dispose();
        expect(() => eg.metrics.confusionMatrix(ids([0, 3]), ids([0, 1]), 3)).toThrow(/labels has class id 3, outside \[0, 3\)/);
        expect(() => eg.metrics.confusionMatrix(ids([0, 1]), ids([-1, 1]), 3)).toThrow(/predictions has class id -1/);
        expect(() => eg.metrics.confusionMatrix(ids([0, 1]), ids([0]), 3)).toThrow(/labels has 2 samples but predictions has 1/);
        expect(() => eg.metrics.confusionMatrix(eg.tensor([0, 1]), ids([0, 1]), 2)).toThrow(/pass class ids as int32/);
        expect(() => eg.metrics.confusionMatrix(ids([0]), ids([0]), 0)).toThrow(/numClasses must be a positive integer/);
      });
    });

    describe('precision, recall, f1', () => {
      // predicted [1, 1, 0, 1, 0, 1] vs true [1, 0, 1, 1, 0, 0]: tp 2, fp 2, fn 1.
      const yTrue = () => eg.tensor([1, 0, 1, 1, 0, 0], [6, 1]);
      const yPred = () => eg.tensor([0.9, 0.6, 0.4, 0.8, 0.2, 0.7], [6, 1]);

      it('binary', () => {
        expect(value(() => eg.metrics.precision(yTrue(), yPred()))).toBeCloseTo(0.5, 6);
        expect(value(() => eg.metrics.recall(yTrue(), yPred()))).toBeCloseTo(2 / 3, 6);
        expect(value(() => eg.metrics.f1(yTrue(), yPred()))).toBeCloseTo(4 / 7, 6);
        // threshold 0.65: predicted [1, 0, 0, 1, 0, 1]: tp 2, fp 1, fn 1.
        expect(value(() => eg.metrics.precision(yTrue(), yPred(), { threshold: 0.65 }))).toBeCloseTo(2 / 3, 6);
      });

      it('degenerate binary cases give 0, not NaN', () => {
        const none = () => eg.tensor([0.1, 0.2, 0.3]);
        expect(value(() => eg.metrics.precision(eg.tensor([1, 0, 1]), none()))).toBe(0); // nothing predicted positive
        expect(value(() => eg.metrics.recall(eg.tensor([0, 0, 0]), none()))).toBe(0); // no positives at all
        expect(value(() => eg.metrics.f1(eg.tensor([0, 0, 0]), none()))).toBe(0);
        expect(value(() => eg.metrics.f1(eg.tensor([1, 1]), eg.tensor([0.9, 0.8])))).toBe(1);
      });

      it('macro over the classes present, from ids, one-hot or scores', () => {
        // confusion [[1,1,0],[0,1,1],[0,0,1]]: per class P = 1, .5, .5; R = .5, .5, 1; F1 = 2/3, 1/2, 2/3.
        const t = [0, 1, 2, 1, 0], p = [0, 2, 2, 1, 1];
        expect(value(() => eg.metrics.precision(ids(t), ids(p)))).toBeCloseTo(2 / 3, 6);
        expect(value(() => eg.metrics.recall(ids(t), ids(p)))).toBeCloseTo(2 / 3, 6);
        expect(value(() => eg.metrics.f1(ids(t), ids(p)))).toBeCloseTo(11 / 18, 6);
        // A 4th class that never occurs is left out of the average.
        expect(value(() => eg.metrics.f1(oneHot(t, 4), oneHot(p, 4)))).toBeCloseTo(11 / 18, 6);
        expect(value(() => eg.metrics.precision(ids(t), oneHot(p, 3), { average: 'macro' }))).toBeCloseTo(2 / 3, 6);
      });

      it('two classes from softmax rows default to binary; macro on request', () => {
        const y = () => ids([1, 0, 1, 1]);
        const s = () => eg.tensor([[0.2, 0.8], [0.6, 0.4], [0.7, 0.3], [0.1, 0.9]]);
        // predicted [1, 0, 0, 1]: class 1 P = 1, R = 2/3; class 0 P = 1/2, R = 1.
        expect(value(() => eg.metrics.recall(y(), s()))).toBeCloseTo(2 / 3, 6);
        expect(value(() => eg.metrics.recall(y(), s(), { average: 'macro' }))).toBeCloseTo(5 / 6, 6);
        expect(value(() => eg.metrics.precision(y(), s(), { average: 'macro' }))).toBeCloseTo(3 / 4, 6);
      });

      it("average 'binary' needs two classes; empty input gives NaN with a warning", () => {
        const t = ids([0, 1, 2]), p = ids([0, 1, 2]);
        expect(() => eg.metrics.f1(t, p, { average: 'binary' })).toThrow(/needs two classes, got 3/);
        eg.dispose([t, p]);
        const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
        expect(value(() => eg.metrics.recall(eg.zeros([0, 1]), eg.zeros([0, 1])))).toBeNaN();
        expect(warn).toHaveBeenCalledWith(expect.stringMatching(/metrics.recall: no samples/));
      });
    });

    describe('auc', () => {
      it('the exact ROC area, probabilities or logits, [N] or [N, 1]', () => {
        expect(value(() => eg.metrics.auc(eg.tensor([0, 0, 1, 1]), eg.tensor([0.1, 0.4, 0.35, 0.8])))).toBeCloseTo(0.75, 6);
        expect(value(() => eg.metrics.auc(ids([0, 0, 1, 1]), eg.tensor([-2, 0.4, 0.1, 3], [4, 1])))).toBeCloseTo(0.75, 6);
        expect(value(() => eg.metrics.auc(eg.tensor([0, 1, 0, 1]), eg.tensor([0.1, 0.9, 0.2, 0.8])))).toBe(1);
        expect(value(() => eg.metrics.auc(eg.tensor([1, 0, 1, 0]), eg.tensor([0.1, 0.9, 0.2, 0.8])))).toBe(0);
      });

      it('tied scores count half per positive-negative pair', () => {
        // positives {0.5, 0.9}, negatives {0.5, 0.2}: pairs 0.5 + 1 + 1 + 1 of 4.
        expect(value(() => eg.metrics.auc(eg.tensor([0, 1, 0, 1]), eg.tensor([0.5, 0.5, 0.2, 0.9])))).toBeCloseTo(0.875, 6);
        expect(value(() => eg.metrics.auc(eg.tensor([0, 1, 1, 0, 1]), eg.tensor([0.3, 0.3, 0.3, 0.3, 0.3])))).toBe(0.5);
      });

      it('one class or no samples: NaN with a warning that says why', () => {
        const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
        expect(value(() => eg.metrics.auc(eg.tensor([1, 1]), eg.tensor([0.2, 0.9])))).toBeNaN();
        expect(warn).toHaveBeenCalledWith(expect.stringMatching(/only positives; ROC AUC is undefined/));
        expect(value(() => eg.metrics.auc(eg.tensor([]), eg.tensor([])))).toBeNaN();
        expect(warn).toHaveBeenCalledWith(expect.stringMatching(/metrics.auc: no samples/));
      });

      it('refuses labels other than 0/1, NaN scores and multi-class input', () => {
        const cases: [Tensor, Tensor, RegExp][] = [
          [eg.tensor([0, 2]), eg.tensor([0.1, 0.2]), /yTrue must be 0 or 1, got 2 at index 1/],
          [eg.tensor([0, 1]), eg.tensor([0.1, NaN]), /yPred has NaN at index 1/],
          [ids([0, 1]), eg.tensor([[0.1, 0.9], [0.2, 0.8]]), /binary only/],
          [eg.tensor([0, 1, 1]), eg.tensor([0.1, 0.2]), /one 0\/1 label per score/],
        ];
        for (const [y, p, msg] of cases) {
          expect(() => eg.metrics.auc(y, p)).toThrow(msg);
          eg.dispose([y, p]);
        }
      });
    });

    it('get() names the metric functions', () => {
      expect(eg.metrics.get('accuracy')).toBe(eg.metrics.accuracy);
      expect(eg.metrics.get('acc')).toBe(eg.metrics.accuracy);
      expect(eg.metrics.get('auc')).toBe(eg.metrics.auc);
      expect(() => eg.metrics.get('mse' as 'acc')).toThrow(/unknown metric 'mse'/);
    });
  });
}
