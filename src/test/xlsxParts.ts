// Test support: an .xlsx taken apart into its zip parts, to be changed and put together with buildZip.
import { inflateRawSync } from 'node:zlib';
import { entryData, zipEntries } from '../text/zipEntries.ts';
import type { ZipPart } from './zipBomb.ts';

/** Every part of a zip with its unpacked content (stored or deflated parts, as exceljs writes them). */
export function zipParts(zip: Buffer): ZipPart[] {
  const read = zipEntries(zip);
  if ('error' in read) throw new Error(read.error);
  return read.entries.map((e) => {
    const data = entryData(zip, e)!;
    return { name: e.name, content: e.method === 8 ? inflateRawSync(data) : Buffer.from(data) };
  });
}
