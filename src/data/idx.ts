// Readers for the IDX format (MNIST's and Fashion-MNIST's files) and the Fashion-MNIST files that
// Debian's `dataset-fashion-mnist` package installs. Node only (gzip and the file system).
import type { Digits } from './mnist.js';

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
  const { readFile } = await import('node:fs/promises');
  const { gunzipSync } = await import('node:zlib');
  const { join } = await import('node:path');
  const dir = opts.dir ?? FASHION_MNIST_DIR;
  const read = async (name: string): Promise<IdxArray> => {
    const path = join(dir, name);
    let raw: Uint8Array;
    try { raw = await readFile(path); } catch (e) {
      throw new Error(`loadFashionMnist: cannot read ${path} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}); `
        + "on Debian install it with `apt-get install dataset-fashion-mnist`, or pass { dir } with the four idx.gz files");
    }
    let bytes: Uint8Array;
    try { bytes = name.endsWith('.gz') ? gunzipSync(raw) : raw; } catch (e) {
      throw new Error(`loadFashionMnist: ${path} is not a valid gzip file (${(e as Error).message})`);
    }
    return parseIdx(bytes, `loadFashionMnist: ${path}`);
  };
  const split = async (prefix: string, keep: number | undefined): Promise<Digits> => {
    const im = await read(`${prefix}-images-idx3-ubyte.gz`);
    const lb = await read(`${prefix}-labels-idx1-ubyte.gz`);
    if (im.dims.length !== 3 || im.dims[1] !== 28 || im.dims[2] !== 28) throw new Error(`loadFashionMnist: ${prefix} images have dims [${im.dims}], expected [n, 28, 28]`);
    if (lb.dims.length !== 1 || lb.dims[0] !== im.dims[0]) throw new Error(`loadFashionMnist: ${prefix} has ${im.dims[0]} images but labels of dims [${lb.dims}]`);
    const n = Math.min(keep ?? im.dims[0], im.dims[0]);
    const images = new Float32Array(n * 784);
    for (let i = 0; i < n * 784; i++) images[i] = im.data[i] / 255;
    const labels = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      if (lb.data[i] > 9) throw new Error(`loadFashionMnist: ${prefix} label ${i} is ${lb.data[i]}, outside 0..9`);
      labels[i] = lb.data[i];
    }
    return { images, labels, count: n };
  };
  return { train: await split('train', opts.train), test: await split('t10k', opts.test) };
}
