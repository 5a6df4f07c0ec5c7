// Test support: an .xlsx taken apart into its zip parts, to be changed and put together with buildZip.
import { inflateRawSync } from 'node:zlib';
import { zipEntries } from '../text/zipEntries.ts';
import type { ZipPart } from './zipBomb.ts';

/** Every part of a zip with its unpacked content (stored or deflated parts, as exceljs writes them). */
export function zipParts(zip: Buffer): ZipPart[] {
  const read = zipEntries(zip);
  if ('error' in read) throw new Error(read.error);
  return read.entries.map((e) => {
    const at = e.localHeaderOffset;
    const start = at + 30 + zip.readUInt16LE(at + 26) + zip.readUInt16LE(at + 28);
    const data = zip.subarray(start, start + e.compressedSize);
    return { name: e.name, content: e.method === 8 ? inflateRawSync(data) : Buffer.from(data) };
  });
}
