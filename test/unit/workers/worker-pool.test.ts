import { afterEach, describe, expect, it } from 'vitest';
import { WorkerPool } from '../../../electron/engine/workers/worker-pool';

let pool: WorkerPool | null = null;
afterEach(async () => {
  await pool?.close();
  pool = null;
});

describe('the worker pool', () => {
  it('runs a task in a worker thread and moves typed arrays instead of copying them', async () => {
    pool = new WorkerPool(2);
    const values = Float64Array.from({ length: 1000 }, (_, i) => i);
    const result = await pool.run<{ sum: number }>(
      'self-test.sum',
      { values },
      { transfer: [values.buffer] },
    );
    expect(result.sum).toBe(499_500);
    expect(values.length).toBe(0); // transferred: detached in this thread
  });

  it('keeps the calling thread responsive while a task computes', async () => {
    pool = new WorkerPool(1);
    let taskDone = false;
    const busy = pool.run('self-test.sum', { values: new Float64Array(1), spinMs: 2_000 }).then(() => {
      taskDone = true;
    });
    // A timer on this thread fires while the worker is still spinning.
    const timerSawTaskRunning = await new Promise<boolean>((resolve) =>
      setTimeout(() => resolve(!taskDone), 50),
    );
    expect(timerSawTaskRunning).toBe(true);
    await busy;
    expect(taskDone).toBe(true);
  });

  it('cancels a running task at once and stays usable', async () => {
    pool = new WorkerPool(1);
    const controller = new AbortController();
    const progress: number[] = [];
    let abortedAt = 0;
    const long = pool.run(
      'self-test.sum',
      { values: new Float64Array(1), spinMs: 60_000 },
      {
        signal: controller.signal,
        onProgress: (p) => {
          progress.push(p.done);
          // Cancel once the task is demonstrably running in its worker.
          if (abortedAt === 0) {
            abortedAt = Date.now();
            controller.abort();
          }
        },
      },
    );
    await expect(long).rejects.toMatchObject({ code: 'cancelled' });
    expect(progress.length).toBeGreaterThan(0);
    expect(Date.now() - abortedAt).toBeLessThan(5_000);
    const after = await pool.run<{ sum: number }>('self-test.sum', { values: Float64Array.of(2, 3) });
    expect(after.sum).toBe(5);
  });

  it('reports an unknown task as an error instead of hanging', async () => {
    pool = new WorkerPool(1);
    await expect(pool.run('no-such-task', {})).rejects.toMatchObject({
      code: 'internal',
      message: expect.stringContaining('no-such-task'),
    });
  });

  it('queues more tasks than threads and finishes them all', async () => {
    pool = new WorkerPool(2);
    const sums = await Promise.all(
      [1, 2, 3, 4, 5].map((n) =>
        pool!.run<{ sum: number }>('self-test.sum', { values: Float64Array.of(n, n) }),
      ),
    );
    expect(sums.map((s) => s.sum)).toEqual([2, 4, 6, 8, 10]);
  });
});
