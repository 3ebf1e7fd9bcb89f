import type { App } from 'electron';

/**
 * One running app per user: two main processes writing one workspace would fight over it.
 * Returns false when another instance already runs (it is told to come forward instead).
 */
export function claimSingleInstance(
  app: Pick<App, 'requestSingleInstanceLock' | 'on'>,
  bringToFront: () => void,
): boolean {
  if (!app.requestSingleInstanceLock()) return false;
  app.on('second-instance', () => bringToFront());
  return true;
}
