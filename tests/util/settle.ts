// A full garbage collection, then a pause for the FinalizationRegistry's callbacks: tensors that
// earlier tests dropped without dispose() are freed now, not at some await inside a leak check.
import v8 from 'node:v8';
import vm from 'node:vm';

let gc: (() => void) | null = null;

export async function settle(): Promise<void> {
  if (!gc) {
    v8.setFlagsFromString('--expose-gc');
    gc = vm.runInNewContext('gc') as () => void;
  }
  for (let i = 0; i < 2; i++) {
    gc();
    await new Promise((r) => setTimeout(r, 10));
  }
}
