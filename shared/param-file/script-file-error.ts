/**
 * A script file was asked to score rows. Its formula is TypeScript that only the workbench's sandbox
 * runs (the engine never executes script code), so every path that applies a file to rows — the
 * scored CSV, drift monitoring, a report's per-segment tables — refuses it with this one message.
 */
export class ScriptFileError extends Error {
  constructor(readonly label: string) {
    super(scriptRefusal(label));
    this.name = 'ScriptFileError';
  }
}

/** The refusal in words: what it is, why, and what to do instead. */
export function scriptRefusal(label: string): string {
  return (
    `${label} is a custom scoring script: script models run only in the workbench's sandbox; ` +
    'the engine never executes script code, so it cannot score rows with one. ' +
    'Run the script on the new data in the workbench (Scripts) instead.'
  );
}
