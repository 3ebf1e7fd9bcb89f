/**
 * The calls the host is running, by requestId, so that a cancel request (or a departing client,
 * or shutdown) can reach the AbortController of the call it means.
 */
export class InFlightCalls {
  private readonly controllers = new Map<string, AbortController>();
  private readonly running = new Set<Promise<unknown>>();

  /** A controller for a new call, or undefined when a call with this id is already running. */
  begin(requestId: string): AbortController | undefined {
    if (this.controllers.has(requestId)) return undefined;
    const controller = new AbortController();
    this.controllers.set(requestId, controller);
    return controller;
  }

  /** Keeps a call's promise until it settles, so shutdown can wait for calls to let go. */
  track(requestId: string, call: Promise<unknown>): void {
    const settled = call.then(
      () => undefined,
      () => undefined,
    );
    this.running.add(settled);
    void settled.then(() => {
      this.running.delete(settled);
      this.controllers.delete(requestId);
    });
  }

  /** Whether a running call was found and asked to stop. */
  cancel(requestId: string): boolean {
    const controller = this.controllers.get(requestId);
    if (controller === undefined) return false;
    controller.abort();
    return true;
  }

  cancelAll(): void {
    for (const controller of this.controllers.values()) controller.abort();
  }

  /** Resolves when every call has settled, or after timeoutMs for calls that ignore their signal. */
  async settle(timeoutMs: number): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, timeoutMs);
    });
    await Promise.race([Promise.all(this.running), timeout]);
    clearTimeout(timer);
  }
}
