import { useEffect } from 'react';
import type { LoadedMonaco } from '../../editor/load-monaco';
import { setRowDeclaration } from '../../editor/script-language';

/** Keeps the editor's `Row` type on the selected dataset's columns (completions, type checks). */
export function useRowDeclaration(monaco: LoadedMonaco | null, declaration: string | null): void {
  useEffect(() => {
    if (monaco && declaration !== null) setRowDeclaration(monaco.typescript, declaration);
  }, [monaco, declaration]);
}
