// The public entry bundles for browsers (no node: imports, side-effect modules kept) and the
// bundle runs: tensors, methods, autograd and the wasm backend work from it.
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

describe('browser bundle of src/index.ts', () => {
  it('builds without errors or warnings and works when loaded', async () => {
    const { build } = await import('esbuild');
    const outdir = mkdtempSync(join(tmpdir(), 'edgegrad-bundle-'));
    const res = await build({
      entryPoints: { edgegrad: 'src/index.ts' }, bundle: true, format: 'esm', platform: 'browser',
      splitting: true, minify: true, outdir, logLevel: 'silent', write: true,
    });
    expect(res.errors).toEqual([]);
    expect(res.warnings.map((w) => w.text)).toEqual([]);
    const files = readdirSync(outdir);
    for (const f of files) expect(readFileSync(join(outdir, f), 'utf8')).not.toMatch(/from\s*["']node:/);
    // The two WASM builds are separate chunks: a page downloads only the one it runs.
    expect(files.filter((f) => f.startsWith('wasm-simd.gen')).length).toBe(1);
    expect(files.filter((f) => f.startsWith('wasm-relaxed.gen')).length).toBe(1);
    // The reference build (scalar kernels) is for tests only and never reaches a bundle.
    expect(files.filter((f) => f.startsWith('wasm-reference.gen'))).toEqual([]);

    const eg = await import(pathToFileURL(join(outdir, 'edgegrad.js')).href);
    await eg.init({ backend: 'wasm', wasmBuild: 'simd' });
    expect(eg.backend()).toBe('wasm');
    const a = eg.tensor([[1, 2], [3, 4]]);
    expect(Array.from(a.add(1).matmul(a).dataSync())).toEqual([11, 16, 19, 28]);
    const w = eg.variable(eg.tensor([2]));
    const { grads } = eg.valueAndGrads(() => eg.sum(eg.square(w)), [w]);
    expect(Array.from(grads[0].dataSync())).toEqual([4]);
  });
});
