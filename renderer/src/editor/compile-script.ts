import type { editor } from 'monaco-editor/editor/editor.api';
import type { LoadedMonaco } from './load-monaco';
import { flattenDiagnosticMessage, sortProblems, type ScriptProblem } from './script-problem';

export type CompileResult =
  | { readonly ok: true; readonly javascript: string; readonly sourceMap: string | null }
  | { readonly ok: false; readonly problems: ScriptProblem[] };

const ERROR = 1;

/**
 * Compiles the script in `model` with the editor's own TypeScript worker: first its syntactic and
 * semantic errors (a script with any is refused, with the list), then the emitted CommonJS and its
 * source map. The worker holds the API declarations and the dataset's Row type as extra libs, so
 * this is exactly what the editor's markers show.
 */
export async function compileScript(
  { typescript }: LoadedMonaco,
  model: editor.ITextModel,
): Promise<CompileResult> {
  const getWorker = await typescript.getTypeScriptWorker();
  const worker = await getWorker(model.uri);
  const fileName = model.uri.toString();
  const [syntactic, semantic] = await Promise.all([
    worker.getSyntacticDiagnostics(fileName),
    worker.getSemanticDiagnostics(fileName),
  ]);
  const errors = [...syntactic, ...semantic].filter((diagnostic) => diagnostic.category === ERROR);
  if (errors.length > 0) {
    return {
      ok: false,
      problems: sortProblems(
        errors.map((diagnostic) => {
          const position = model.getPositionAt(diagnostic.start ?? 0);
          return {
            line: position.lineNumber,
            column: position.column,
            message: flattenDiagnosticMessage(diagnostic.messageText),
            code: diagnostic.code,
          };
        }),
      ),
    };
  }
  const output = await worker.getEmitOutput(fileName);
  const javascript = output.outputFiles.find((file) => file.name.endsWith('.js'));
  if (output.emitSkipped || !javascript) {
    return {
      ok: false,
      problems: [
        { line: 1, column: 1, message: 'TypeScript produced no JavaScript for this script.', code: null },
      ],
    };
  }
  const map = output.outputFiles.find((file) => file.name.endsWith('.js.map'));
  return { ok: true, javascript: javascript.text, sourceMap: map?.text ?? null };
}
