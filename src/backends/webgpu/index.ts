// The webgpu backend: tensors in pooled GPU buffers, every kernel of src/kernels.ts as a WGSL
// compute program, dispatches batched into few submits, reads through mapAsync staging buffers.
/// <reference types="@webgpu/types" />
import type { Backend } from '../backend.js';
import { type KernelSet, checkAllocation } from '../../kernels.js';
import { type DType, type StorageArray, type TypedArray, bytesOf, readValues, storageFor, writeValues } from '../../dtypes.js';
import { GpuRuntime, type GBuf, groups } from './runtime.js';
import { type Ctx, WG } from './ctx.js';
import { elementwiseKernels } from './elementwise.js';
import { reduceKernels } from './reduce.js';
import { softmaxKernels } from './softmax.js';
import { layoutKernels } from './layout.js';
import { gemmKernels, setPreferDirect } from './gemm.js';
import { optimizerKernels } from './optim.js';
import { convKernels } from './conv.js';
import { WEBGPU_INT8_LEVELS, quantKernels } from './quant.js';
import { attentionKernels, setPreferLanes } from './attention.js';
import { adapterFacts, isNode } from '../../platform.js';

export type { GBuf } from './runtime.js';

export interface WebgpuOptions {
  /** A GPU object: `navigator.gpu` in browsers, `create([])` from the 'webgpu' package in Node. */
  gpu?: unknown;
  powerPreference?: 'high-performance' | 'low-power';
}

export type { AdapterFacts } from '../../platform.js';
export { adapterFacts } from '../../platform.js';

const HOST_COPY_MAX = 1 << 16;

/**
 * The kernels the webgpu backend does not implement: the fused training batch-norm pair
 * (eg.batchNormTraining runs its composed form there: moments + batchNorm).
 */
export const WEBGPU_UNSUPPORTED = ['batchNormTrain', 'batchNormTrainGrad'] as const;

// NOTE: Dawn's GPU object must stay reachable while its devices live (once collected, its instance
// is destroyed under them and the process crashes), so the one made here is kept for good.
let nodeGpu: GPU | null = null;

/** The GPU object: the one given, navigator.gpu, or (Node) `create([])` of the optional 'webgpu' package. */
export async function findGpu(gpu?: unknown): Promise<GPU> {
  if (gpu) return gpu as GPU;
  if (nodeGpu) return nodeGpu;
  const nav = (globalThis as { navigator?: { gpu?: GPU } }).navigator;
  if (nav?.gpu) return nav.gpu;
  if (!isNode()) throw new Error('webgpu: this browser has no WebGPU (navigator.gpu is undefined)');
  // NOTE: the specifier is a variable so bundlers leave the optional Node-only package alone.
  const name = 'webgpu';
  let mod: { create: (flags: string[]) => GPU };
  try {
    mod = await import(/* @vite-ignore */ /* webpackIgnore: true */ name);
  } catch (e) {
    throw new Error(`webgpu: no GPU object given and the optional 'webgpu' package (Dawn for Node) is not installed `
      + `(npm i webgpu), or it failed to load: ${(e as Error).message}`);
  }
  nodeGpu = mod.create([]);
  return nodeGpu;
}

/** The adapter, or a clear error when there is none. */
export async function requestAdapter(gpu: GPU, powerPreference: WebgpuOptions['powerPreference'] = 'high-performance'): Promise<GPUAdapter> {
  const adapter = await gpu.requestAdapter({ powerPreference });
  if (!adapter) {
    throw new Error('webgpu: no GPU adapter was found (requestAdapter() returned null). In Node without a GPU, install a '
      + 'Vulkan driver (e.g. apt-get install chromium libvulkan1 and set VK_ICD_FILENAMES=/usr/lib/chromium/vk_swiftshader_icd.json)');
  }
  return adapter;
}

export async function createWebgpuBackend(opts: WebgpuOptions = {}): Promise<Backend<GBuf>> {
  const gpu = await findGpu(opts.gpu);
  const adapter = await requestAdapter(gpu, opts.powerPreference);
  const facts = adapterFacts(adapter);
  const lim = adapter.limits;
  let device: GPUDevice;
  try {
    device = await adapter.requestDevice({
      requiredLimits: {
        maxStorageBufferBindingSize: lim.maxStorageBufferBindingSize,
        maxBufferSize: lim.maxBufferSize,
      },
    });
  } catch (e) {
    throw new Error(`webgpu: the adapter '${facts.name}' refused a device: ${(e as Error).message}`);
  }
  const rt = new GpuRuntime(device, gpu);
  // NOTE: a buffer is bound whole to a shader, so the binding limit caps one tensor.
  const maxBytes = Math.min(device.limits.maxBufferSize, device.limits.maxStorageBufferBindingSize);
  const alloc = (dtype: DType, size: number): GBuf => rt.alloc(checkAllocation('webgpu', dtype, size, bytesOf(dtype), maxBytes));
  const ctx: Ctx = { rt, groups: (n) => groups(Math.ceil(n / WG)) };
  const kernels = {
    ...elementwiseKernels(ctx),
    ...reduceKernels(ctx),
    ...softmaxKernels(ctx),
    ...layoutKernels(ctx),
    ...gemmKernels(ctx),
    ...optimizerKernels(ctx),
    ...convKernels(ctx),
    ...quantKernels(ctx, facts.fallback),
    ...attentionKernels(ctx),
  } satisfies KernelSet<GBuf, (typeof WEBGPU_UNSUPPORTED)[number]>;
  // CPU-emulated adapters run the barrier-free GEMM faster than the shared-memory tiles
  setPreferDirect(facts.fallback);
  setPreferLanes(facts.fallback);

  const info: Record<string, string | number | boolean> = { adapter: facts.name, fallbackAdapter: facts.fallback, lost: false, int8Levels: WEBGPU_INT8_LEVELS };
  void device.lost.then(() => { info.lost = true; });

  const backend: Backend<GBuf> & { runtime: GpuRuntime } = {
    name: 'webgpu',
    /** The runtime (tests and benches: programs, submits, sync). */
    runtime: rt,
    info,
    kernels,
    alloc,
    write(buf, values, dtype) {
      // float32 values already in a Float32Array go as they are: writeBuffer copies at the call, so
      // the caller may reuse the array (saves a copy and an allocation per batch and constant).
      if (dtype === 'float32' && values instanceof Float32Array && values.buffer instanceof ArrayBuffer) {
        rt.write(buf, values);
        return;
      }
      // NOTE: queue.writeBuffer takes whole words: 1- and 2-byte dtypes are padded to 4 bytes.
      const n = values.length;
      const arr = storageFor(dtype, Math.ceil((n * bytesOf(dtype)) / 4) * 4 / bytesOf(dtype));
      writeValues(arr, dtype, values);
      if (dtype === 'int32' && n <= HOST_COPY_MAX) buf.host = arr as Int32Array;
      rt.write(buf, arr);
    },
    read() {
      rt.check();
      throw new Error('dataSync(): the webgpu backend reads GPU memory asynchronously; use `await t.data()` '
        + '(or `await t.array()`) instead of dataSync()/arraySync()');
    },
    async readAsync(buf, dtype, size) {
      const bytes = await rt.read(buf, size * bytesOf(dtype));
      const raw = new (storageFor(dtype, 0).constructor as new (b: ArrayBuffer) => StorageArray)(bytes);
      return dtype === 'float16' ? readValues(raw, dtype, 0, size) : raw as TypedArray;
    },
    hostCopy: (buf) => buf.host,
    free(buf) { rt.free(buf); },
    memory: () => ({
      bytes: rt.live, pooledBytes: rt.pooled, programs: rt.programs, dispatches: rt.dispatches, submits: rt.submits,
      bindGroups: rt.bindGroupsCreated, bindGroupHits: rt.bindGroupHits, bindGroupsCached: rt.bindGroupsCached, paramWrites: rt.paramWrites,
    }),
    beginStep() { rt.beginStep(); },
    endStep() { rt.endStep(); },
    dispose() { rt.destroy(); },
  };
  return backend;
}
