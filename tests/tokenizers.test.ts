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
