import { SCRIPT_API_DECLARATIONS } from '../../../shared/scripting/script-api-declarations';
import type { MonacoTypeScript } from './monaco-bundle';
import { monacoScriptCompilerOptions } from './script-compiler-options';

/** Where the declarations live in the TypeScript service's virtual file system. */
export const SCRIPT_API_LIB_PATH = 'file:///scorecal/script-api.d.ts';
export const ROW_LIB_PATH = 'file:///scorecal/row.d.ts';

/**
 * The TypeScript service as scripts need it: the script compiler options (ES2022, no DOM), every
 * check on (markers), and the script API (`defineScript`, `stats`, …) as a declaration file.
 */
export function configureScriptLanguage(typescript: MonacoTypeScript): void {
  const defaults = typescript.typescriptDefaults;
  defaults.setCompilerOptions(monacoScriptCompilerOptions());
  defaults.setDiagnosticsOptions({
    noSemanticValidation: false,
    noSyntaxValidation: false,
    onlyVisible: false,
  });
  defaults.setEagerModelSync(true);
  defaults.addExtraLib(SCRIPT_API_DECLARATIONS, SCRIPT_API_LIB_PATH);
  // Until a dataset's columns are known, a row has none.
  defaults.addExtraLib('interface Row {}\n', ROW_LIB_PATH);
}

/** The `Row` interface of the selected dataset (rowTypeDeclaration), replacing the previous one. */
export function setRowDeclaration(typescript: MonacoTypeScript, declaration: string): void {
  typescript.typescriptDefaults.addExtraLib(declaration, ROW_LIB_PATH);
}
