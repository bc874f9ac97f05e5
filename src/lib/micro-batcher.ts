export interface MicroBatcherOptions {
  /** Most items per batch. */
  maxBatch: number;
  /** Batches running at once; items submitted meanwhile wait and go together in the next one. */
  maxConcurrent: number;
  /**
   * How long a batch waits for company before it runs (unless it is full):
   * trades a little latency for fewer round trips. Default 0: the next turn.
   */
  lingerMs?: number;
}

interface Pending<I, O> {
  input: I;
  resolve: (output: O) => void;
  reject: (error: unknown) => void;
}

/**
 * Coalesces concurrent single-item calls into batched ones (group commit): the
 * first call runs at once (next macrotask); calls made while a batch is running
 * are gathered and run together as the next batch. Under load batches grow by
 * themselves; when idle each call runs alone without waiting for a timer.
 * `run` returns one output per input, in order; if it throws, every call of
 * that batch rejects with the error.
 */
export class MicroBatcher<I, O> {
  private readonly queue: Pending<I, O>[] = [];
  private running = 0;
  private scheduled = false;

  constructor(
    private readonly run: (inputs: I[]) => Promise<O[]>,
    private readonly options: MicroBatcherOptions,
  ) {}

  submit(input: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      this.queue.push({ input, resolve, reject });
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.scheduled || this.running >= this.options.maxConcurrent || this.queue.length === 0) return;
    this.scheduled = true;
    const go = () => {
      this.scheduled = false;
      this.flush();
    };
    // At least the next turn: calls made in the same turn (e.g. jobs fetched together) share the batch.
    const linger = this.options.lingerMs ?? 0;
    if (linger > 0 && this.queue.length < this.options.maxBatch) setTimeout(go, linger);
    else setImmediate(go);
  }

  private flush(): void {
    while (this.running < this.options.maxConcurrent && this.queue.length > 0) {
      const batch = this.queue.splice(0, this.options.maxBatch);
      this.running += 1;
      this.run(batch.map((p) => p.input))
        .then(
          (outputs) => {
            batch.forEach((p, i) => {
              p.resolve(outputs[i] as O);
            });
          },
          (error: unknown) => {
            for (const p of batch) p.reject(error);
          },
        )
        .finally(() => {
          this.running -= 1;
          this.schedule();
        });
    }
  }
}
