// The data loaders: the IDX reader (well-formed and corrupt files) and Fashion-MNIST from Debian's
// dataset-fashion-mnist package (CI installs it; elsewhere the real-data test says why it skips).
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { FASHION_MNIST_DIR, loadFashionMnist, parseIdx } from '../src/data/idx.js';

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
    writeFileSync(join(dir, 't10k-labels-idx1-ubyte.gz'), new Uint8Array([1, 2, 3]));
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
