import { useEffect, useState } from 'react';
import type { ApiClient } from '../../../shared/api/client';
import type { AppInfo } from '../../../shared/api/contract';
import { useApi } from '../api/api-context';

let cached: Promise<AppInfo> | null = null;

function readAppInfo(api: ApiClient): Promise<AppInfo> {
  cached ??= api.call('app.info', {}).catch((error: unknown) => {
    cached = null;
    throw error;
  });
  return cached;
}

/** The engine's versions and workspace path, asked once per page; null until they arrive. */
export function useAppInfo(): AppInfo | null {
  const api = useApi();
  const [info, setInfo] = useState<AppInfo | null>(null);
  useEffect(() => {
    let live = true;
    readAppInfo(api).then(
      (answer) => {
        if (live) setInfo(answer);
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [api]);
  return info;
}

/** The folder of a path, in the path's own separator style (Windows or POSIX). */
export function folderOf(filePath: string): string {
  const cut = Math.max(filePath.lastIndexOf('/'), filePath.lastIndexOf('\\'));
  return cut <= 0 ? filePath.slice(0, cut + 1) : filePath.slice(0, cut);
}

/** `name` inside `folder`, joined with the folder's separator. */
export function joinPath(folder: string, name: string): string {
  if (folder === '') return name;
  const separator = folder.includes('\\') && !folder.includes('/') ? '\\' : '/';
  return folder.endsWith(separator) ? `${folder}${name}` : `${folder}${separator}${name}`;
}

/** A file name from free text: no separators, quotes or control characters. */
export function safeFileName(text: string): string {
  const cleaned = Array.from(text, (char) => (char.charCodeAt(0) < 32 ? ' ' : char))
    .join('')
    .replace(/[\\/:*?"<>|]+/g, ' ')
    .replace(/\s*·\s*/g, ' - ')
    .replace(/\s+/g, ' ')
    .trim();
  return cleaned === '' ? 'scorecal' : cleaned.slice(0, 120);
}
