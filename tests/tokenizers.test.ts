// Character- and word-level tokenizers: build, encode/decode round trips, unknown tokens, JSON save/load, bad input.
import { describe, expect, it } from 'vitest';
import * as eg from '../src/index.js';

describe('CharTokenizer', () => {
  const text = 'hello, wörld 👋\nhello';
  const t = eg.text.charTokenizer(text);

  it('builds a vocabulary sorted by code point, one id per character (astral ones too), and round-trips', () => {
    expect(t.vocab).toEqual(['\n', ' ', ',', 'd', 'e', 'h', 'l', 'o', 'r', 'w', 'ö', '👋']);
    const ids = t.encode('hello 👋');
    expect(ids).toEqual([5, 4, 6, 6, 7, 1, 11]);
    expect(t.decode(ids)).toBe('hello 👋');
    expect(t.decode(t.encode(text))).toBe(text);
  });

  it('refuses characters outside the vocabulary by name, unless it has an unknown token', () => {
    expect(() => t.encode('help')).toThrow(/CharTokenizer.encode: "p" \(at position 3\) is not in the vocabulary of 12 tokens/);
    const u = eg.text.charTokenizer('ab', { unknownToken: '?' });
    expect(u.decode(u.encode('abc'))).toBe('ab?');
    expect(() => t.decode([0, 12])).toThrow(/CharTokenizer.decode: id 12 \(at position 1\) is out of range: ids must be in \[0, 11\]/);
    expect(() => t.decode([1.5])).toThrow(/id 1.5/);
  });

  it('saves and loads as JSON', () => {
    const back = eg.CharTokenizer.fromJSON(JSON.stringify(t));
    expect(back.vocab).toEqual(t.vocab);
    expect(back.encode('hello')).toEqual(t.encode('hello'));
    expect(() => eg.WordTokenizer.fromJSON(t.toJSON())).toThrow(/holds a character tokenizer/);
    expect(() => new eg.CharTokenizer(['a', 'a'])).toThrow(/token "a" appears twice/);
    expect(() => new eg.CharTokenizer(['ab'])).toThrow(/"ab" is not one character/);
  });
});

describe('WordTokenizer', () => {
  const corpus = ['The cat sat on the mat.', 'The dog sat, the cat ran!'];

  it('splits words and punctuation, ranks by count (ties alphabetical) after [PAD] and [UNK]', () => {
    const t = eg.text.wordTokenizer(corpus);
    expect(t.vocab.slice(0, 6)).toEqual(['[PAD]', '[UNK]', 'the', 'cat', 'sat', '!']);
    expect(t.split("Don't stop.")).toEqual(["don't", 'stop', '.']);
    expect(t.decode(t.encode('the cat sat on the mat .'))).toBe('the cat sat on the mat .');
  });

  it('maxVocabSize keeps the most frequent words; the rest become the unknown token', () => {
    const t = eg.text.wordTokenizer(corpus, { maxVocabSize: 4 });
    expect(t.vocabSize).toBe(4);
    expect(t.encode('the cat ran')).toEqual([2, 3, 1]);
    expect(t.decode(t.encode('the zebra'))).toBe('the [UNK]');
    expect(() => eg.text.wordTokenizer(corpus, { maxVocabSize: 2 })).toThrow(/maxVocabSize must be an integer >= 3/);
  });

  it('keeps case when asked, saves and loads as JSON', () => {
    const t = eg.text.wordTokenizer(corpus, { lowercase: false, unknownToken: '<unk>', padToken: '<pad>' });
    expect(t.encode('The the')).not.toEqual([t.encode('the')[0], t.encode('the')[0]]);
    const back = eg.text.fromJSON(JSON.parse(JSON.stringify(t)));
    expect(back).toBeInstanceOf(eg.WordTokenizer);
    expect(back.encode('The cat, the dog')).toEqual(t.encode('The cat, the dog'));
    expect(() => eg.text.fromJSON({ type: 'bpe', vocab: ['a'] } as never)).toThrow(/unknown tokenizer type "bpe"/);
    expect(() => eg.text.fromJSON({ type: 'word', vocab: ['a'] })).toThrow(/needs its unknownToken/);
  });
});

describe('WordTokenizer: negation and minCount', () => {
  it('marks the words in a negation scope, up to punctuation or "but"; the marks survive JSON', () => {
    const t = eg.text.wordTokenizer(['Not good, great. I did not like it but loved the rest', "It isn't bad at all!", 'Never again'], { negation: true });
    const N = eg.NEGATED;
    expect(t.split('Not good, great.')).toEqual(['not', `${N}good`, ',', 'great', '.']);
    expect(t.split("It isn't bad at all! Good")).toEqual(['it', "isn't", `${N}bad`, `${N}at`, `${N}all`, '!', 'good']);
    expect(t.split('i did not like it but loved it')).toEqual(['i', 'did', 'not', `${N}like`, `${N}it`, 'but', 'loved', 'it']);
    expect(t.split('dont buy, no more not')).toEqual(['dont', `${N}buy`, ',', 'no', `${N}more`, `${N}not`]);
    expect(t.split('')).toEqual([]);
    expect(t.vocab).toContain(`${N}good`);
    expect(t.encode('not good')).toEqual([t.encode('not')[0], t.vocab.indexOf(`${N}good`)]);
    // without the option nothing is marked; the mark cannot come out of a split without it
    const plain = eg.text.wordTokenizer(['not good'], {});
    expect(plain.split(`not good ${N}good`)).toEqual(['not', 'good', N, 'good']);
    const back = eg.text.fromJSON(JSON.stringify(t)) as eg.WordTokenizer;
    expect(back.negation).toBe(true);
    expect(back.split('not good, great')).toEqual(t.split('not good, great'));
    expect(eg.text.fromJSON(JSON.stringify(plain))).toMatchObject({ negation: false });
    expect(() => eg.text.wordTokenizer(['a'], { negation: 'yes' as never })).toThrow(/negation must be true or false, got "yes"/);
  });

  it('minCount keeps the words seen that often; the others are unknown', () => {
    const t = eg.text.wordTokenizer(['the cat sat on the mat.', 'The dog sat, the cat ran!'], { minCount: 2 });
    expect(t.vocab).toEqual(['[PAD]', '[UNK]', 'the', 'cat', 'sat']);
    expect(t.encode('the dog sat')).toEqual([2, 1, 4]);
    expect(() => eg.text.wordTokenizer(['a'], { minCount: 0 })).toThrow(/minCount must be an integer >= 1, got 0/);
    expect(() => eg.text.wordTokenizer(['a'], { minCount: 1.5 })).toThrow(/minCount must be an integer >= 1, got 1.5/);
  });
});

describe('SubwordHasher', () => {
  const h = eg.text.subwordHasher({ buckets: 1000, perWord: 8 });

  it('features: the word, its bigram, the negation mark, then n-grams of <word> shortest first, at most perWord', () => {
    expect(h.features('cat')).toEqual(['w:cat', 'b:<s> cat', '<ca', 'cat', 'at>', '<cat', 'cat>']);
    expect(h.features(`${eg.NEGATED}cat`, `${eg.NEGATED}the`)).toEqual(['w:cat', 'b:the cat', 'neg:', '<ca', 'cat', 'at>', '<cat', 'cat>']);
    expect(h.features('elephant', 'an')).toHaveLength(8);
    expect(h.features('a')).toEqual(['w:a', 'b:<s> a']); // '<a>' is the whole word: no n-gram of it
    expect(eg.text.subwordHasher({ bigrams: false, minN: 2, maxN: 2 }).features('ok')).toEqual(['w:ok', '<o', 'ok', 'k>']);
    expect(h.features('👋x')).toContain('<👋x');
  });

  it('encode: [length, perWord] ids in [1, buckets), 0 pads; deterministic; an empty sentence is all padding', () => {
    const ids = h.encode(['the', 'cat'], 4);
    expect(ids).toBeInstanceOf(Int32Array);
    expect(ids.length).toBe(4 * 8);
    for (let k = 0; k < 16; k++) {
      if (k % 8 === 7) { expect(ids[k]).toBe(0); continue; } // 'the' and 'cat' have 7 features each: the 8th slot pads
      expect(ids[k]).toBeGreaterThanOrEqual(1);
      expect(ids[k]).toBeLessThan(1000);
    }
    expect(Array.from(ids.subarray(16))).toEqual(new Array(16).fill(0));
    expect(Array.from(h.encode(['the', 'cat'], 4))).toEqual(Array.from(ids));
    expect(Array.from(eg.text.subwordHasher({ buckets: 1000, perWord: 8 }).encode(['the', 'cat'], 4))).toEqual(Array.from(ids));
    expect(h.encode([], 3)).toEqual(new Int32Array(24));
    expect(h.encode(['a', 'b', 'c'], 1).length).toBe(8); // cut to length
    expect(h.id('w:cat')).toBe(ids[8]);
    // FNV-1a of 'a' is 0xe40c292c; ids are 1 + hash mod (buckets - 1)
    expect(h.id('a')).toBe(1 + (0xe40c292c % 999));
  });

  it('an unseen word shares its n-grams with words it resembles (and its own word id is new)', () => {
    const seen = new Set(h.encode(['terrible'], 1)), unseen = h.encode(['terribly'], 1);
    const shared = Array.from(unseen).filter((v, k) => k >= 2 && seen.has(v));
    expect(shared.length).toBeGreaterThanOrEqual(4); // <te ter err rri rib ...
    expect(unseen[0]).not.toBe(h.encode(['terrible'], 1)[0]);
  });

  it('refuses bad options and input by name', () => {
    expect(() => eg.text.subwordHasher({ buckets: 1 })).toThrow(/SubwordHasher: buckets must be an integer >= 2, got 1/);
    expect(() => eg.text.subwordHasher({ minN: 4, maxN: 3 })).toThrow(/maxN must be an integer >= 4, got 3/);
    expect(() => eg.text.subwordHasher({ perWord: 0 })).toThrow(/perWord must be an integer >= 1, got 0/);
    expect(() => eg.text.subwordHasher({ bigrams: 1 as never })).toThrow(/bigrams must be true or false/);
    expect(() => h.encode('the cat' as never, 2)).toThrow(/words must be an array of strings/);
    expect(() => h.encode(['a'], -1)).toThrow(/length must be an integer >= 0, got -1/);
    expect(() => h.features(3 as never)).toThrow(/word must be a string/);
    expect(h.toJSON()).toEqual({ buckets: 1000, minN: 3, maxN: 5, perWord: 8, bigrams: true });
  });
});
