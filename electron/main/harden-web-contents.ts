import type { App, WebContents } from 'electron';
import { guardNavigation } from './navigation-guards';

/**
 * Applies the navigation guards to every webContents the app ever creates (windows, devtools,
 * anything a future feature adds), so no code path can produce an unguarded one.
 */
export function hardenEveryWebContents(app: Pick<App, 'on'>, log: (message: string) => void): void {
  app.on('web-contents-created', (_event, contents: WebContents) => {
    guardNavigation(contents, log);
    contents.on('select-bluetooth-device', (event, _devices, callback) => {
      event.preventDefault();
      callback('');
    });
  });
}
