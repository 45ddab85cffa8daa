// Activation functions by name, as layers and Dense's `activation` option use them.
import type { Tensor } from '../tensor.js';
import { gelu, leakyRelu, relu, sigmoid, tanh } from '../ops/elementwise.js';
import { softmax } from '../ops/nn.js';

export type ActivationName = 'linear' | 'relu' | 'leakyRelu' | 'sigmoid' | 'tanh' | 'gelu' | 'softmax';

export const ACTIVATIONS: readonly ActivationName[] = ['linear', 'relu', 'leakyRelu', 'sigmoid', 'tanh', 'gelu', 'softmax'];

export function checkActivation(where: string, name: unknown): ActivationName {
  const n = name === undefined || name === null ? 'linear' : name;
  if (!ACTIVATIONS.includes(n as ActivationName)) {
    throw new Error(`${where}: unknown activation ${JSON.stringify(name)}; expected one of ${ACTIVATIONS.join(', ')}`);
  }
  return n as ActivationName;
}

/** Applies `name` to x (softmax along the last axis; leakyRelu with slope `alpha`). */
export function activate(name: ActivationName, x: Tensor, alpha = 0.2): Tensor {
  switch (name) {
    case 'linear': return x;
    case 'relu': return relu(x);
    case 'leakyRelu': return leakyRelu(x, alpha);
    case 'sigmoid': return sigmoid(x);
    case 'tanh': return tanh(x);
    case 'gelu': return gelu(x);
    case 'softmax': return softmax(x, -1);
  }
}
