// The command line's flag parsing, shared by cli.ts and cli-text.ts.

export function flag(args: string[], name: string, fallback: string): string {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && i + 1 < args.length ? args[i + 1] : fallback;
}

export function num(args: string[], name: string, fallback: number): number {
  const v = Number(flag(args, name, String(fallback)));
  if (!Number.isFinite(v) || v <= 0) throw new Error(`--${name} must be a positive number, got '${flag(args, name, '')}'`);
  return v;
}
