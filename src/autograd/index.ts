// Autograd: trainable variables and reverse-mode gradients over the engine's tape.
import { engine, gradients, type Tape } from '../engine.js';
import { Tensor, type Variable } from '../tensor.js';
import { add } from '../ops/elementwise.js';
import { full, zerosLike } from '../ops/creation.js';
import { checkTensor, fmt } from '../ops/util.js';

let nextVar = 0;

/** A trainable tensor holding a copy of `initial`'s value (shared memory, independent lifetime). */
export function variable(initial: Tensor, trainable = true, name?: string): Variable {
  checkTensor('variable', initial, 'initial');
  return engine.makeVariable(initial, trainable, name ?? `variable_${nextVar++}`);
}

/**
 * Runs f on a fresh tape, then the gradients of sum(f()) with respect to `xs` by reverse
 * accumulation. Intermediate tensors are freed; the value and the gradients are returned.
 */
function differentiate(op: string, f: () => Tensor, xs: Tensor[], scalar: boolean): { value: Tensor; grads: Tensor[] } {
  xs.forEach((x, i) => checkTensor(op, x, `xs[${i}]`));
  const tape: Tape = { tracked: new Set(xs.map((x) => x.id)), nodes: [] };
  engine.tapes.push(tape);
  let value: Tensor;
  try {
    value = engine.tidy(f);
  } catch (e) {
    engine.dropHandles(tape.nodes);
    throw e;
  } finally {
    engine.tapes.splice(engine.tapes.indexOf(tape), 1);
  }
  try {
    if (!(value instanceof Tensor)) throw new Error(`${op}: the function must return a Tensor, got ${typeof value}`);
    if (value.dtype !== 'float32') throw new Error(`${op}: the function returned dtype ${value.dtype}; gradients need float32`);
    if (scalar && value.size !== 1) {
      throw new Error(`${op}: the function must return a scalar (one value) to differentiate, got shape ${fmt(value.shape)}`);
    }
    const grads = engine.tidy(() => backward(tape, value, xs));
    return { value, grads };
  } catch (e) {
    if (value instanceof Tensor) value.dispose();
    throw e;
  } finally {
    engine.dropHandles(tape.nodes);
  }
}

function backward(tape: Tape, value: Tensor, xs: Tensor[]): Tensor[] {
  const acc = new Map<number, Tensor>();
  acc.set(value.id, full([...value.shape], 1));
  for (let n = tape.nodes.length - 1; n >= 0; n--) {
    const node = tape.nodes[n];
    const dys = node.outputKeys.map((k) => acc.get(k) ?? null);
    if (dys.every((d) => d === null)) continue;
    const rule = gradients.get(node.op);
    if (!rule) throw new Error(`no gradient is defined for kernel '${node.op}'`);
    const dxs = rule(dys.map((d, i) => d ?? zerosLike(node.outputs[i])), node);
    node.inputKeys.forEach((key, i) => {
      const dx = dxs[i];
      if (!node.needs[i] || !dx) return;
      const prev = acc.get(key);
      acc.set(key, prev ? add(prev, dx) : dx);
    });
  }
  return xs.map((x) => acc.get(x.id) ?? zerosLike(x));
}

/**
 * The value of f() (a scalar) and its gradients with respect to each tensor in `xs`
 * (variables or any tensors). Synchronous; grads[i] has the shape of xs[i].
 */
export function valueAndGrads(f: () => Tensor, xs: Tensor[]): { value: Tensor; grads: Tensor[] } {
  return differentiate('valueAndGrads', f, xs, true);
}

/** (x) => d sum(f(x)) / dx. */
export function grad(f: (x: Tensor) => Tensor): (x: Tensor) => Tensor {
  return (x: Tensor) => {
    const { value, grads } = differentiate('grad', () => f(x), [x], false);
    value.dispose();
    return grads[0];
  };
}

/** (x) => { value: f(x), grad: df/dx } for a scalar-valued f. */
export function valueAndGrad(f: (x: Tensor) => Tensor): (x: Tensor) => { value: Tensor; grad: Tensor } {
  return (x: Tensor) => {
    const { value, grads } = differentiate('valueAndGrad', () => f(x), [x], true);
    return { value, grad: grads[0] };
  };
}
