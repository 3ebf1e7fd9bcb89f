/** The script's definition (its `export default defineScript({...})`) is missing or malformed. */
export class ScriptDefinitionError extends Error {
  override readonly name = 'ScriptDefinitionError';
}

/** A score or scenario returned something unusable for one row (the row number is 1-based among used rows). */
export class ScriptValueError extends Error {
  override readonly name = 'ScriptValueError';
  constructor(
    message: string,
    readonly row: number,
  ) {
    super(message);
  }
}
