// Public types that must hold for a strict TypeScript user: `tsc --noEmit -p .` (npm test's first
// step) checks this file, so each `@ts-expect-error` below fails the type-check if the line
// compiles. The package's published .d.ts get the same checks in tests/package.test.ts.
import { describe, expect, it } from 'vitest';
import * as eg from '../src/index.js';

/** Never called: only type-checked. */
async function typeChecks(t: eg.Tensor, m: eg.Sequential): Promise<number> {
  const rows: number[][] = await t.array2d();
  const row: number[] = await t.array1d();
  const img: number[][][][] = await t.array4d();
  const vol: number[][][] = await t.array3d();
  // @ts-expect-error: array() has no static rank (NestedArray); use array2d() and friends
  const bad: number[][] = await t.array();
  const names: eg.OptimizerName[] = ['sgd', 'adam', 'adamw', 'rmsprop', 'adagrad'];
  m.compile({ optimizer: 'adam', loss: 'mse' });
  m.compile({ optimizer: 'RMSprop', loss: 'mse' });
  m.compile({ optimizer: eg.optimizers.sgd({ learningRate: 0.1 }), loss: 'mse' });
  // @ts-expect-error: 'adamz' is not an optimizer name
  m.compile({ optimizer: 'adamz', loss: 'mse' });
  // @ts-expect-error: 'adamz' is not an optimizer name
  eg.optimizers.get('adamz');
  return rows[0][0] + row[0] + img[0][0][0][0] + vol[0][0][0] + bad.length + names.length;
}
void typeChecks;

describe('typed array accessors', () => {
  it('array1d ... array4d give the nested values of their rank and refuse another rank, naming it', async () => {
    await eg.init({ backend: 'js' });
    const t = eg.tensor([[1, 2, 3], [4, 5, 6]]);
    expect(await t.array2d()).toEqual([[1, 2, 3], [4, 5, 6]]);
    expect(await eg.reshape(t, [6]).array1d()).toEqual([1, 2, 3, 4, 5, 6]);
    expect(await eg.reshape(t, [1, 2, 3]).array3d()).toEqual([[[1, 2, 3], [4, 5, 6]]]);
    expect(await eg.reshape(t, [1, 2, 3, 1]).array4d()).toEqual([[[[1], [2], [3]], [[4], [5], [6]]]]);
    await expect(t.array1d()).rejects.toThrow(/array1d: the tensor has rank 2 \(shape \[2,3\]\), not 1/);
    await expect(t.array4d()).rejects.toThrow(/array4d: the tensor has rank 2/);
    t.dispose();
    await expect(t.array2d()).rejects.toThrow(/has been disposed/);
  });

  it("an unknown optimizer name still throws at run time (for JavaScript callers)", () => {
    expect(() => eg.optimizers.get('adamz' as eg.OptimizerName)).toThrow(/unknown optimizer "adamz"/);
  });
});
