// The part of tar-stream's API the tests read archives with (tar-stream ships no types of its own).
declare module 'tar-stream' {
  interface Entry extends AsyncIterable<Buffer> {
    header: { name: string };
  }
  interface Extract extends AsyncIterable<Entry> {
    end(data: Buffer): void;
  }
  export function extract(): Extract;
}
