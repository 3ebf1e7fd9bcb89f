/**
 * What the Scripts view loads of Monaco: the editor API, its editor features and the TypeScript
 * language only (`monaco-editor`'s main entry would bring some eighty languages and the CSS, HTML
 * and JSON workers too). Loaded on demand (see load-monaco.ts).
 *
 * Every feature is registered here, before the first editor exists: Monaco's TypeScript support
 * imports them all anyway (internal/common/workers.js) once it starts, and a feature registered
 * after the editor services were created misses its own services (a console error on the next
 * editor). The second list is what editor.main adds beyond features/register.all.
 */
import * as monaco from 'monaco-editor/editor/editor.api';
import * as typescript from 'monaco-editor/languages/features/typescript/register';
import 'monaco-editor/languages/definitions/typescript/register';
import 'monaco-editor/features/register.all';
import 'monaco-editor/editor/browser/coreCommands';
import 'monaco-editor/editor/contrib/caretOperations/browser/caretOperations';
import 'monaco-editor/editor/contrib/dropOrPasteInto/browser/copyPasteContribution';
import 'monaco-editor/editor/contrib/find/browser/findController';
import 'monaco-editor/editor/contrib/gotoSymbol/browser/goToCommands';
import 'monaco-editor/editor/contrib/gotoError/browser/markerSelectionStatus';
import 'monaco-editor/editor/contrib/semanticTokens/browser/documentSemanticTokens';
import 'monaco-editor/editor/contrib/suggest/browser/suggestController';
import 'monaco-editor/editor/common/standaloneStrings';
import { defineEditorThemes } from './editor-themes';
import { installMonacoEnvironment } from './monaco-environment';
import { configureScriptLanguage } from './script-language';

installMonacoEnvironment();
configureScriptLanguage(typescript);
defineEditorThemes(monaco);

export { monaco, typescript };
export type Monaco = typeof monaco;
export type MonacoTypeScript = typeof typescript;
