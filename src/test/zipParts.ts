import { inflateRawSync } from 'node:zlib';
import { entryData, zipEntries } from '../text/zipEntries.ts';

/** Every member of a zip (a .docx) by name, unpacked: what the tests read a written Word file back with. */
export function zipParts(bytes: Buffer): Map<string, Buffer> {
  const listed = zipEntries(bytes);
  if ('error' in listed) throw new Error(listed.error);
  return new Map(listed.entries.map((entry) => {
    const data = entryData(bytes, entry);
    if (!data) throw new Error(`zip-posten ${entry.name} saknas i filen`);
    return [entry.name, entry.method === 8 ? inflateRawSync(data) : data];
  }));
}
