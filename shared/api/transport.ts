import type { Progress } from './progress';

export interface CallOptions {
  onProgress?: (progress: Progress) => void;
  signal?: AbortSignal;
}

/**
 * How a client reaches the engine. Electron IPC, HTTP and an in-process engine each implement
 * this; nothing above it knows which one it has.
 */
export interface ApiTransport {
  call(name: string, input: unknown, options: CallOptions): Promise<unknown>;
}
