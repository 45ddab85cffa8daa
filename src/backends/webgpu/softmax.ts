// Row programs on [rows, C]: softmax, logSoftmax and the fused losses softmaxCrossEntropy and
// sparseSoftmaxCrossEntropy, all from one stable log-sum-exp. Program key `rows/<op>/<W>`: W = 1
// gives each row an invocation (small C), W = 64 gives each row a workgroup with shared sums.
// Edge values as src/kernels.ts (the softmax entry) and js.ts, decided on the bits rather than left
// to NaN and Infinity arithmetic, which shader compilers may fold: a row whose max is not finite
// (all -Infinity, or +Infinity or NaN in it) is NaN throughout, a -Infinity beside a finite max gives
// 0 (logSoftmax -Infinity), and a loss term whose label is 0 is skipped.
import { family } from '../../kernels.js';
import { MATH, PARAMS, flatIndex } from './wgsl.js';
import { type Ctx, type Info, WG } from './ctx.js';
import { groups } from './runtime.js';

type Op = 'softmax' | 'logSoftmax' | 'softmaxCrossEntropy' | 'sparseSoftmaxCrossEntropy';

function program(op: Op, W: 1 | 64) {
  const key = `rows/${op}/${W}`;
  const code = () => {
    const wide = W > 1;
    // reduce(v, how): combines v over the row's W invocations (identity when W = 1)
    const red = (v: string, how: 'max' | 'sum') => (wide ? `${v} = reduce_${how}(${v}, l);` : '');
    const sce = op === 'softmaxCrossEntropy', sparse = op === 'sparseSoftmaxCrossEntropy';
    const labels = sce || sparse ? `@group(0) @binding(2) var<storage, read> T: array<${sparse ? 'i32' : 'f32'}>;` : '';
    const outBinding = sce || sparse ? 3 : 2;
    let tail: string;
    if (op === 'softmax' || op === 'logSoftmax') {
      const f = op === 'softmax' ? 'select(exp(v - m - lse), 0.0, is_ninf(v))' : 'select(v - m - lse, -inf_f(), is_ninf(v))';
      tail = `for (var c = l; c < C; c += ${W}u) { let v = X[b + c]; Y[b + c] = select(${f}, nan_f(), bad); }`;
    } else if (sce) {
      // NOTE: in a bad row each nonzero label adds 1 instead of its term: the row is NaN if any does.
      tail = `var ce = 0.0;
  for (var c = l; c < C; c += ${W}u) {
    let y = T[b + c];
    if (y != 0.0) { let v = X[b + c]; ce -= select(select(y * (v - m - lse), -y * inf_f(), is_ninf(v)), -1.0, bad); }
  }
  ${red('ce', 'sum')}
  if (l == 0u) { Y[row] = select(ce, select(0.0, nan_f(), ce != 0.0), bad); }`;
    } else {
      tail = `if (l == 0u) {
    let y = T[row];
    let v = X[b + u32(max(y, 0))];
    Y[row] = select(nan_f(), select(-(v - m - lse), inf_f(), is_ninf(v)), y >= 0 && u32(y) < C && !bad);
  }`;
    }
    const shared = wide ? `
var<workgroup> sh: array<f32, ${W}>;
fn reduce_sum(v: f32, l: u32) -> f32 {
  workgroupBarrier();
  sh[l] = v;
  workgroupBarrier();
  for (var s = ${W / 2}u; s > 0u; s = s >> 1u) { if (l < s) { sh[l] = sh[l] + sh[l + s]; } workgroupBarrier(); }
  return sh[0];
}
fn reduce_max(v: f32, l: u32) -> f32 {
  workgroupBarrier();
  sh[l] = v;
  workgroupBarrier();
  for (var s = ${W / 2}u; s > 0u; s = s >> 1u) { if (l < s) { sh[l] = max_f(sh[l], sh[l + s]); } workgroupBarrier(); }
  return sh[0];
}` : '';
    const entry = wide
      ? `@compute @workgroup_size(${W}) fn main(@builtin(workgroup_id) w: vec3<u32>, @builtin(num_workgroups) n: vec3<u32>,
    @builtin(local_invocation_index) l: u32) {
  let row = (w.z * n.y + w.y) * n.x + w.x;`
      : `@compute @workgroup_size(${WG}) fn main(@builtin(global_invocation_id) gid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>) {
  let row = flat(gid, nwg);
  let l = 0u;`;
    return `${PARAMS}${MATH}${flatIndex(WG)}
@group(0) @binding(1) var<storage, read> X: array<f32>;
${labels}
@group(0) @binding(${outBinding}) var<storage, read_write> Y: array<f32>;
${shared}
fn is_ninf(v: f32) -> bool { return bitcast<u32>(v) == 0xff800000u; }
${entry}
  if (row >= p(0)) { return; }
  let C = p(1u);
  let b = row * C;
  var m = -inf_f();
  for (var c = l; c < C; c += ${W}u) { m = max_f(m, X[b + c]); }
  ${red('m', 'max')}
  // all -Infinity, +Infinity or NaN in the row (max_f lets NaN win)
  let bad = (bitcast<u32>(m) & 0x7fffffffu) >= 0x7f800000u;
  if (bad) { m = 0.0; }
  var s = 0.0;
  for (var c = l; c < C; c += ${W}u) { let v = X[b + c]; if (!bad && !is_ninf(v)) { s += exp(v - m); } }
  ${red('s', 'sum')}
  let lse = log(s);
  ${tail}
}`;
  };
  return { key, code };
}

const ROWS = ['softmax', 'logSoftmax', 'softmaxCrossEntropy', 'sparseSoftmaxCrossEntropy'] as const;

export function softmaxKernels(ctx: Ctx) {
  return family(ROWS, (op) => (inputs: readonly Info[], [o]: readonly Info[]) => {
    const [rows, C] = inputs[0].shape;
    const perRow = op === 'softmax' || op === 'logSoftmax';
    if (rows === 0 || (perRow && C === 0)) return;
    const W = C > 64 ? 64 : 1;
    ctx.rt.run({
      program: program(op, W), buffers: [...inputs.map((t) => t.buf.buffer), o.buf.buffer], params: [rows, C],
      groups: W > 1 ? groups(rows) : ctx.groups(rows),
    });
  });
}
