import type { IpcMainInvokeEvent, WebContents } from 'electron';
import { isAppUrl } from './app-origin';

export type IpcSenderEvent = Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>;

/**
 * An IPC message is trusted only when it comes from the top frame of the app's own window
 * while that frame shows a page of the app origin. A subframe, another window, a page that
 * navigated elsewhere or a frame that is already gone is refused.
 */
export function isTrustedSender(event: IpcSenderEvent, trustedContents: WebContents | null): boolean {
  if (trustedContents === null || event.sender !== trustedContents) return false;
  const frame = event.senderFrame;
  if (frame === null || frame === undefined) return false;
  if (frame.parent !== null) return false;
  return isAppUrl(frame.url);
}
