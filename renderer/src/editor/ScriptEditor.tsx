import type { editor } from 'monaco-editor/editor/editor.api';
import { useEffect, useImperativeHandle, useRef, type Ref } from 'react';
import { SCRIPT_FILE_NAME } from '../../../shared/scripting/compiler-options';
import { useColorScheme } from '../charts/use-color-scheme';
import { compileScript, type CompileResult } from './compile-script';
import { EDITOR_THEMES } from './editor-themes';
import type { LoadedMonaco } from './load-monaco';
import { setRuntimeMarker, type RuntimeError } from './runtime-marker';

export interface ScriptEditorHandle {
  /** Compiles what the editor shows (see compileScript). */
  compile(): Promise<CompileResult>;
  /** Moves the cursor to a 1-based position, scrolls it into view and focuses the editor. */
  reveal(line: number, column: number): void;
}

interface Props {
  monaco: LoadedMonaco;
  /** Names the document shown; when it changes, the editor shows `text` (another script or version). */
  documentKey: string;
  text: string;
  readOnly: boolean;
  onChange: (text: string) => void;
  /** Ctrl+S / Cmd+S in the editor. */
  onSave: () => void;
  runtimeError: RuntimeError | null;
  label: string;
  ref?: Ref<ScriptEditorHandle>;
}

const FONT_FAMILY = "ui-monospace, 'SFMono-Regular', Menlo, Consolas, 'Liberation Mono', monospace";

/**
 * A Monaco editor on the one script model (`script.ts`, the file name errors refer to), with the
 * TypeScript service's completions, hovers and error markers, and the sandbox's runtime error as
 * one more marker.
 */
export function ScriptEditor({
  monaco: loaded,
  documentKey,
  text,
  readOnly,
  onChange,
  onSave,
  runtimeError,
  label,
  ref,
}: Props) {
  const container = useRef<HTMLDivElement>(null);
  const editorRef = useRef<editor.IStandaloneCodeEditor | null>(null);
  const modelRef = useRef<editor.ITextModel | null>(null);
  const applyingText = useRef(false);
  const latest = useRef({ text, onChange, onSave, readOnly, label });
  latest.current = { text, onChange, onSave, readOnly, label };
  const scheme = useColorScheme();
  const initialScheme = useRef(scheme);

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const { monaco } = loaded;
    const uri = monaco.Uri.parse(`file:///${SCRIPT_FILE_NAME}`);
    monaco.editor.getModel(uri)?.dispose();
    const model = monaco.editor.createModel(latest.current.text, 'typescript', uri);
    model.updateOptions({ tabSize: 2, insertSpaces: true });
    const instance = monaco.editor.create(element, {
      model,
      theme: EDITOR_THEMES[initialScheme.current],
      readOnly: latest.current.readOnly,
      ariaLabel: latest.current.label,
      automaticLayout: true,
      minimap: { enabled: false },
      fontFamily: FONT_FAMILY,
      fontSize: 13,
      lineHeight: 20,
      padding: { top: 8, bottom: 8 },
      scrollBeyondLastLine: false,
      fixedOverflowWidgets: true,
      stickyScroll: { enabled: false },
      renderLineHighlight: 'line',
      scrollbar: { alwaysConsumeMouseWheel: false, horizontalScrollbarSize: 8, verticalScrollbarSize: 10 },
      'semanticHighlighting.enabled': false,
    });
    instance.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.KeyS, () => latest.current.onSave());
    const changes = model.onDidChangeContent(() => {
      setRuntimeMarker(monaco, model, null);
      if (!applyingText.current) latest.current.onChange(model.getValue());
    });
    editorRef.current = instance;
    modelRef.current = model;
    return () => {
      changes.dispose();
      instance.dispose();
      model.dispose();
      editorRef.current = null;
      modelRef.current = null;
    };
  }, [loaded]);

  // Another document: show its text (typing changes `text` too, but not the key).
  useEffect(() => {
    const model = modelRef.current;
    if (!model || model.getValue() === latest.current.text) return;
    applyingText.current = true;
    try {
      model.setValue(latest.current.text);
    } finally {
      applyingText.current = false;
    }
    editorRef.current?.setScrollTop(0);
  }, [documentKey]);

  useEffect(() => {
    editorRef.current?.updateOptions({ readOnly, ariaLabel: label });
  }, [readOnly, label]);

  useEffect(() => {
    loaded.monaco.editor.setTheme(EDITOR_THEMES[scheme]);
  }, [loaded, scheme]);

  useEffect(() => {
    const model = modelRef.current;
    if (!model) return;
    setRuntimeMarker(loaded.monaco, model, runtimeError);
    if (runtimeError) editorRef.current?.revealLineInCenterIfOutsideViewport(runtimeError.line);
  }, [loaded, runtimeError]);

  useImperativeHandle(
    ref,
    () => ({
      compile: async () => {
        const model = modelRef.current;
        if (!model) throw new Error('The editor is not open.');
        return compileScript(loaded, model);
      },
      reveal: (line, column) => {
        const instance = editorRef.current;
        if (!instance) return;
        instance.setPosition({ lineNumber: line, column });
        instance.revealPositionInCenterIfOutsideViewport({ lineNumber: line, column });
        instance.focus();
      },
    }),
    [loaded],
  );

  return <div ref={container} className="script-editor" data-testid="script-editor" />;
}
