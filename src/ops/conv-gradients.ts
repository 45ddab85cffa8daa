// The gradient rules of the conv family's kernels. They are registered into the engine's table by the
// first conv op that runs a kernel (ops/conv.ts), not by autograd/gradients.ts, so an app that never
// convolves does not ship them. A rule is needed only at backward time, after its kernel ran on the tape.
import { type GradRule, type TapeNode, engine, gradients } from '../engine.js';
import type { KernelAttrs } from '../kernels.js';
import type { Tensor } from '../tensor.js';
import { unaryGrad } from './elementwise.js';
import { sum } from './reduce.js';

const x0 = (n: TapeNode) => n.inputs[0];
const y0 = (n: TapeNode) => n.outputs[0];
const attrs = <K extends keyof KernelAttrs>(n: TapeNode) => n.attrs as KernelAttrs[K];

const rules: Record<'conv2d' | 'conv2dBackpropInput' | 'maxPool2d' | 'avgPool2d' | 'batchNormTrain', GradRule> = {
  // conv2d: y = act(z), z = conv(x, w) + bias. dz as fusedMatmul's; dx is conv2dBackpropInput of dz,
  // dw conv2dBackpropFilter of (x, dz), the bias dz summed over [N, OH, OW].
  conv2d: ([dy], n) => {
    const { activation, ...geo } = attrs<'conv2d'>(n);
    const [x, w, bias] = n.inputs as [Tensor, Tensor, Tensor | undefined];
    let dz = dy;
    if (activation === 'relu') dz = unaryGrad('reluGrad', dy, y0(n));
    else if (activation === 'sigmoid') dz = unaryGrad('sigmoidGrad', dy, y0(n));
    else if (activation === 'tanh') dz = unaryGrad('tanhGrad', dy, y0(n));
    else if (activation === 'gelu') {
      const z = engine.runKernel('conv2d', bias ? [x, w, bias] : [x, w], { ...geo, activation: 'linear' })[0];
      dz = unaryGrad('geluGrad', dy, z);
    }
    const dx = n.needs[0] ? engine.runKernel('conv2dBackpropInput', [dz, w], { ...geo, inShape: x.shape as never })[0] : null;
    const dw = n.needs[1] ? engine.runKernel('conv2dBackpropFilter', [x, dz], { ...geo, filterShape: w.shape as never })[0] : null;
    if (!bias) return [dx, dw];
    return [dx, dw, n.needs[2] ? sum(dz, [0, 1, 2]) : null];
  },
  // y = conv2dBackpropInput(a, w) is the adjoint of x -> conv2d(x, w): da = conv2d(dy, w), and dw is
  // conv2dBackpropFilter with the roles of image and output gradient swapped: (dy, a).
  conv2dBackpropInput: ([dy], n) => {
    const { inShape: _, ...geo } = attrs<'conv2dBackpropInput'>(n);
    const [a, w] = n.inputs;
    const da = n.needs[0] ? engine.runKernel('conv2d', [dy, w], { ...geo, activation: 'linear' })[0] : null;
    const dw = n.needs[1] ? engine.runKernel('conv2dBackpropFilter', [dy, a], { ...geo, filterShape: w.shape as never })[0] : null;
    return [da, dw];
  },
  maxPool2d: ([dy], n) => [engine.runKernel('maxPool2dGrad', [x0(n), dy], attrs<'maxPool2d'>(n))[0]],
  avgPool2d: ([dy], n) => [engine.runKernel('avgPool2dGrad', [dy], { ...attrs<'avgPool2d'>(n), inShape: x0(n).shape as never })[0]],
  // batchNormTrain's inputs [x, gamma, beta], outputs [y, mean, variance]: one fused backward kernel
  // takes all three outputs' gradients (the statistics' are zeros unless something else used them)
  batchNormTrain: ([dy, dmean, dvar], n) => {
    const [x, g] = n.inputs;
    const [dx, dg, db] = engine.runKernel('batchNormTrainGrad', [x, g, n.outputs[1], n.outputs[2], dy, dmean, dvar], attrs<'batchNormTrain'>(n));
    return [n.needs[0] ? dx : null, n.needs[1] ? dg : null, n.needs[2] ? db : null];
  },
};

/** Adds the conv family's rules to the engine's gradient table (once). */
export function registerConvGradients(): void {
  if (gradients.has('conv2d')) return;
  for (const [op, rule] of Object.entries(rules)) gradients.set(op as keyof typeof rules, rule);
}
