import path from 'node:path';

/**
 * The app's read-only resources. From the TypeScript sources (electron/engine) and from the
 * bundle (out/main) the folder is two levels up, so one rule serves the CLI, tests and the app.
 */
export function defaultResourcesDir(): string {
  return path.resolve(__dirname, '..', '..', 'resources');
}
