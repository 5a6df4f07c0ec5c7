import { forTerminal } from './terminalText.ts';

/**
 * Progress of long work (an import's rows, a download's bytes) as one line rewritten in place,
 * `label: detail`, at most five times a second; nothing in CI, with --quiet or when the stream is not a
 * terminal, so logs stay clean. `detail` is given the milliseconds since this label first showed, for a
 * rate.
 */
export function progressLine(options: { quiet?: boolean; stream?: NodeJS.WriteStream; now?: () => number }): {
  update(label: string, detail: (elapsedMs: number) => string): void;
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
    update(current, detail) {
      if (!enabled) return;
      const t = now();
      if (current !== label) {
        label = current;
        started = t;
      }
      if (t - last < 200) return;
      last = t;
      shown = true;
      stream.write(`\r\x1b[K${forTerminal(label)}: ${detail(t - started)}`);
    },
    done() {
      if (shown) stream.write('\r\x1b[K');
      shown = false;
      label = '';
    },
  };
}
