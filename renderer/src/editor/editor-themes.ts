import type { Monaco } from './monaco-bundle';

export const EDITOR_THEMES = { light: 'scorecal-light', dark: 'scorecal-dark' } as const;

/** --surface and --surface-2 of styles/tokens.css, per scheme (Monaco takes literal colours only). */
const SURFACES = {
  light: { surface: '#ffffff', highlight: '#eef1f5' },
  dark: { surface: '#1a1e25', highlight: '#20252e' },
} as const;

/** Monaco's light and dark themes on the app's own surface colours, so the editor sits in its panel like a table. */
export function defineEditorThemes(monaco: Monaco): void {
  for (const scheme of ['light', 'dark'] as const) {
    const { surface, highlight } = SURFACES[scheme];
    monaco.editor.defineTheme(EDITOR_THEMES[scheme], {
      base: scheme === 'dark' ? 'vs-dark' : 'vs',
      inherit: true,
      rules: [],
      colors: {
        'editor.background': surface,
        'editorGutter.background': surface,
        'editor.lineHighlightBackground': highlight,
        'editor.lineHighlightBorder': highlight,
      },
    });
  }
}
