// The reference CNN's fit (bench/cnn.ts: batch 64, Adam 1e-3, in-thread) on 2048 MNIST digits, an epoch
// at a time, for paired comparisons of two builds of the library in one process: bundle this file once
// per build (each bundle has its own engine and wasm instance), then bench/cnn-fit-ab.mjs alternates
// their epochs, each timed by the process's CPU time (robust under load):
//   npx esbuild bench/cnn-fit-cpu.ts --bundle --platform=node --format=esm --outfile=build/cnn-fit-b.mjs \
//     --external:@tensorflow/* --external:onnxruntime-web
//   node --experimental-wasm-relaxed-simd bench/cnn-fit-ab.mjs build/cnn-fit-a.mjs build/cnn-fit-b.mjs simd|relaxed [rounds]
import * as eg from '../src/index.js';
import { loadMnist } from '../src/data/mnist.js';
import { referenceCnn } from './cnn.js';

/** Initialises this bundle's engine on `build` and returns one epoch of the fit (2048 samples). */
export async function setup(build: 'simd' | 'relaxed'): Promise<{ samples: number; epoch: () => Promise<void> }> {
  await eg.init({ backend: 'wasm', wasmBuild: build, enableRelaxedSimdFlag: true });
  const { train } = await loadMnist({ train: 2048, test: 0, seed: 1 });
  const model = referenceCnn();
  model.compile({ optimizer: eg.optimizers.adam({ learningRate: 1e-3 }), loss: 'sparseCategoricalCrossentropy' });
  const x = eg.keep(eg.tensor(train.images, [train.count, 28, 28, 1])), y = eg.keep(eg.tensor(train.labels, [train.count], 'int32'));
  const epoch = async () => { await model.fit(x, y, { epochs: 1, batchSize: 64, verbose: 0, seed: 1 }); };
  await epoch();
  return { samples: train.count, epoch };
}
