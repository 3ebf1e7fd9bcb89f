import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import TypeScriptWorker from 'monaco-editor/languages/features/typescript/ts.worker?worker';

/**
 * Monaco's two workers, bundled with the app (never fetched from a URL outside it): the editor
 * worker (word completion, diffs, links) and the TypeScript language service.
 */
export function installMonacoEnvironment(): void {
  self.MonacoEnvironment = {
    getWorker(_moduleId: string, label: string): Worker {
      return label === 'typescript' || label === 'javascript' ? new TypeScriptWorker() : new EditorWorker();
    },
  };
}
