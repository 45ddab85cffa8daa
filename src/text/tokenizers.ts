// Character- and word-level vocabularies: build from text, encode to ids, decode, save as JSON.

export interface TokenizerJSON {
  type: 'char' | 'word';
  vocab: string[];
  unknownToken?: string;
  lowercase?: boolean;
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
}

const WORDS = /[\p{L}\p{N}_']+|[^\s\p{L}\p{N}_']/gu;

/**
 * Words (letters, digits, ' and _) and single punctuation marks; ids 0 and 1 are the padding and
 * unknown tokens, then words by descending count (ties alphabetical). decode joins with spaces.
 */
export class WordTokenizer extends Vocabulary {
  readonly lowercase: boolean;

  constructor(vocab: readonly string[], opts: { unknownToken: string; lowercase?: boolean }) {
    super('WordTokenizer', vocab, opts?.unknownToken);
    this.lowercase = opts.lowercase ?? true;
  }

  static fromText(text: string | string[], opts: WordTokenizerOptions = {}): WordTokenizer {
    const { maxVocabSize, unknownToken = '[UNK]', padToken = '[PAD]', lowercase = true } = opts;
    if (maxVocabSize !== undefined && (!Number.isInteger(maxVocabSize) || maxVocabSize < 3)) {
      throw new Error(`WordTokenizer.fromText: maxVocabSize must be an integer >= 3 (padding, unknown and one word), got ${maxVocabSize}`);
    }
    if (unknownToken === padToken) throw new Error(`WordTokenizer.fromText: unknownToken and padToken must differ, both are ${JSON.stringify(padToken)}`);
    const texts = Array.isArray(text) ? text : [text];
    if (texts.some((t) => typeof t !== 'string')) throw new Error('WordTokenizer.fromText: text must be a string or an array of strings');
    const counts = new Map<string, number>();
    for (const t of texts) for (const w of split(t, lowercase)) counts.set(w, (counts.get(w) ?? 0) + 1);
    counts.delete(unknownToken);
    counts.delete(padToken);
    const words = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map(([w]) => w);
    const vocab = [padToken, unknownToken, ...words].slice(0, maxVocabSize);
    return new WordTokenizer(vocab, { unknownToken, lowercase });
  }

  /** The words of `text` as the tokenizer splits them. */
  split(text: string): string[] { return split(text, this.lowercase); }

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

  toJSON(): TokenizerJSON { return { type: 'word', vocab: [...this.vocab], unknownToken: this.unknownToken, lowercase: this.lowercase }; }
}

function split(text: string, lowercase: boolean): string[] {
  return (lowercase ? text.toLowerCase() : text).match(WORDS) ?? [];
}

/** A tokenizer from what toJSON wrote (an object or its JSON text). */
export function tokenizerFromJSON(json: TokenizerJSON | string): CharTokenizer | WordTokenizer {
  const j = (typeof json === 'string' ? JSON.parse(json) : json) as TokenizerJSON;
  if (!j || typeof j !== 'object') throw new Error('tokenizerFromJSON: expects an object from toJSON() or its JSON text');
  if (j.type === 'char') return new CharTokenizer(j.vocab, j.unknownToken);
  if (j.type === 'word') {
    if (typeof j.unknownToken !== 'string') throw new Error('tokenizerFromJSON: a word tokenizer needs its unknownToken');
    return new WordTokenizer(j.vocab, { unknownToken: j.unknownToken, lowercase: j.lowercase });
  }
  throw new Error(`tokenizerFromJSON: unknown tokenizer type ${JSON.stringify((j as { type?: unknown }).type)} (expected 'char' or 'word')`);
}

/** eg.text: tokenizers. */
export const text = {
  charTokenizer: (source: string, opts?: { unknownToken?: string }) => CharTokenizer.fromText(source, opts),
  wordTokenizer: (source: string | string[], opts?: WordTokenizerOptions) => WordTokenizer.fromText(source, opts),
  fromJSON: tokenizerFromJSON,
};
