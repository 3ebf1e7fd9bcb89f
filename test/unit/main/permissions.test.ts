import type { Session } from 'electron';
import { describe, expect, it } from 'vitest';
import { isAllowedRequestUrl, lockDownNetwork } from '../../../electron/main/network-lockdown';
import { denyAllPermissions } from '../../../electron/main/permissions';
import { asReal, FakeEvent, FakeSession, FakeWebContents } from './fake-electron';

describe('permissions', () => {
  const session = new FakeSession();
  denyAllPermissions(asReal<Session>(session));

  it.each(['media', 'notifications', 'geolocation', 'clipboard-read', 'hid', 'openExternal'])(
    'denies a %s request',
    (permission) => {
      const answers: boolean[] = [];
      session.permissionRequestHandler?.(new FakeWebContents(), permission, (granted: boolean) =>
        answers.push(granted),
      );
      expect(answers).toEqual([false]);
    },
  );

  it('answers every permission check with false', () => {
    for (const permission of ['media', 'notifications', 'clipboard-sanitized-write', 'serial', 'usb']) {
      expect(session.permissionCheckHandler?.(null, permission, 'scorecal://app', {})).toBe(false);
    }
    expect(session.devicePermissionHandler?.({ deviceType: 'hid', origin: 'scorecal://app' })).toBe(false);
  });

  it('refuses screen capture', () => {
    const streams: unknown[] = [];
    session.displayMediaRequestHandler?.({}, (answer: unknown) => streams.push(answer));
    expect(streams).toEqual([null]);
  });

  it('cancels HID, serial and USB device pickers', () => {
    const hid = new FakeEvent();
    const hidAnswers: unknown[][] = [];
    session.emit('select-hid-device', hid, { deviceList: [] }, (...args: unknown[]) => hidAnswers.push(args));
    expect(hid.defaultPrevented).toBe(true);
    expect(hidAnswers).toEqual([[]]);

    const serial = new FakeEvent();
    const serialAnswers: unknown[] = [];
    session.emit('select-serial-port', serial, [], new FakeWebContents(), (id: string) =>
      serialAnswers.push(id),
    );
    expect(serial.defaultPrevented).toBe(true);
    expect(serialAnswers).toEqual(['']);

    const usb = new FakeEvent();
    const usbAnswers: unknown[][] = [];
    session.emit('select-usb-device', usb, { deviceList: [] }, (...args: unknown[]) => usbAnswers.push(args));
    expect(usb.defaultPrevented).toBe(true);
    expect(usbAnswers).toEqual([[]]);
  });
});

describe('network lockdown', () => {
  it('allows only the app origin and page-local data', () => {
    expect(isAllowedRequestUrl('scorecal://app/assets/main.js')).toBe(true);
    expect(isAllowedRequestUrl('data:image/png;base64,AAAA')).toBe(true);
    expect(isAllowedRequestUrl('blob:scorecal://app/1234')).toBe(true);
    for (const url of [
      'https://example.com/',
      'http://127.0.0.1:5173/',
      'ws://localhost/',
      'file:///etc/passwd',
      'scorecal://other/x',
      'ftp://example.com/',
      '',
    ]) {
      expect(isAllowedRequestUrl(url), url).toBe(false);
    }
  });

  it('cancels every other request at the session', () => {
    const session = new FakeSession();
    const log: string[] = [];
    lockDownNetwork(asReal<Session>(session), (message) => log.push(message));
    const answers: unknown[] = [];
    session.beforeRequestListener?.(
      { url: 'https://example.com/x', resourceType: 'xhr' },
      (answer: unknown) => answers.push(answer),
    );
    session.beforeRequestListener?.(
      { url: 'scorecal://app/index.html', resourceType: 'mainFrame' },
      (answer: unknown) => answers.push(answer),
    );
    expect(answers).toEqual([{ cancel: true }, { cancel: false }]);
    expect(log).toHaveLength(1);
  });
});
