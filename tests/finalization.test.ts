// The safety net: tensors the user forgot to dispose are freed once garbage-collected, and a
// kernel missing on a backend is reported by name.
import { describe, expect, it } from 'vitest';
import v8 from 'node:v8';
import vm from 'node:vm';
import * as eg from '../src/index.js';
import { engine } from '../src/engine.js';
import { testBackends, use } from './util/backends.js';

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

/** One collection, then a pause so that the registry's callbacks can run. */
async function collect(): Promise<void> {
  gc();
  await new Promise((r) => setTimeout(r, 10));
}

/** Collects (50 times at most) until the live tensor count is back down to `tensors`. */
async function collectUntil(tensors: number): Promise<void> {
  for (let i = 0; i < 50 && eg.memory().tensors > tensors; i++) await collect();
}

/** Makes `n` tensors and drops every reference to them. */
function forget(n: number): void {
  for (let i = 0; i < n; i++) eg.randn([64, 64], { seed: i });
}

for (const cfg of testBackends()) {
  describe(`safety nets on ${cfg.label}`, () => {
    it('FinalizationRegistry frees forgotten tensors and their memory', async () => {
      await use(cfg);
      const before = eg.memory();
      forget(50);
      expect(eg.memory().tensors).toBe(before.tensors + 50);
      expect(eg.memory().bytes).toBe(before.bytes + 50 * 64 * 64 * 4);
      await collectUntil(before.tensors);
      expect(eg.memory().tensors).toBe(before.tensors);
      expect(eg.memory().bytes).toBe(before.bytes);
      // counted as collected (leaks): made and not disposed stays 50 above
      expect(eg.memory().collected).toBeGreaterThanOrEqual(before.collected + 50);
      expect(eg.memory().tensors + eg.memory().collected).toBe(before.tensors + before.collected + 50);
    });

    it('tensors that leave every scope (returned from tidy, kept inside one) are covered too', async () => {
      await use(cfg);
      const before = eg.memory();
      for (let i = 0; i < 20; i++) eg.tidy(() => eg.add(eg.randn([32], { seed: i }), 1));
      for (let i = 0; i < 20; i++) eg.tidy(() => { eg.keep(eg.randn([32], { seed: i })); });
      expect(eg.memory().tensors).toBe(before.tensors + 40);
      await collectUntil(before.tensors);
      expect(eg.memory().tensors).toBe(before.tensors);
      expect(eg.memory().bytes).toBe(before.bytes);
    });

    it('a disposed tensor is never freed twice by the registry', async () => {
      await use(cfg);
      const before = eg.memory();
      (() => { const t = eg.ones([1000]); t.dispose(); })();
      for (let i = 0; i < 5; i++) await collect();
      expect(eg.memory().tensors).toBe(before.tensors);
      expect(eg.memory().bytes).toBe(before.bytes);
      expect(eg.memory().tensors + eg.memory().collected).toBe(before.tensors + before.collected);
    });

    it('a kernel missing on the backend names the kernel and the backend', async () => {
      await use(cfg);
      const table = engine.backend!.kernels as Record<string, unknown>;
      const saved = table.sigmoid;
      delete table.sigmoid;
      try {
        const x = eg.ones([3]);
        expect(() => eg.sigmoid(x)).toThrow(new RegExp(`kernel 'sigmoid' is not implemented on backend '${cfg.backend}'`));
        x.dispose();
      } finally {
        table.sigmoid = saved;
      }
    });
  });
}
