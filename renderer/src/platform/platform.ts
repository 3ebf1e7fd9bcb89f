/**
 * The renderer's one platform adapter: what differs between the desktop app and browser mode
 * beyond the API transport. Today that is picking a file.
 *
 * The engine reads files by path (it runs on this machine). A browser never tells a page where a
 * file lives, so browser mode asks for the path in a text field. The desktop app could show the
 * native open dialog, but its preload exposes only the API bridge; until the main process offers
 * a file-picking call, `canPickFile` is false there too and the same path field is used.
 */
export interface Platform {
  /** Whether `pickFile` can show a native dialog; when false the UI offers only the path field. */
  readonly canPickFile: boolean;
  /** The absolute path the user chose, or null when they cancelled or no dialog exists. */
  pickFile(): Promise<string | null>;
}

export const platform: Platform = {
  canPickFile: false,
  pickFile: async () => null,
};
