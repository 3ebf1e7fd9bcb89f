import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { applicationMenuTemplate } from '../../../electron/main/menu';

const roles = (items: MenuItemConstructorOptions[]): string[] =>
  items.flatMap((item) => [
    ...(item.role ? [item.role] : []),
    ...(Array.isArray(item.submenu) ? roles(item.submenu) : []),
  ]);

describe('application menu', () => {
  it('has the standard menus, with the app menu on macOS only', () => {
    const mac = applicationMenuTemplate({ platform: 'darwin', allowDevTools: false });
    expect(mac.map((item) => item.role ?? item.label)).toEqual([
      'appMenu',
      'fileMenu',
      'editMenu',
      'View',
      'windowMenu',
      'help',
    ]);
    const linux = applicationMenuTemplate({ platform: 'linux', allowDevTools: false });
    expect(linux.map((item) => item.role ?? item.label)).toEqual([
      'fileMenu',
      'editMenu',
      'View',
      'windowMenu',
      'help',
    ]);
  });

  it('offers developer tools only where they are allowed', () => {
    expect(roles(applicationMenuTemplate({ platform: 'linux', allowDevTools: false }))).not.toContain(
      'toggleDevTools',
    );
    expect(roles(applicationMenuTemplate({ platform: 'linux', allowDevTools: true }))).toContain(
      'toggleDevTools',
    );
  });

  it('is made of roles only: no click handlers, no links', () => {
    const template = applicationMenuTemplate({ platform: 'win32', allowDevTools: true });
    const all = (items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] =>
      items.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? all(item.submenu) : [])]);
    for (const item of all(template)) expect(item.click).toBeUndefined();
    expect(JSON.stringify(template)).not.toMatch(/https?:|www\./);
  });
});
