// The one progress line of imports and pulls: rewritten in place on a terminal, at most five times a
// second, and silent wherever it would litter a log.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { progressLine } from './progress.ts';

/** A stream that keeps what is written to it, a terminal or not. */
function stream(isTTY: boolean) {
  const written: string[] = [];
  return { written, stream: { isTTY, write: (text: string) => written.push(text) > 0 } as unknown as NodeJS.WriteStream };
}

describe('progress line', () => {
  afterEach(() => vi.unstubAllEnvs());

  it('on a terminal rewrites one line, at most every 200 ms, with the time since its label first showed, and clears it when done', () => {
    vi.stubEnv('CI', '');
    const { written, stream: out } = stream(true);
    let clock = 10_000;
    const line = progressLine({ stream: out, now: () => clock });
    const detail = (ms: number) => `${ms} ms`;
    line.update('2024.xlsx', detail);
    clock += 150;
    line.update('2024.xlsx', detail);
    clock += 100;
    line.update('2024.xlsx', detail);
    clock += 300;
    line.update('2025\u001b[2J.xlsx', detail);
    line.done();
    line.done();
    expect(written).toEqual(['\r\x1b[K2024.xlsx: 0 ms', '\r\x1b[K2024.xlsx: 250 ms', '\r\x1b[K2025[2J.xlsx: 0 ms', '\r\x1b[K']);
  });

  it('writes nothing in CI, with --quiet or when the stream is not a terminal', () => {
    const runs = [{ ci: 'true', quiet: false, tty: true }, { ci: '', quiet: true, tty: true }, { ci: '', quiet: false, tty: false }];
    for (const { ci, quiet, tty } of runs) {
      vi.stubEnv('CI', ci);
      const { written, stream: out } = stream(tty);
      const line = progressLine({ quiet, stream: out });
      line.update('kolada', () => '1 kB');
      line.done();
      expect(written).toEqual([]);
    }
  });
});
