// Character- and word-level vocabularies (build from text, encode to ids, decode, save as JSON), and
// hashed subword features (fastText's character n-grams, word bigrams) for words a vocabulary lacks.

export interface TokenizerJSON {
  type: 'char' | 'word';
  vocab: string[];
  unknownToken?: string;
  lowercase?: boolean;
  negation?: boolean;
}

/** Shared by both kinds: a vocabulary list, its index, and the unknown token's id (if any). */
abstract class Vocabulary {
  readonly vocab: readonly string[];
  protected readonly index = new Map<string, number>();
  readonly unknownToken?: string;
  protected readonly unknownId: number;

  protected constructor(kind: string, vocab: readonly string[], unknownToken?: string) {
    if (!Array.isArray(vocab) || vocab.length === 0 || vocab.some((t) => typeof t !== 'string')) throw new Error(`${kind}: vocab must be a non-empty array of strings`);
    vocab.forEach((t, i) => {
      if (this.index.has(t)) throw new Error(`${kind}: token ${JSON.stringify(t)} appears twice in the vocabulary (ids ${this.index.get(t)} and ${i})`);
      this.index.set(t, i);
    });
    if (unknownToken !== undefined && !this.index.has(unknownToken)) throw new Error(`${kind}: unknownToken ${JSON.stringify(unknownToken)} is not in the vocabulary`);
    this.vocab = [...vocab];
    this.unknownToken = unknownToken;
    this.unknownId = unknownToken === undefined ? -1 : this.index.get(unknownToken)!;
  }

  get vocabSize(): number { return this.vocab.length; }

  /** The id of a token, or the unknown token's id, or a throw naming it. */
  protected idOf(kind: string, token: string, at: number): number {
    const id = this.index.get(token);
    if (id !== undefined) return id;
    if (this.unknownId >= 0) return this.unknownId;
    throw new Error(`${kind}: ${JSON.stringify(token)} (at position ${at}) is not in the vocabulary of ${this.vocab.length} tokens and there is no unknownToken`);
  }

  /** The tokens of `ids`; an id outside [0, vocabSize) is refused. */
  protected tokens(kind: string, ids: ArrayLike<number>): string[] {
    return Array.from(ids, (id, i) => {
      if (!Number.isInteger(id) || id < 0 || id >= this.vocab.length) throw new Error(`${kind}.decode: id ${id} (at position ${i}) is out of range: ids must be in [0, ${this.vocab.length - 1}]`);
      return this.vocab[id];
    });
  }
}

/** One token per character (Unicode code point); the vocabulary is sorted by code point. */
export class CharTokenizer extends Vocabulary {
  constructor(vocab: readonly string[], unknownToken?: string) {
    super('CharTokenizer', vocab, unknownToken);
    for (const t of vocab) if (t !== unknownToken && Array.from(t).length !== 1) throw new Error(`CharTokenizer: vocabulary entry ${JSON.stringify(t)} is not one character`);
  }

  /** The characters of `text`; `unknownToken` (added to the vocabulary) stands for characters not seen. */
  static fromText(text: string, opts: { unknownToken?: string } = {}): CharTokenizer {
    if (typeof text !== 'string') throw new Error('CharTokenizer.fromText: text must be a string');
    const chars = [...new Set(Array.from(text))].sort((a, b) => a.codePointAt(0)! - b.codePointAt(0)!);
    const u = opts.unknownToken;
    if (u !== undefined && !chars.includes(u)) chars.push(u);
    if (chars.length === 0) throw new Error('CharTokenizer.fromText: text is empty');
    return new CharTokenizer(chars, u);
  }

  encode(text: string): number[] {
    if (typeof text !== 'string') throw new Error('CharTokenizer.encode: text must be a string');
    return Array.from(text, (c, i) => this.idOf('CharTokenizer.encode', c, i));
  }

  decode(ids: ArrayLike<number>): string { return this.tokens('CharTokenizer', ids).join(''); }

  static fromJSON(json: TokenizerJSON | string): CharTokenizer {
    const t = tokenizerFromJSON(json);
    if (!(t instanceof CharTokenizer)) throw new Error('CharTokenizer.fromJSON: the JSON holds a word tokenizer (use WordTokenizer.fromJSON)');
    return t;
  }

  toJSON(): TokenizerJSON {
    const j: TokenizerJSON = { type: 'char', vocab: [...this.vocab] };
    if (this.unknownToken !== undefined) j.unknownToken = this.unknownToken;
    return j;
  }
}

export interface WordTokenizerOptions {
  /** Most tokens kept, the padding and unknown tokens included (default: all words). */
  maxVocabSize?: number;
  /** Stands for words not in the vocabulary (default '[UNK]'; id 1). */
  unknownToken?: string;
  /** Id 0 (default '[PAD]'), for padding sequences to one length. */
  padToken?: string;
  /** Lowercase before splitting (default true). */
  lowercase?: boolean;
  /** Keep only words seen at least this often (default 1); the rest become the unknown token. */
  minCount?: number;
  /**
   * Mark the words in a negation's scope with NEGATED ('¬'): after `not`, `no`, `never`, a word
   * ending in `n't` and the like, up to the next `.`, `,`, `!`, `?`, `;`, `:` or `but` ("not good,
   * great" -> not ¬good , great). Default false.
   */
  negation?: boolean;
}

/** The prefix `negation` puts on the words in a negation's scope (a symbol, so no split word starts with it). */
export const NEGATED = '\u00ac';
const NEGATORS = new Set(['not', 'no', 'never', 'nothing', 'nobody', 'none', 'neither', 'nor', 'nowhere', 'without', 'hardly', 'barely',
  'dont', 'doesnt', 'didnt', 'isnt', 'arent', 'wasnt', 'werent', 'cant', 'couldnt', 'wont', 'wouldnt', 'shouldnt', 'aint', 'havent', 'hasnt']);
const SCOPE_ENDS = new Set(['.', ',', '!', '?', ';', ':', 'but']);

const WORDS = /[\p{L}\p{N}_']+|[^\s\p{L}\p{N}_']/gu;

/**
 * Words (letters, digits, ' and _) and single punctuation marks; ids 0 and 1 are the padding and
 * unknown tokens, then words by descending count (ties alphabetical). decode joins with spaces.
 */
export class WordTokenizer extends Vocabulary {
  readonly lowercase: boolean;
  readonly negation: boolean;

  constructor(vocab: readonly string[], opts: { unknownToken: string; lowercase?: boolean; negation?: boolean }) {
    super('WordTokenizer', vocab, opts?.unknownToken);
    this.lowercase = opts.lowercase ?? true;
    this.negation = opts.negation ?? false;
    if (typeof this.negation !== 'boolean') throw new Error(`WordTokenizer: negation must be true or false, got ${JSON.stringify(opts.negation)}`);
  }

  static fromText(text: string | string[], opts: WordTokenizerOptions = {}): WordTokenizer {
    const { maxVocabSize, minCount = 1, unknownToken = '[UNK]', padToken = '[PAD]', lowercase = true, negation = false } = opts;
    if (!Number.isInteger(minCount) || minCount < 1) throw new Error(`WordTokenizer.fromText: minCount must be an integer >= 1, got ${minCount}`);
    if (maxVocabSize !== undefined && (!Number.isInteger(maxVocabSize) || maxVocabSize < 3)) {
      throw new Error(`WordTokenizer.fromText: maxVocabSize must be an integer >= 3 (padding, unknown and one word), got ${maxVocabSize}`);
    }
    if (unknownToken === padToken) throw new Error(`WordTokenizer.fromText: unknownToken and padToken must differ, both are ${JSON.stringify(padToken)}`);
    const texts = Array.isArray(text) ? text : [text];
    if (texts.some((t) => typeof t !== 'string')) throw new Error('WordTokenizer.fromText: text must be a string or an array of strings');
    const counts = new Map<string, number>();
    if (typeof negation !== 'boolean') throw new Error(`WordTokenizer.fromText: negation must be true or false, got ${JSON.stringify(negation)}`);
    for (const t of texts) for (const w of split(t, lowercase, negation)) counts.set(w, (counts.get(w) ?? 0) + 1);
    counts.delete(unknownToken);
    counts.delete(padToken);
    const words = [...counts].filter(([, c]) => c >= minCount).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map(([w]) => w);
    const vocab = [padToken, unknownToken, ...words].slice(0, maxVocabSize);
    return new WordTokenizer(vocab, { unknownToken, lowercase, negation });
  }

  /** The words of `text` as the tokenizer splits them (negated ones marked, with `negation`). */
  split(text: string): string[] { return split(text, this.lowercase, this.negation); }

  encode(text: string): number[] {
    if (typeof text !== 'string') throw new Error('WordTokenizer.encode: text must be a string');
    return this.split(text).map((w, i) => this.idOf('WordTokenizer.encode', w, i));
  }

  decode(ids: ArrayLike<number>): string { return this.tokens('WordTokenizer', ids).join(' '); }

  static fromJSON(json: TokenizerJSON | string): WordTokenizer {
    const t = tokenizerFromJSON(json);
    if (!(t instanceof WordTokenizer)) throw new Error('WordTokenizer.fromJSON: the JSON holds a character tokenizer (use CharTokenizer.fromJSON)');
    return t;
  }

  toJSON(): TokenizerJSON {
    const j: TokenizerJSON = { type: 'word', vocab: [...this.vocab], unknownToken: this.unknownToken, lowercase: this.lowercase };
    if (this.negation) j.negation = true;
    return j;
  }
}

function split(text: string, lowercase: boolean, negation = false): string[] {
  const words = (lowercase ? text.toLowerCase() : text).match(WORDS) ?? [];
  if (!negation) return words;
  let negated = false;
  return words.map((w) => {
    const l = lowercase ? w : w.toLowerCase();
    if (SCOPE_ENDS.has(l)) negated = false;
    const out = negated ? NEGATED + w : w;
    if (NEGATORS.has(l) || l.endsWith("n't")) negated = true;
    return out;
  });
}

export interface SubwordHasherOptions {
  /** Hash buckets, the padding id 0 included (default 8192): features get ids in [1, buckets). */
  buckets?: number;
  /** Shortest and longest character n-grams of `<word>` (defaults 3 and 5; fastText's). */
  minN?: number;
  maxN?: number;
  /** Features kept per word (default 16): the word, its bigram, its negation mark, then n-grams by length. */
  perWord?: number;
  /** Add the pair (previous word, word) as a feature (default true). */
  bigrams?: boolean;
}

/**
 * Hashed subword features of a word sequence, fastText-style: each word gets up to `perWord`
 * bucket ids (0 pads): its own, the bigram with the word before it (`<s>` at the start), a mark if
 * it carries NEGATED, then the character n-grams of `<word>`, shortest first. Ids are FNV-1a hashes
 * of the features' text, so the same word always gets the same ids and an unseen word still shares
 * n-grams with the words it resembles. `encode(words, length)` gives [length, perWord] ids.
 */
export class SubwordHasher {
  readonly buckets: number;
  readonly minN: number;
  readonly maxN: number;
  readonly perWord: number;
  readonly bigrams: boolean;

  constructor(opts: SubwordHasherOptions = {}) {
    const { buckets = 8192, minN = 3, maxN = 5, perWord = 16, bigrams = true } = opts ?? {};
    const int = (name: string, v: number, min: number) => {
      if (!Number.isInteger(v) || v < min) throw new Error(`SubwordHasher: ${name} must be an integer >= ${min}, got ${v}`);
      return v;
    };
    this.buckets = int('buckets', buckets, 2);
    if (buckets > 2 ** 31) throw new Error(`SubwordHasher: buckets must be at most 2^31 (int32 ids), got ${buckets}`);
    this.minN = int('minN', minN, 1);
    this.maxN = int('maxN', maxN, minN);
    this.perWord = int('perWord', perWord, 1);
    if (typeof bigrams !== 'boolean') throw new Error(`SubwordHasher: bigrams must be true or false, got ${JSON.stringify(bigrams)}`);
    this.bigrams = bigrams;
  }

  /** The bucket id (in [1, buckets)) of one feature's text. */
  id(feature: string): number {
    let h = 0x811c9dc5;
    for (let i = 0; i < feature.length; i++) { h ^= feature.charCodeAt(i); h = Math.imul(h, 0x01000193); }
    return 1 + ((h >>> 0) % (this.buckets - 1));
  }

  /** The feature texts of `word` (after `previous`, or first if undefined), at most perWord of them. */
  features(word: string, previous?: string): string[] {
    if (typeof word !== 'string') throw new Error('SubwordHasher.features: word must be a string');
    const negated = word.startsWith(NEGATED), base = negated ? word.slice(NEGATED.length) : word;
    const out = [`w:${base}`];
    if (this.bigrams) out.push(`b:${previous === undefined ? '<s>' : previous.startsWith(NEGATED) ? previous.slice(NEGATED.length) : previous} ${base}`);
    if (negated) out.push('neg:');
    const chars = Array.from(`<${base}>`);
    for (let n = this.minN; n <= this.maxN && out.length < this.perWord; n++) {
      for (let i = 0; i + n <= chars.length && out.length < this.perWord; i++) {
        if (n < chars.length) out.push(chars.slice(i, i + n).join(''));
      }
    }
    return out.slice(0, this.perWord);
  }

  /** [length, perWord] ids of the first `length` words (0 pads short words and missing positions). */
  encode(words: readonly string[], length: number): Int32Array {
    if (!Array.isArray(words)) throw new Error('SubwordHasher.encode: words must be an array of strings (a tokenizer\'s split)');
    if (!Number.isInteger(length) || length < 0) throw new Error(`SubwordHasher.encode: length must be an integer >= 0, got ${length}`);
    const out = new Int32Array(length * this.perWord);
    for (let t = 0; t < Math.min(length, words.length); t++) {
      this.features(words[t], t ? words[t - 1] : undefined).forEach((f, k) => { out[t * this.perWord + k] = this.id(f); });
    }
    return out;
  }

  toJSON(): Required<SubwordHasherOptions> { return { buckets: this.buckets, minN: this.minN, maxN: this.maxN, perWord: this.perWord, bigrams: this.bigrams }; }
}

/** A tokenizer from what toJSON wrote (an object or its JSON text). */
export function tokenizerFromJSON(json: TokenizerJSON | string): CharTokenizer | WordTokenizer {
  const j = (typeof json === 'string' ? JSON.parse(json) : json) as TokenizerJSON;
  if (!j || typeof j !== 'object') throw new Error('tokenizerFromJSON: expects an object from toJSON() or its JSON text');
  if (j.type === 'char') return new CharTokenizer(j.vocab, j.unknownToken);
  if (j.type === 'word') {
    if (typeof j.unknownToken !== 'string') throw new Error('tokenizerFromJSON: a word tokenizer needs its unknownToken');
    return new WordTokenizer(j.vocab, { unknownToken: j.unknownToken, lowercase: j.lowercase, negation: j.negation });
  }
  throw new Error(`tokenizerFromJSON: unknown tokenizer type ${JSON.stringify((j as { type?: unknown }).type)} (expected 'char' or 'word')`);
}

/** eg.text: tokenizers and hashed subword features. */
export const text = {
  charTokenizer: (source: string, opts?: { unknownToken?: string }) => CharTokenizer.fromText(source, opts),
  wordTokenizer: (source: string | string[], opts?: WordTokenizerOptions) => WordTokenizer.fromText(source, opts),
  subwordHasher: (opts?: SubwordHasherOptions) => new SubwordHasher(opts),
  fromJSON: tokenizerFromJSON,
};
