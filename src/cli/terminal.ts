import cliProgress from "cli-progress";

/**
 * Output for commands: results on stdout, progress on stderr. On a terminal
 * progress is a bar; otherwise (CI, pipes, logs) plain lines, at most one per
 * step of 10%.
 */
export interface Progress {
  update(done: number, total?: number, label?: string): void;
  stop(): void;
}

export function createProgress(title: string, total: number): Progress {
  if (process.stderr.isTTY) {
    const bar = new cliProgress.SingleBar(
      {
        format: `${title} [{bar}] {value}/{total} {label}`,
        stream: process.stderr,
        hideCursor: true,
        clearOnComplete: false,
      },
      cliProgress.Presets.shades_classic,
    );
    bar.start(Math.max(total, 1), 0, { label: "" });
    return {
      update: (done, newTotal, label) => {
        if (newTotal !== undefined) bar.setTotal(Math.max(newTotal, 1));
        bar.update(done, { label: label ?? "" });
      },
      stop: () => bar.stop(),
    };
  }
  let lastStep = -1;
  let currentTotal = total;
  return {
    update: (done, newTotal, label) => {
      if (newTotal !== undefined) currentTotal = newTotal;
      const step = currentTotal > 0 ? Math.floor((done / currentTotal) * 10) : done;
      if (step !== lastStep) {
        lastStep = step;
        process.stderr.write(
          `${title}: ${done}${currentTotal > 0 ? `/${currentTotal}` : ""}${label ? ` ${label}` : ""}\n`,
        );
      }
    },
    stop: () => {},
  };
}

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

export function printLine(line = ""): void {
  process.stdout.write(`${line}\n`);
}
