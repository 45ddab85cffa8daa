// What keeps code an app does not call out of its bundle (ARCHITECTURE.md, the paragraph on what a
// layers app loads): eg.layers is a module namespace, and the conv family's gradient rules are
// registered by the conv ops, not by the always-loaded autograd/gradients.ts.
import { describe, expect, it } from 'vitest';
import * as eg from '../src/index.js';
import { gradients } from '../src/engine.js';

const CONV_RULES = ['conv2d', 'conv2dBackpropInput', 'maxPool2d', 'avgPool2d'] as const;

describe('footprint', () => {
  it('eg.layers is a module namespace holding every factory', () => {
    // an object literal here would make every bundler keep every layer class
    expect(Object.prototype.toString.call(eg.layers)).toBe('[object Module]');
    for (const f of ['dense', 'dropout', 'conv2d', 'maxPooling2d', 'batchNormalization', 'embedding', 'add', 'registerLayer'] as const) {
      expect(typeof eg.layers[f], f).toBe('function');
    }
    expect(eg.layers.dense({ units: 2 })).toBeInstanceOf(eg.Layer);
  });

  it('the conv gradient rules are registered by the first conv op, and then differentiate', async () => {
    await eg.init('js');
    // this file has run no conv op yet: importing the library registered none of them
    for (const op of CONV_RULES) expect(gradients.has(op), op).toBe(false);
    expect(gradients.has('matmul')).toBe(true);
    const x = eg.tensor([1, 5, 2, 3, 4, 0, 7, 6, 8, 1, 2, 9, 3, 4, 5, 6], [1, 4, 4, 1]);
    const { value: y, grads: [dx] } = eg.valueAndGrads(() => eg.sum(eg.maxPool2d(x, { poolSize: 2 })), [x]);
    for (const op of CONV_RULES) expect(gradients.has(op), op).toBe(true);
    expect(y.dataSync()[0]).toBe(5 + 7 + 9 + 8);
    // each window's maximum gets the gradient
    expect([...dx.dataSync()]).toEqual([0, 1, 0, 0, 0, 0, 1, 0, 1, 0, 0, 1, 0, 0, 0, 0]);
    eg.dispose([x, y, dx]);
  });
});
