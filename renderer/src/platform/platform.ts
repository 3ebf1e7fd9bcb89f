/**
 * The renderer's one platform adapter: what differs between the desktop app and browser mode
 * beyond the API transport. Today that is picking a file to read and a path to write.
 *
 * The engine reads and writes files by path (it runs on this machine). A browser never tells a
 * page where a file lives, so browser mode asks for the path in a text field. The desktop app could
 * show the native open and save dialogs, but its preload exposes only the API bridge; until the
 * main process offers file-picking calls, `canPickFile` and `canPickSavePath` are false there too
 * and the same path fields are used.
 */
export interface Platform {
  /** Whether `pickFile` can show a native dialog; when false the UI offers only the path field. */
  readonly canPickFile: boolean;
  /** The absolute path the user chose, or null when they cancelled or no dialog exists. */
  pickFile(): Promise<string | null>;
  /** Whether `pickSavePath` can show a native save dialog; when false the UI asks for a path. */
  readonly canPickSavePath: boolean;
  /**
   * Where to write a file: a native save dialog starting at `defaultPath`. Null when the user
   * cancelled or no dialog exists (browser mode), in which case the UI's own path field is used.
   */
  pickSavePath(defaultPath: string): Promise<string | null>;
}

export const platform: Platform = {
  canPickFile: false,
  pickFile: async () => null,
  canPickSavePath: false,
  pickSavePath: async () => null,
};
