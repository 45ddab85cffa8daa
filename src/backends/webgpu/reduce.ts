// Reductions over axis 1 of [outer, R, inner]: sum, max, min, argmax, argmin (f32 and i32).
// Program key `reduce/<op>/<dtype>/<row|col>`: `row` (inner = 1) gives each output a workgroup
// that strides over R and combines in shared memory; `col` gives each output one invocation.
import { type DType, REDUCE, family } from '../../kernels.js';
import { ENTRY_1D, MATH, PARAMS, flatIndex, f32bits } from './wgsl.js';
import { type Ctx, type Info, WG } from './ctx.js';
import { groups } from './runtime.js';
import { fillWords } from './layout.js';

type Op = 'sum' | 'max' | 'min' | 'argmax' | 'argmin';

/** WGSL that decides whether (vb, ib) replaces (va, ia): NaN first, then the extreme, then the lower index. */
function better(op: Op, t: string): string {
  if (op === 'sum') return '';
  const gt = op === 'max' || op === 'argmax' ? '>' : '<';
  const nan = t === 'f32' ? `let na = is_nan(va); let nb = is_nan(vb);
  if (na != nb) { return nb; }
  if (na) { return ib < ia; }` : '';
  return `fn better(va: ${t}, ia: u32, vb: ${t}, ib: u32) -> bool {
  ${nan}
  if (vb ${gt} va) { return true; }
  return vb == va && ib < ia;
}`;
}

function init(op: Op, t: string): string {
  if (op === 'sum') return t === 'f32' ? '0.0' : '0';
  const low = op === 'max' || op === 'argmax';
  if (t === 'f32') return low ? '-inf_f()' : 'inf_f()';
  return low ? 'i32(-2147483648)' : '2147483647';
}

function program(op: Op, dtype: DType, row: boolean) {
  const key = `reduce/${op}/${dtype}/${row ? 'row' : 'col'}`;
  const t = dtype === 'int32' ? 'i32' : 'f32';
  const arg = op === 'argmax' || op === 'argmin';
  const step = op === 'sum' ? 'acc = acc + v;' : 'if (better(acc, idx, v, r)) { acc = v; idx = r; }';
  const result = arg ? 'bitcast<u32>(i32(idx))' : 'bitcast<u32>(acc)';
  const code = () => {
    const head = `${PARAMS}${MATH}${flatIndex(WG)}
@group(0) @binding(1) var<storage, read> X: array<u32>;
@group(0) @binding(2) var<storage, read_write> Y: array<u32>;
${better(op, t)}`;
    // params: p(0) outputs, p(1) R, p(2) inner
    if (!row) {
      return `${head}
${ENTRY_1D(WG)} {
  let t = flat(gid, nwg);
  if (t >= p(0)) { return; }
  let R = p(1u); let inner = p(2u);
  let base = (t / inner) * R * inner + t % inner;
  var acc: ${t} = ${init(op, t)};
  var idx = 0xffffffffu;
  for (var r = 0u; r < R; r++) {
    let v = bitcast<${t}>(X[base + r * inner]);
    ${step}
  }
  Y[t] = ${result};
}`;
    }
    const combine = op === 'sum' ? 'sv[l] = sv[l] + sv[l + s];'
      : 'if (better(sv[l], si[l], sv[l + s], si[l + s])) { sv[l] = sv[l + s]; si[l] = si[l + s]; }';
    return `${head}
var<workgroup> sv: array<${t}, ${WG}>;
var<workgroup> si: array<u32, ${WG}>;
@compute @workgroup_size(${WG}) fn main(@builtin(workgroup_id) w: vec3<u32>, @builtin(num_workgroups) n: vec3<u32>,
    @builtin(local_invocation_index) l: u32) {
  let t = (w.z * n.y + w.y) * n.x + w.x;
  if (t >= p(0)) { return; }
  let R = p(1u);
  let base = t * R;
  var acc: ${t} = ${init(op, t)};
  var idx = 0xffffffffu;
  for (var r = l; r < R; r += ${WG}u) {
    let v = bitcast<${t}>(X[base + r]);
    ${step}
  }
  sv[l] = acc;
  si[l] = idx;
  workgroupBarrier();
  for (var s = ${WG / 2}u; s > 0u; s = s >> 1u) {
    if (l < s) { ${combine} }
    workgroupBarrier();
  }
  if (l == 0u) { let acc = sv[0]; let idx = si[0]; Y[t] = ${result}; }
}`;
  };
  return { key, code };
}

export function reduceKernels(ctx: Ctx) {
  return family(REDUCE, (op) => ([x]: readonly Info[], [o]: readonly Info[]) => {
    const [outer, R, inner] = x.shape;
    const dtype = o.dtype;
    const n = outer * inner;
    if (n === 0) return;
    if (R === 0) {
      // js: sum 0, arg 0, max/min +-Infinity (0 once stored in int32)
      const v = op === 'max' && dtype === 'float32' ? f32bits(-Infinity) : op === 'min' && dtype === 'float32' ? f32bits(Infinity) : 0;
      fillWords(ctx, o.buf.buffer, n, v);
      return;
    }
    const row = inner === 1 && R >= 32;
    ctx.rt.run({
      program: program(op, x.dtype, row), buffers: [x.buf.buffer, o.buf.buffer], params: [n, R, inner],
      groups: row ? groups(n) : ctx.groups(n),
    });
  });
}
