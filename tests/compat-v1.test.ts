// Models saved by edgegrad's formatVersion 1 (tests/fixtures/v1, written by the code of 2026-11-25
// before the format changed) load and predict as they did when saved; the MLP also keeps its
// optimizer state, so training resumes.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import * as eg from '../src/index.js';
import { testBackends, use } from './util/backends.js';

const dir = new URL('./fixtures/v1/', import.meta.url);
const expected = JSON.parse(readFileSync(new URL('expected.json', dir), 'utf8')) as
  Record<string, { x: number[]; xShape: number[]; dtype?: 'int32'; y: number[] }>;

for (const cfg of testBackends()) {
  describe(`formatVersion 1 models on ${cfg.label}`, () => {
    beforeAll(() => use(cfg));

    for (const name of Object.keys(expected)) {
      it(`${name}: loads and predicts what it predicted when saved`, async () => {
        const e = expected[name];
        const model = await eg.loadModel(new URL(name, dir).pathname);
        const x = eg.tensor(e.dtype === 'int32' ? Int32Array.from(e.x) : Float32Array.from(e.x), e.xShape, e.dtype ?? 'float32');
        const y = model.predict(x);
        const got = Array.from(await y.data());
        expect(got.length).toBe(e.y.length);
        // The values were written by the simd wasm build; other builds round GEMM sums differently.
        got.forEach((v, i) => expect(Math.abs(v - e.y[i])).toBeLessThanOrEqual(1e-6 + 1e-5 * Math.abs(e.y[i])));
        x.dispose(); y.dispose();
        model.dispose();
      });
    }

    it('mlp: the optimizer state comes back, so fit continues', async () => {
      const model = await eg.loadModel(new URL('mlp', dir).pathname);
      const x = eg.randn([8, 6], { seed: 2 });
      const y = eg.tensor(Int32Array.from([0, 1, 2, 0, 1, 2, 0, 1]), [8], 'int32');
      const h = await model.fit(x, y, { epochs: 1, batchSize: 8, verbose: 0 });
      expect(Number.isFinite(h.history.loss[0])).toBe(true);
      x.dispose(); y.dispose();
      model.dispose();
    });
  });
}
