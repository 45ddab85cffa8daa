// Bundles src/worker.ts (TypeScript) into build/pool-worker.mjs for tests, which run the
// sources; the built package loads dist/src/worker.js by URL instead.
import { mkdirSync, renameSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

/** The bundled worker's file URL; built once per test process, written atomically. */
export async function poolWorkerUrl(): Promise<URL> {
  const { build } = await import('esbuild');
  const out = resolve('build/pool-worker.mjs');
  const tmp = `${out}.${process.pid}.tmp`;
  mkdirSync('build', { recursive: true });
  await build({
    entryPoints: ['src/worker.ts'], bundle: true, format: 'esm', platform: 'node',
    outfile: tmp, logLevel: 'silent', write: true,
  });
  renameSync(tmp, out);
  return pathToFileURL(out);
}
