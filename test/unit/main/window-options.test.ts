import { describe, expect, it } from 'vitest';
import { mainWindowOptions, secureWebPreferences } from '../../../electron/main/window-options';

describe('window options', () => {
  const preferences = secureWebPreferences({
    preloadPath: '/bundle/preload/index.cjs',
    allowDevTools: false,
  });

  it('isolates, sandboxes and keeps Node out of the renderer', () => {
    expect(preferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      enableWebSQL: false,
      experimentalFeatures: false,
      preload: '/bundle/preload/index.cjs',
    });
  });

  it('removes developer tools from packaged builds only', () => {
    expect(preferences.devTools).toBe(false);
    expect(secureWebPreferences({ preloadPath: 'p', allowDevTools: true }).devTools).toBe(true);
  });

  it('creates the window hidden until its first paint, with these preferences', () => {
    const options = mainWindowOptions({ preloadPath: 'p', allowDevTools: false });
    expect(options.show).toBe(false);
    expect(options.webPreferences).toEqual(secureWebPreferences({ preloadPath: 'p', allowDevTools: false }));
  });
});
