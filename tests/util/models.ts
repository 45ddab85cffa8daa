// Models several test files build the same way.
import * as eg from '../../src/index.js';

const L = eg.layers;

/** Issue 12's reference CNN: conv 3x3 16 relu, pool 2, conv 3x3 32 relu, pool 2, flatten, dense 10 softmax; seeded 1, 2, 3. */
export const referenceCnn = (): eg.Sequential => eg.sequential([
  L.conv2d({ filters: 16, kernelSize: 3, activation: 'relu', inputShape: [28, 28, 1], seed: 1 }),
  L.maxPooling2d({ poolSize: 2 }),
  L.conv2d({ filters: 32, kernelSize: 3, activation: 'relu', seed: 2 }),
  L.maxPooling2d({ poolSize: 2 }),
  L.flatten(),
  L.dense({ units: 10, activation: 'softmax', seed: 3 }),
]);
