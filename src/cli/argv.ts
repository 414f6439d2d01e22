/** Reading the command line before commander does (the language, the workspace of a hash begun early). */

/** An option's value as commander takes it: `--name v`, `--name=v`, `-s v` or `-sv`. */
export function optionValue(argv: string[], long: string, short?: string): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === long || (short !== undefined && a === short)) return argv[i + 1] || undefined;
    if (a.startsWith(`${long}=`)) return a.slice(long.length + 1) || undefined;
    if (short !== undefined && a.startsWith(short) && !a.startsWith('--') && a.length > short.length) return a.slice(short.length);
  }
  return undefined;
}
