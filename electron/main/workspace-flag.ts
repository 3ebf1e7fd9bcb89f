/**
 * The value of `--workspace <file>` or `--workspace=<file>` on the app's command line.
 * Chromium's own switches may sit anywhere in argv, so the flag is searched, not positional.
 */
export function workspaceFlag(argv: readonly string[]): string | undefined {
  for (let index = 0; index < argv.length; index += 1) {
    const argument = argv[index];
    if (argument === undefined) continue;
    if (argument.startsWith('--workspace=')) return argument.slice('--workspace='.length);
    if (argument === '--workspace') return argv[index + 1];
  }
  return undefined;
}
