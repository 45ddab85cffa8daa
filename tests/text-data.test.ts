// The transformer demos' data: Moby-Dick and the `sentiment` package's labelled sentences
// (devDependencies), their splits, the lexicon baseline, and the binary metrics on hand-computed cases.
import { describe, expect, it } from 'vitest';
import { binaryMetrics, lexiconScores, loadLexicon, loadMobyDick, loadSentimentSets, SENTIMENT_SETS, wordValences } from '../src/data/text.js';
import type { Tensor } from '../src/index.js';

describe('binaryMetrics', () => {
  it('accuracy, precision, recall, F1 and AUC by hand', () => {
    // predictions at 0.5: 1 1 0 1 0 -> tp 2, fp 1, fn 1, tn 1; AUC: 4 of the 6 (positive, negative) pairs ordered right
    const m = binaryMetrics([1, 0, 1, 1, 0], [0.9, 0.8, 0.4, 0.7, 0.1]);
    expect(m.accuracy).toBeCloseTo(0.6, 12);
    expect(m.precision).toBeCloseTo(2 / 3, 12);
    expect(m.recall).toBeCloseTo(2 / 3, 12);
    expect(m.f1).toBeCloseTo(2 / 3, 12);
    expect(m.auc).toBeCloseTo(4 / 6, 12);
  });
  it('ties count half in AUC; the threshold is inclusive; F1 0 when nothing is predicted positive', () => {
    // pairs: (0.5, 0.5) half, (0.5, 0.1) 1, (0.2, 0.5) 0, (0.2, 0.1) 1 -> 2.5 / 4
    const m = binaryMetrics([1, 0, 1, 0], [0.5, 0.5, 0.2, 0.1]);
    expect(m.auc).toBeCloseTo(0.625, 12);
    expect(m.accuracy).toBeCloseTo(0.5, 12);
    expect(m.f1).toBeCloseTo(0.5, 12);
    expect(binaryMetrics([1, 0], [0.2, 0.1]).f1).toBe(0);
    expect(binaryMetrics([1, 0], [-1, -2], 0)).toMatchObject({ accuracy: 0.5, auc: 1 });
    expect(binaryMetrics([1, 1], [0.2, 0.7]).auc).toBeNaN();
  });
  it('refuses mismatched lengths, no samples, labels other than 0/1', () => {
    expect(() => binaryMetrics([1, 0], [0.5])).toThrow('binaryMetrics: 2 labels but 1 scores');
    expect(() => binaryMetrics([], [])).toThrow('binaryMetrics: no samples');
    expect(() => binaryMetrics([1, 2], [0.5, 0.5])).toThrow('binaryMetrics: labels must be 0 or 1, got 2 at 1');
  });
});

describe('loadSentimentSets', () => {
  it('80/20 per set, seeded: the same split twice, another with another seed; train and test partition the file', async () => {
    const a = await loadSentimentSets({ seed: 1 }), b = await loadSentimentSets({ seed: 1 }), c = await loadSentimentSets({ seed: 2 });
    const { createRequire } = await import('node:module');
    const req = createRequire(import.meta.url);
    for (const s of SENTIMENT_SETS) {
      const file = req(`sentiment/test/fixtures/${s}.json`) as { text: string; class: number | null }[];
      const raw = file.filter((r) => r.class !== null); // the files end with { text: '', class: null }
      expect(file.length - raw.length).toBe(1);
      expect(raw.length).toBe(1000);
      expect(a[s].test.length).toBe(200);
      expect(a[s].train.length).toBe(800);
      expect(b[s]).toEqual(a[s]);
      expect(c[s].test).not.toEqual(a[s].test);
      const key = (r: { text: string; label?: number; class?: number | null }) => `${r.label ?? r.class}:${r.text}`;
      expect([...a[s].train, ...a[s].test].map(key).sort()).toEqual(raw.map(key).sort());
      const pos = a[s].test.filter((r) => r.label === 1).length;
      expect(pos).toBeGreaterThan(60); // both classes in the 20% (the sets are balanced)
      expect(pos).toBeLessThan(140);
    }
    await expect(loadSentimentSets({ trainFraction: 1 })).rejects.toThrow('loadSentimentSets: trainFraction must be in (0, 1), got 1');
  });
  it('lexicon scores: AFINN comparative (score per word)', async () => {
    const s = await lexiconScores(['good', 'bad bad', 'a table']);
    expect(s[0]).toBeGreaterThan(0);
    expect(s[1]).toBeLessThan(0);
    expect(s[2]).toBe(0);
  });
});

describe('loadLexicon and wordValences (the sentiment demo\'s fixed per-word feature)', () => {
  it('valence / 5 per word, 0 off the lexicon, the sign flipped in a negation\'s scope', async () => {
    const lex = await loadLexicon();
    expect(lex.size).toBeGreaterThan(3000);
    expect(lex.get('good')).toBe(3);
    expect(lex.get('bad')).toBe(-3);
    expect(lex.get('table')).toBeUndefined();
    const { text } = await import('../src/text/tokenizers.js');
    const words = text.wordTokenizer([], { negation: true }).split('Not GOOD at all, bad table');
    expect(words).toEqual(['not', '\u00acgood', '\u00acat', '\u00acall', ',', 'bad', 'table']);
    expect(Array.from(wordValences(words, lex))).toEqual([0, -3 / 5, 0, 0, 0, -3 / 5, 0].map(Math.fround));
    expect(Array.from(wordValences(['Good', '\u00acbad'], new Map([['good', 2], ['bad', -5]])))).toEqual([0.4, 1].map(Math.fround));
    expect(wordValences([], lex).length).toBe(0);
  });
});

describe('loadMobyDick', () => {
  it('the whole text, the first 90% as train', async () => {
    const { train, validation } = await loadMobyDick();
    const n = train.length + validation.length;
    expect(n).toBeGreaterThan(1_150_000);
    expect(train.length).toBe(Math.floor(n * 0.9));
    expect(train.startsWith('CHAPTER 1. Loomings.')).toBe(true);
    expect(validation.length).toBeGreaterThan(100_000);
    expect((await loadMobyDick({ trainFraction: 0.5 })).train.length).toBe(Math.floor(n * 0.5));
    await expect(loadMobyDick({ trainFraction: 0 })).rejects.toThrow('loadMobyDick: trainFraction must be in (0, 1), got 0');
  });
});

describe('MaskedAveragePooling1D (the sentiment demo pooling)', () => {
  it('averages the unmasked positions only; a row with none gives zeros; a bad input list is refused', async () => {
    const eg = await import('../src/index.js');
    const { MaskedAveragePooling1D } = await import('../src/cli-text.js');
    await eg.init({ backend: 'js' });
    const pool = new MaskedAveragePooling1D();
    // x [2, 3, 2]; row 0 keeps positions 0 and 2, row 1 none
    const x = eg.tensor([1, 2, 100, 200, 5, 6, 7, 8, 9, 10, 11, 12], [2, 3, 2]);
    const m = eg.tensor([1, 0, 1, 0, 0, 0], [2, 3]);
    expect(Array.from(pool.apply([x, m]).dataSync())).toEqual([3, 4, 0, 0]);
    expect(() => new MaskedAveragePooling1D().apply([eg.input({ shape: [3, 2] }), eg.input({ shape: [4] })])).toThrow(/needs inputs \[x \(T, d\), mask \(T\)\]/);
  });
});

describe('SubwordBag and the sentiment model', () => {
  it('averages the vectors of the non-zero ids only; a position with none gives zeros; bad shapes are refused', async () => {
    const eg = await import('../src/index.js');
    const { SubwordBag } = await import('../src/cli-text.js');
    await eg.init({ backend: 'js' });
    // x [1, 2, 3, 2]: position 0 keeps slots 0 and 2, position 1 none
    const x = eg.tensor([1, 2, 100, 200, 5, 6, 7, 8, 9, 10, 11, 12], [1, 2, 3, 2]);
    const ids = eg.tensor([4, 0, 9, 0, 0, 0], [1, 2, 3], 'int32');
    expect(Array.from(new SubwordBag().apply([x, ids]).dataSync())).toEqual([3, 4, 0, 0]);
    expect(() => new SubwordBag().apply([eg.input({ shape: [2, 3, 4] }), eg.input({ shape: [2, 4], dtype: 'int32' })])).toThrow(/needs inputs \[x \(T, K, d\), ids \(T, K\)\]/);
  });

  it('log-count ratios by hand: per sentence occurrence, alpha 1, 0 for padding and unknown; bad alpha refused', async () => {
    const eg = await import('../src/index.js');
    const { logCountRatios } = await import('../src/cli-text.js');
    const tok = eg.text.wordTokenizer(['good film', 'bad film']);
    expect(tok.vocab).toEqual(['[PAD]', '[UNK]', 'film', 'bad', 'good']);
    // positive: film, good (twice in one sentence counts once): p = [1, 1, 2, 1, 2], 7 in all;
    // negative: film, bad, zebra ([UNK]): q = [1, 2, 2, 2, 1], 8 in all
    const r = logCountRatios(tok, [{ text: 'good good film', label: 1 }, { text: 'bad film', label: 0 }, { text: 'zebra', label: 0 }]);
    const want = [0, 0, Math.log((2 / 7) / (2 / 8)), Math.log((1 / 7) / (2 / 8)), Math.log((2 / 7) / (1 / 8))];
    Array.from(r).forEach((v, i) => expect(v).toBeCloseTo(want[i], 6));
    expect(() => logCountRatios(tok, [], 0)).toThrow('logCountRatios: alpha must be > 0, got 0');
  });

  it('cross-fitted log-count ratios: part j\'s table is fitted on the other parts\' rows (row i in part i % folds)', async () => {
    const eg = await import('../src/index.js');
    const { crossFittedRatios, logCountRatios } = await import('../src/cli-text.js');
    const tok = eg.text.wordTokenizer(['good film', 'bad film', 'dull plot']);
    const rows = [{ text: 'good film', label: 1 }, { text: 'bad film', label: 0 }, { text: 'good plot', label: 1 },
      { text: 'dull plot', label: 0 }, { text: 'bad dull', label: 0 }] as const;
    const [a, b] = crossFittedRatios(tok, [...rows], 2);
    expect(Array.from(a)).toEqual(Array.from(logCountRatios(tok, [rows[1], rows[3]])));
    expect(Array.from(b)).toEqual(Array.from(logCountRatios(tok, [rows[0], rows[2], rows[4]])));
    expect(Array.from(a)).not.toEqual(Array.from(b));
    expect(() => crossFittedRatios(tok, [...rows], 1)).toThrow('crossFittedRatios: folds must be an integer >= 2, got 1');
  });

  it('word ids + hashed subwords + fixed features (valence, log-count ratio) -> transformer encoder -> pooled sigmoid: trains, saves and reloads the same', async () => {
    const eg = await import('../src/index.js');
    const { sentimentModel, logCountRatios } = await import('../src/cli-text.js');
    await eg.init({ backend: 'js' });
    const tok = eg.text.wordTokenizer(['good film', 'not good at all'], { negation: true });
    const hasher = eg.text.subwordHasher({ buckets: 64, perWord: 4 }), lex = await loadLexicon();
    const ratios = logCountRatios(tok, [{ text: 'good film', label: 1 }, { text: 'not good at all', label: 0 }]);
    const T = 5, texts = ['good film', 'not good at all', 'an unseen word', ''];
    const ids = new Int32Array(texts.length * T), mask = new Float32Array(texts.length * T), sub = new Int32Array(texts.length * T * 4);
    const features = new Float32Array(texts.length * T * 2);
    texts.forEach((t, i) => {
      const w = tok.split(t).slice(0, T), wid = tok.encode(t).slice(0, T);
      ids.set(wid, i * T);
      mask.fill(1, i * T, i * T + w.length);
      sub.set(hasher.encode(w, T), i * T * 4);
      wordValences(w, lex).forEach((v, k) => { features[2 * (i * T + k)] = v; features[2 * (i * T + k) + 1] = ratios[wid[k]]; });
    });
    const x = (f: Float32Array) => [eg.tensor(ids, [4, T], 'int32'), eg.tensor(mask, [4, T]), eg.tensor(sub, [4, T, 4], 'int32'), eg.tensor(f, [4, T, 2])];
    expect(sentimentModel(tok.vocabSize, hasher, T, 8).inputs.length).toBe(3); // no fixed features: no fourth input
    const model = sentimentModel(tok.vocabSize, hasher, T, 8, 0, [2, 3]);
    expect(model.inputs.length).toBe(4);
    const fixed = model.weights.find((w) => w.name.includes('fixed_features'))!;
    expect(fixed.shape).toEqual([2, 8]);
    const before = Array.from(fixed.dataSync());
    expect(Math.hypot(...before.slice(0, 8))).toBeCloseTo(2, 5); // one direction per channel, of its scale's length
    expect(Math.hypot(...before.slice(8))).toBeCloseTo(3, 5);
    expect(model.trainableWeights.some((w) => w.name.includes('fixed_features'))).toBe(false);
    const p = (model.predict(x(features)) as Tensor).dataSync(), none = (model.predict(x(new Float32Array(features.length))) as Tensor).dataSync();
    expect(p[0]).not.toBeCloseTo(none[0], 6); // the features reach the output
    expect(p[1]).not.toBeCloseTo(none[1], 6);
    model.compile({ optimizer: eg.optimizers.adam({ learningRate: 1e-2 }), loss: 'binaryCrossentropy' });
    const h = await model.fit(x(features), eg.tensor([1, 0, 1, 0], [4, 1]), { epochs: 8, batchSize: 4, seed: 1, verbose: 0 });
    expect(h.history.loss[7]).toBeLessThan(h.history.loss[0]);
    expect(Array.from(fixed.dataSync())).toEqual(before); // not trained
    const q = (model.predict(x(features)) as Tensor).dataSync();
    for (const v of q) expect(v > 0 && v < 1).toBe(true);
    const { mkdtempSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const dir = mkdtempSync(join(tmpdir(), 'eg-sentiment-'));
    await model.save(dir);
    const back = await eg.loadModel(dir);
    expect(Array.from((back.predict(x(features)) as Tensor).dataSync())).toEqual(Array.from(q));
    rmSync(dir, { recursive: true, force: true });
  });
});
