import type { BrowserWindowConstructorOptions, WebPreferences } from 'electron';

export interface WindowOptionsInput {
  /** Absolute path of the bundled preload (out/preload/index.cjs). */
  preloadPath: string;
  /** Developer tools stay available in development and are removed from packaged builds. */
  allowDevTools: boolean;
}

/**
 * The renderer's privileges, written out in full rather than relying on Electron's defaults,
 * so that a default changing between Electron versions cannot silently widen them.
 */
export function secureWebPreferences(input: WindowOptionsInput): WebPreferences {
  return {
    preload: input.preloadPath,
    // The page and the preload live in separate JavaScript worlds; only contextBridge crosses.
    contextIsolation: true,
    // The renderer process runs in Chromium's OS-level sandbox.
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    // Chromium's spellchecker downloads dictionaries from Google: no network in normal use.
    spellcheck: false,
    // WebSQL would be a second, unmanaged store for sensitive data next to the workspace.
    enableWebSQL: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    devTools: input.allowDevTools,
  };
}

export function mainWindowOptions(input: WindowOptionsInput): BrowserWindowConstructorOptions {
  return {
    title: 'Scorecal',
    width: 1440,
    height: 900,
    minWidth: 960,
    minHeight: 600,
    // Shown on 'ready-to-show' so the user never sees an empty white frame.
    show: false,
    webPreferences: secureWebPreferences(input),
  };
}
