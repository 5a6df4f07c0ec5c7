import { formatBytes } from './http.ts';

/**
 * A download's progress as one rewritten line on a terminal (bytes so far, total when known, rate);
 * nothing in CI, with --quiet, or when stderr is not a terminal, so logs stay clean.
 */
export function byteProgress(options: { quiet?: boolean; stream?: NodeJS.WriteStream; now?: () => number }): {
  update(label: string, received: number, total: number | undefined): void;
  done(): void;
} {
  const stream = options.stream ?? process.stderr;
  const now = options.now ?? Date.now;
  const enabled = !options.quiet && !!stream.isTTY && !process.env.CI;
  let label = '';
  let started = 0;
  let last = 0;
  let shown = false;
  return {
    update(current, received, total) {
      if (!enabled) return;
      const t = now();
      if (current !== label) {
        label = current;
        started = t;
      }
      if (t - last < 200) return;
      last = t;
      shown = true;
      const rate = t > started ? received / ((t - started) / 1000) : 0;
      stream.write(`\r\x1b[K${label}: ${formatBytes(received)}${total ? ` av ${formatBytes(total)}` : ''} (${formatBytes(rate)}/s)`);
    },
    done() {
      if (shown) stream.write('\r\x1b[K');
      shown = false;
      label = '';
    },
  };
}
