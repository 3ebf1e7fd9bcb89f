import type { App } from 'electron';
import { describe, expect, it } from 'vitest';
import { claimSingleInstance } from '../../../electron/main/single-instance';
import { asReal, FakeApp } from './fake-electron';

describe('single instance', () => {
  it('takes the lock and brings the window forward when a second instance starts', () => {
    const app = new FakeApp('/app');
    let broughtForward = 0;
    expect(claimSingleInstance(asReal<App>(app), () => (broughtForward += 1))).toBe(true);
    app.emit('second-instance', {}, ['scorecal'], '/');
    expect(broughtForward).toBe(1);
  });

  it('reports when another instance holds the lock', () => {
    const app = new FakeApp('/app');
    app.singleInstanceLockAvailable = false;
    expect(claimSingleInstance(asReal<App>(app), () => undefined)).toBe(false);
  });
});
