import type { ScorecalBridge } from '../../../shared/api/bridge';
import type { ApiTransport } from '../../../shared/api/transport';
import { httpTransport } from './http-transport';
import { ipcTransport } from './ipc-transport';

declare global {
  interface Window {
    /** Present only in the desktop app, where the preload exposes it. */
    scorecal?: ScorecalBridge;
  }
}

/** The one place that knows which transport the renderer is on. */
export function chooseTransport(): ApiTransport {
  return window.scorecal ? ipcTransport(window.scorecal) : httpTransport();
}
