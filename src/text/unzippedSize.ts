import { inflateRawSync } from 'node:zlib';
import { entryData, zipEntries } from './zipEntries.ts';

/**
 * How much an .xlsx may unpack to (env BEREDSKAP_MAX_UNZIPPED_MB, default 200 MB). A real ÖJ workbook
 * unpacks to a few MB; a zip bomb of a few MB unpacks to gigabytes, and exceljs would hold all of it in
 * memory until the process dies without a word.
 */
export function maxUnzippedBytes(env: NodeJS.ProcessEnv = process.env): number {
  const mb = Number(env.BEREDSKAP_MAX_UNZIPPED_MB);
  return Math.round((mb > 0 ? mb : 200) * 1024 * 1024);
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toLocaleString('sv-SE', { maximumFractionDigits: 1 })} MB`;

/**
 * Why a zip must not be unpacked, or undefined: what its central directory declares, and then what its
 * parts actually inflate to (a declaration can lie), each against `limit` bytes in all. Inflating stops
 * at the limit, so the check itself never holds more than that.
 */
export function unzippedSizeProblem(zip: Buffer, limit = maxUnzippedBytes()): string | undefined {
  const listed = zipEntries(zip);
  if ('error' in listed) return listed.error;
  const declared = listed.entries.reduce((n, e) => n + e.uncompressedSize, 0);
  const tooLarge = (what: string) => `${what}, mer än gränsen ${mb(limit)} (en så stor arbetsbok är troligen en zip-bomb; gränsen ändras med BEREDSKAP_MAX_UNZIPPED_MB)`;
  if (declared > limit) return tooLarge(`filen packas upp till ${mb(declared)} enligt sin innehållsförteckning`);
  let actual = 0;
  for (const entry of listed.entries) {
    const data = entryData(zip, entry);
    if (!data) return `zip-posten ${entry.name} saknas i filen`;
    if (entry.method === 0) {
      actual += data.length;
    } else if (entry.method === 8) {
      try {
        actual += inflateRawSync(data, { maxOutputLength: Math.max(1, limit - actual + 1) }).length;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' || error instanceof RangeError) {
          return tooLarge(`filen packas upp till mer än den själv anger (posten ${entry.name} når gränsen)`);
        }
        return `zip-posten ${entry.name} kan inte packas upp: den är skadad`;
      }
    } else {
      return `zip-posten ${entry.name} är packad med en okänd metod (${entry.method})`;
    }
    if (actual > limit) return tooLarge(`filen packas upp till mer än ${mb(actual)}`);
  }
  return undefined;
}
