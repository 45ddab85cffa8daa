// Bundles src/worker.ts (TypeScript) into build/pool-worker.mjs for tests, which run the
// sources; the built package loads dist/src/worker.js by URL instead.
import { mkdirSync, renameSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * The bundled worker's file URL (of `entry`, default the package's worker script), written
 * atomically to build/<name>.mjs.
 */
export async function poolWorkerUrl(entry = 'src/worker.ts', name = 'pool-worker'): Promise<URL> {
  const { build } = await import('esbuild');
  const out = resolve(`build/${name}.mjs`);
  const tmp = `${out}.${process.pid}.tmp`;
  mkdirSync('build', { recursive: true });
  await build({
    entryPoints: [entry], bundle: true, format: 'esm', platform: 'node',
    outfile: tmp, logLevel: 'silent', write: true,
  });
  renameSync(tmp, out);
  return pathToFileURL(out);
}
