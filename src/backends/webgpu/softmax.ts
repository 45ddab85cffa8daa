// Row programs on [rows, C]: softmax, logSoftmax and the fused losses softmaxCrossEntropy and
// sparseSoftmaxCrossEntropy, all from one stable log-sum-exp. Program key `rows/<op>/<W>`: W = 1
// gives each row an invocation (small C), W = 64 gives each row a workgroup with shared sums.
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
      const f = op === 'softmax' ? 'exp(X[b + c] - m - lse)' : 'X[b + c] - m - lse';
      tail = `for (var c = l; c < C; c += ${W}u) { Y[b + c] = ${f}; }`;
    } else if (sce) {
      tail = `var ce = 0.0;
  for (var c = l; c < C; c += ${W}u) { let y = T[b + c]; if (y != 0.0) { ce -= y * (X[b + c] - m - lse); } }
  ${red('ce', 'sum')}
  if (l == 0u) { Y[row] = ce; }`;
    } else {
      tail = `if (l == 0u) {
    let y = T[row];
    Y[row] = select(nan_f(), -(X[b + u32(max(y, 0))] - m - lse), y >= 0 && u32(y) < C);
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
${entry}
  if (row >= p(0)) { return; }
  let C = p(1u);
  let b = row * C;
  var m = -inf_f();
  for (var c = l; c < C; c += ${W}u) { m = max_f(m, X[b + c]); }
  ${red('m', 'max')}
  if (m == -inf_f()) { m = 0.0; }
  var s = 0.0;
  for (var c = l; c < C; c += ${W}u) { s += exp(X[b + c] - m); }
  ${red('s', 'sum')}
  let lse = log(s);
  ${tail}
}`;
  };
  return { key, code };
}

export function registerSoftmax(ctx: Ctx): void {
  for (const op of ['softmax', 'logSoftmax', 'softmaxCrossEntropy', 'sparseSoftmaxCrossEntropy'] as const) {
    ctx.table[op] = (inputs: readonly Info[]) => {
      const [x] = inputs;
      const [rows, C] = x.shape;
      const perRow = op === 'softmax' || op === 'logSoftmax';
      const o = ctx.out(perRow ? [rows, C] : [rows], 'float32');
      if (rows === 0 || (perRow && C === 0)) return o;
      const W = C > 64 ? 64 : 1;
      ctx.rt.run({
        program: program(op, W), buffers: [...inputs.map((t) => t.buf.buffer), o.buf.buffer], params: [rows, C],
        groups: W > 1 ? groups(rows) : ctx.groups(rows),
      });
      return o;
    };
  }
}
