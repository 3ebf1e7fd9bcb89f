import type { editor } from 'monaco-editor/editor/editor.api';
import type { Monaco } from './monaco-bundle';

/** The marker owner of errors the sandbox reported (TypeScript's own markers have another). */
const RUNTIME_OWNER = 'scorecal-runtime';

export interface RuntimeError {
  readonly line: number;
  readonly column: number;
  readonly message: string;
}

/** Shows where a run failed as an error marker spanning the rest of that line; null clears it. */
export function setRuntimeMarker(monaco: Monaco, model: editor.ITextModel, error: RuntimeError | null): void {
  if (!error || error.line < 1 || error.line > model.getLineCount()) {
    monaco.editor.setModelMarkers(model, RUNTIME_OWNER, []);
    return;
  }
  const column = Math.min(Math.max(1, error.column), model.getLineMaxColumn(error.line));
  const endColumn = Math.max(column + 1, model.getLineMaxColumn(error.line));
  monaco.editor.setModelMarkers(model, RUNTIME_OWNER, [
    {
      severity: monaco.MarkerSeverity.Error,
      message: error.message,
      source: 'run',
      startLineNumber: error.line,
      startColumn: column,
      endLineNumber: error.line,
      endColumn,
    },
  ]);
}
