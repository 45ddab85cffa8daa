// WebGPU matmul against the WebGPU peers on the same adapter: edgegrad's webgpu backend,
// @tensorflow/tfjs-backend-webgpu and @jax-js/jax's webgpu device, at 256 and 512 (NN). In Node
// all three use Dawn from the 'webgpu' package (SwiftShader without a GPU: a software adapter, so
// only the ratios mean much). Each call uploads both inputs, multiplies and reads C back.
import * as eg from '../src/index.js';
import { type Row, type SuiteContext, backendLabel, liveRows, timeAsync } from './harness.js';

const SIZES = [256, 512];
/** The suite's baseline (ratios in the table): tfjs-webgpu on the same adapter. */
export const WEBGPU_BASELINE_PREFIX = 'tfjs-webgpu';

function random(n: number, seed: number): Float32Array {
  const v = new Float32Array(n);
  let s = seed;
  for (let i = 0; i < n; i++) { s = (Math.imul(s, 1664525) + 1013904223) >>> 0; v[i] = s / 2 ** 32 - 0.5; }
  return v;
}

/**
 * The peers find WebGPU through navigator.gpu (tfjs-webgpu when its module loads; jax-js also
 * reads navigator.userAgent), and use the WebGPU globals (GPUBufferUsage, ...): Dawn provides both.
 */
async function exposeDawn(): Promise<void> {
  const icd = '/usr/lib/chromium/vk_swiftshader_icd.json';
  const { existsSync } = await import('node:fs');
  if (!process.env.VK_ICD_FILENAMES && existsSync(icd)) process.env.VK_ICD_FILENAMES = icd;
  const { findGpu } = await import('../src/backends/webgpu/index.js');
  const gpu = await findGpu();
  const name = 'webgpu';
  const { globals } = (await import(/* @vite-ignore */ name)) as { globals: object };
  Object.assign(globalThis, globals);
  Object.defineProperty(globalThis, 'navigator', { value: { gpu, userAgent: `Node.js/${process.versions.node}` }, configurable: true, writable: true });
}

type Mm = (a: Float32Array, b: Float32Array) => Promise<unknown>;

async function tfjsWebgpu(n: number): Promise<Mm> {
  const tf = await import('@tensorflow/tfjs-core');
  await import('@tensorflow/tfjs-backend-webgpu');
  if (!(await tf.setBackend('webgpu'))) throw new Error('tfjs: the webgpu backend did not start');
  await tf.ready();
  return async (a, b) => {
    const ta = tf.tensor2d(a, [n, n]), tb = tf.tensor2d(b, [n, n]);
    const c = tf.matMul(ta, tb);
    await c.data();
    tf.dispose([ta, tb, c]);
  };
}

async function jaxWebgpu(n: number): Promise<Mm> {
  const jax = await import('@jax-js/jax');
  const devices = await jax.init('webgpu');
  if (!devices.includes('webgpu')) throw new Error('jax-js: the webgpu device did not start');
  return async (a, b) => {
    const x = jax.numpy.array(a, { shape: [n, n], device: 'webgpu' });
    const y = jax.numpy.array(b, { shape: [n, n], device: 'webgpu' });
    const c = jax.numpy.matmul(x, y);
    await c.data();
  };
}

async function edgegrad(n: number): Promise<Mm> {
  await eg.init({ backend: 'webgpu' });
  return async (a, b) => {
    const x = eg.tensor(a, [n, n]), y = eg.tensor(b, [n, n]);
    const c = eg.matmul(x, y);
    await c.data();
    eg.dispose([x, y, c]);
  };
}

export async function webgpuPeers(ctx: SuiteContext): Promise<Row[]> {
  const { quick } = ctx;
  const rows = liveRows(ctx.onRow);
  try {
    await exposeDawn();
    await eg.init({ backend: 'webgpu' });
  } catch (e) {
    ctx.log(`webgpu: skipped: ${(e as Error).message}`);
    return rows;
  }
  const label = backendLabel('webgpu');
  const suffix = label.slice('webgpu'.length);
  const all: [string, string, (n: number) => Promise<Mm>][] = [
    [label, '', edgegrad], [`tfjs-webgpu${suffix}`, 'tfjs-webgpu', tfjsWebgpu], [`jax-js-webgpu${suffix}`, 'jax-js', jaxWebgpu],
  ];
  const runners = all.filter(([, peer]) => !peer || ctx.peers.includes(peer)).map(([name, , make]) => [name, make] as const);
  for (const n of SIZES) {
    const a = random(n * n, 1), b = random(n * n, 2), gflop = (2 * n * n * n) / 1e9;
    for (const [name, make] of runners) {
      let mm: Mm;
      try { mm = await make(n); } catch (e) { ctx.log(`webgpu: ${name} skipped: ${(e as Error).message}`); continue; }
      const t = await timeAsync(() => mm(a, b), quick ? 3 : 5, quick ? 100 : 300);
      rows.push({
        suite: 'webgpu', case: `matmul NN ${n}x${n}x${n}`, backend: name, seconds: t.median,
        spread: (t.max - t.min) / t.median, value: gflop / t.median, unit: 'GFLOP/s',
      });
    }
    const ours = rows.find((r) => r.case === `matmul NN ${n}x${n}x${n}` && r.backend === label);
    for (const r of rows.filter((x) => x.case === `matmul NN ${n}x${n}x${n}` && x !== ours)) {
      if (ours) ctx.log(`webgpu ${n}: edgegrad ${ours.value.toFixed(2)} GFLOP/s = ${(ours.value / r.value).toFixed(2)}x ${r.backend}`);
    }
  }
  return rows;
}
