import { inflateRawSync } from 'node:zlib';
import { zipEntries } from '../text/zipEntries.ts';

/** Every member of a zip (a .docx) by name, unpacked: what the tests read a written Word file back with. */
export function zipParts(bytes: Buffer): Map<string, Buffer> {
  const listed = zipEntries(bytes);
  if ('error' in listed) throw new Error(listed.error);
  return new Map(listed.entries.map((entry) => {
    const at = entry.localHeaderOffset;
    const start = at + 30 + bytes.readUInt16LE(at + 26) + bytes.readUInt16LE(at + 28);
    const data = bytes.subarray(start, start + entry.compressedSize);
    return [entry.name, entry.method === 8 ? inflateRawSync(data) : data];
  }));
}
