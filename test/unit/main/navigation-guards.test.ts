import type { App, WebContents } from 'electron';
import { describe, expect, it } from 'vitest';
import { hardenEveryWebContents } from '../../../electron/main/harden-web-contents';
import { guardNavigation } from '../../../electron/main/navigation-guards';
import { asReal, FakeApp, FakeEvent, FakeWebContents } from './fake-electron';

function guarded(): { contents: FakeWebContents; log: string[] } {
  const contents = new FakeWebContents();
  const log: string[] = [];
  guardNavigation(asReal<WebContents>(contents), (message) => log.push(message));
  return { contents, log };
}

describe('navigation guards', () => {
  it.each(['will-navigate', 'will-frame-navigate', 'will-redirect'])(
    'prevents %s to another origin',
    (eventName) => {
      const { contents } = guarded();
      for (const url of [
        'https://example.com/',
        'http://127.0.0.1:8080/',
        'file:///etc/passwd',
        'scorecal://evil/index.html',
        'javascript:alert(1)',
        'not a url',
      ]) {
        expect(contents.fire(eventName, { url }).defaultPrevented, url).toBe(true);
      }
    },
  );

  it('lets the app move within its own origin', () => {
    const { contents } = guarded();
    expect(
      contents.fire('will-navigate', { url: 'scorecal://app/index.html#/datasets' }).defaultPrevented,
    ).toBe(false);
  });

  it('denies every window.open and opens nothing externally', () => {
    const { contents, log } = guarded();
    expect(contents.windowOpenHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler?.({ url: 'scorecal://app/index.html' })).toEqual({ action: 'deny' });
    expect(log.join('\n')).toContain('https://example.com');
  });

  it('never attaches a <webview>', () => {
    const { contents } = guarded();
    expect(contents.fire('will-attach-webview').defaultPrevented).toBe(true);
  });

  it('logs only the origin of a blocked URL, not its path or query', () => {
    const { contents, log } = guarded();
    contents.fire('will-navigate', { url: 'https://example.com/leak?secret=1' });
    expect(log).toEqual(['Blocked navigation to https://example.com.']);
  });

  it('guards every webContents the app creates, and cancels Bluetooth pickers', () => {
    const app = new FakeApp('/app');
    hardenEveryWebContents(asReal<App>(app), () => undefined);
    const contents = new FakeWebContents();
    app.emit('web-contents-created', new FakeEvent(), contents);
    expect(contents.fire('will-navigate', { url: 'https://example.com/' }).defaultPrevented).toBe(true);
    expect(contents.windowOpenHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });

    const picked: string[] = [];
    const event = new FakeEvent();
    contents.emit('select-bluetooth-device', event, [{ deviceId: 'x' }], (id: string) => picked.push(id));
    expect(event.defaultPrevented).toBe(true);
    expect(picked).toEqual(['']);
  });
});
