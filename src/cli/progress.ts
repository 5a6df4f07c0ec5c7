import { forTerminal } from '../text/terminalText.ts';

/**
 * Progress for long work: one rewritten line on a terminal, nothing in CI, with --quiet or when
 * stderr is not a terminal (logs stay clean).
 */
export function progressReporter(options: { quiet?: boolean; stream?: NodeJS.WriteStream }): {
  update(label: string, done: number, total: number): void;
  done(): void;
} {
  const stream = options.stream ?? process.stderr;
  const enabled = !options.quiet && stream.isTTY && !process.env.CI;
  let last = 0;
  let shown = false;
  return {
    update(label, done, total) {
      const now = Date.now();
      if (!enabled || now - last < 200 || total < 2000) return;
      last = now;
      shown = true;
      stream.write(`\r${forTerminal(label)}: ${done.toLocaleString('sv-SE')} av ${total.toLocaleString('sv-SE')} rader`);
    },
    done() {
      if (shown) stream.write('\r\x1b[K');
      shown = false;
    },
  };
}
