// The wasm loader: build selection, errors for unsupported requests, the generated modules and their ABI.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { KERNEL_EXPORTS, ParamsLayout } from '../bindings/abi.js';
import { Arena } from '../bindings/arena.js';
import { chooseBuild, detectWasmFeatures, loadKernels } from '../bindings/loader.js';

const BOTH = { simd: true, relaxedSimd: true };
const SIMD_ONLY = { simd: true, relaxedSimd: false };
const NONE = { simd: false, relaxedSimd: false };
const NO_SIMD = "WebAssembly SIMD128 is not supported here; the wasm backend needs it — use backend: 'js'";

describe('chooseBuild', () => {
  it("'auto' takes relaxed where it validates, else simd", () => {
    expect(chooseBuild('auto', BOTH)).toBe('relaxed');
    expect(chooseBuild('auto', SIMD_ONLY)).toBe('simd');
  });

  it('honours an explicit build', () => {
    expect(chooseBuild('simd', BOTH)).toBe('simd');
    expect(chooseBuild('simd', SIMD_ONLY)).toBe('simd');
    expect(chooseBuild('relaxed', BOTH)).toBe('relaxed');
  });

  it('refuses relaxed where it does not validate, naming the Node 20 flag', () => {
    expect(() => chooseBuild('relaxed', SIMD_ONLY)).toThrow(/relaxed SIMD does not validate here/);
    expect(() => chooseBuild('relaxed', SIMD_ONLY)).toThrow(/--experimental-wasm-relaxed-simd/);
  });

  it('refuses every build without SIMD128, pointing to the js backend', () => {
    for (const b of ['auto', 'simd', 'relaxed'] as const) expect(() => chooseBuild(b, NONE)).toThrow(NO_SIMD);
  });

  it('refuses an unknown build name', () => {
    expect(() => chooseBuild('avx' as never, BOTH)).toThrow(/unknown wasm build 'avx'/);
  });
});

describe('loadKernels', () => {
  const features = detectWasmFeatures();

  it('detects SIMD128 on this Node', () => {
    expect(features.simd).toBe(true);
  });

  it("'auto' loads the build the probes allow", async () => {
    const k = await loadKernels();
    expect(k.build).toBe(features.relaxedSimd ? 'relaxed' : 'simd');
  });

  it('links to the memory it is given and exports exactly the ABI', async () => {
    const memory = new WebAssembly.Memory({ initial: 2 });
    const k = await loadKernels({ build: 'simd', memory });
    expect(k.memory).toBe(memory);
    const names = WebAssembly.Module.exports(k.module).map((e) => e.name).sort();
    expect(names).toEqual([...KERNEL_EXPORTS].sort());
    expect(WebAssembly.Module.imports(k.module)).toEqual([{ module: 'env', name: 'memory', kind: 'memory' }]);
    expect(k.heapBase).toBeGreaterThan(0);
    expect(k.heapBase).toBeLessThan(2 * 65536);
  });

  it('runs a kernel on arena memory, including after the memory grows', async () => {
    const k = await loadKernels({ build: 'simd', initialPages: 1, shared: false });
    const arena = new Arena(k.memory, k.heapBase);
    const n = 37;
    const a = arena.alloc(4 * n), b = arena.alloc(4), out = arena.alloc(4 * n);
    arena.f32().set(Array.from({ length: n }, (_, i) => i), a >> 2);
    arena.f32()[b >> 2] = 0.5;
    arena.alloc(4 * 65536); // forces growth: views taken before are now detached
    const p = arena.params();
    p.set([1, n], ParamsLayout.rank / 4);
    p[ParamsLayout.strideA / 4] = 1;
    p[ParamsLayout.strideB / 4] = 0;
    k.kernels.f32_add(a, b, out, arena.paramsPtr);
    expect(Array.from(arena.f32().subarray(out >> 2, (out >> 2) + n))).toEqual(Array.from({ length: n }, (_, i) => i + 0.5));
  });

  it('links a shared memory by default in Node, and a second instance on it (a worker) sees the same bytes', async () => {
    const k = await loadKernels({ build: 'simd' });
    expect(k.shared).toBe(true);
    expect(k.memory.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(WebAssembly.Module.imports(k.module)).toEqual([{ module: 'env', name: 'memory', kind: 'memory' }]);
    const main = new Arena(k.memory, k.heapBase);
    const w = await loadKernels({ build: 'simd', memory: k.memory, module: k.module });
    const worker = new Arena(w.memory, w.heapBase, { claimOnly: true });
    const n = 9;
    const x = main.alloc(4 * n), out = worker.alloc(4 * n);
    expect(out).toBeGreaterThanOrEqual(main.memory.buffer.byteLength - 65536 * 16);
    main.f32().set(Array.from({ length: n }, (_, i) => i - 4), x >> 2);
    w.kernels.f32_relu(x, out, n);
    expect(Array.from(main.f32().subarray(out >> 2, (out >> 2) + n))).toEqual([0, 0, 0, 0, 0, 1, 2, 3, 4]);
  });

  it('loads an unshared memory when asked', async () => {
    const k = await loadKernels({ build: 'simd', shared: false });
    expect(k.shared).toBe(false);
    expect(k.memory.buffer).toBeInstanceOf(ArrayBuffer);
  });

  it("rejects an explicit 'relaxed' where it does not validate, else loads it", async () => {
    if (features.relaxedSimd) {
      expect((await loadKernels({ build: 'relaxed' })).build).toBe('relaxed');
    } else {
      await expect(loadKernels({ build: 'relaxed' })).rejects.toThrow(/--experimental-wasm-relaxed-simd/);
    }
  });
});

describe('generated modules', () => {
  for (const target of ['simd', 'relaxed', 'simd-shared', 'relaxed-shared']) {
    it(`wasm-${target}.gen.ts says what made it and carries the module its header describes`, () => {
      const text = readFileSync(new URL(`../bindings/wasm-${target}.gen.ts`, import.meta.url), 'utf8');
      const lines = text.split('\n');
      expect(lines[0]).toBe('// Generated by scripts/build-wasm.mjs from assembly/ — do not edit.');
      const [, size, sha] = /(\d+) bytes, sha256 ([0-9a-f]{64})/.exec(lines[1])!;
      const bytes = Buffer.from(/'([A-Za-z0-9+/=]{100,})'/.exec(text)![1], 'base64');
      expect(bytes.length).toBe(Number(size));
      expect(createHash('sha256').update(bytes).digest('hex')).toBe(sha);
      expect(bytes.subarray(0, 4)).toEqual(Buffer.from([0, 97, 115, 109]));
    });
  }

  it('bundle for browsers with each build in its own chunk and no Node imports', async () => {
    const { build } = await import('esbuild');
    const res = await build({
      entryPoints: [new URL('../bindings/loader.ts', import.meta.url).pathname],
      bundle: true, splitting: true, format: 'esm', platform: 'browser', write: false, outdir: '/tmp/edgegrad-loader-bundle',
      logLevel: 'silent',
    });
    const files = res.outputFiles.map((f) => ({ name: f.path.replace(/^.*\//, ''), text: f.text }));
    const entry = files.find((f) => f.name === 'loader.js')!;
    // simd, relaxed and their shared-memory variants
    expect(files).toHaveLength(5);
    expect(entry.text.length).toBeLessThan(20_000);
    expect(files.filter((f) => f.text.length > 50_000)).toHaveLength(4);
    expect(entry.text).not.toMatch(/from ["'](node:)?fs["']/);
  });
});

// NOTE: this changes V8 flags for the rest of this process, so it runs last.
describe('enableRelaxedSimdFlag', () => {
  it('turns on relaxed SIMD in Node 20 when asked', async () => {
    const k = await loadKernels({ build: 'relaxed', enableRelaxedSimdFlag: true });
    expect(k.build).toBe('relaxed');
    expect(detectWasmFeatures().relaxedSimd).toBe(true);
  });
});
