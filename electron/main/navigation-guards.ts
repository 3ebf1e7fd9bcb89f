import type { WebContents } from 'electron';
import { isAppUrl } from './app-origin';
import { originForLog } from './origin-for-log';

type GuardedWebContents = Pick<WebContents, 'on' | 'setWindowOpenHandler'>;

/**
 * Keeps a webContents on the app origin. Navigations and redirects elsewhere are cancelled,
 * new windows are never created and <webview> is never attached. External links are not handed
 * to the OS browser either: the app is used offline on sensitive data and opens nothing remote.
 */
export function guardNavigation(contents: GuardedWebContents, log: (message: string) => void): void {
  const preventUnlessApp = (event: { preventDefault(): void; url: string }) => {
    if (isAppUrl(event.url)) return;
    event.preventDefault();
    log(`Blocked navigation to ${originForLog(event.url)}.`);
  };
  contents.on('will-navigate', (event) => preventUnlessApp(event));
  // Subframes too: an <iframe> must not be steered to another origin either.
  contents.on('will-frame-navigate', (event) => preventUnlessApp(event));
  contents.on('will-redirect', (event) => preventUnlessApp(event));
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    log('Blocked a <webview>.');
  });
  contents.setWindowOpenHandler((details) => {
    log(`Blocked a new window for ${originForLog(details.url)}.`);
    return { action: 'deny' };
  });
}
