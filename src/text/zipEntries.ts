/**
 * A zip's central directory (where an .xlsx lists its parts), read from the raw bytes without
 * unpacking anything: the one reader behind the download's content check and the import's size limit.
 */

const LOCAL_ENTRY = 0x04034b50;
const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL_ENTRY = 0x02014b50;
const ZIP64_EXTRA = 0x0001;

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated. */
  method: number;
  compressedSize: number;
  /** As the central directory declares it: a claim, checked by unzippedSizeProblem. */
  uncompressedSize: number;
  localHeaderOffset: number;
}

/** The zip64 extra field's sizes and offset, for the fields the entry marks 0xffffffff. */
function zip64Values(zip: Buffer, extraStart: number, extraEnd: number, wanted: boolean[]): number[] {
  const values: number[] = [];
  for (let at = extraStart; at + 4 <= extraEnd;) {
    const id = zip.readUInt16LE(at);
    const size = zip.readUInt16LE(at + 2);
    if (id === ZIP64_EXTRA) {
      let p = at + 4;
      for (const w of wanted) {
        if (!w) continue;
        if (p + 8 > at + 4 + size) break;
        values.push(Number(zip.readBigUInt64LE(p)));
        p += 8;
      }
      return values;
    }
    at += 4 + size;
  }
  return values;
}

/**
 * The entries listed in a zip's central directory, or a message saying why it cannot be read. The
 * central directory sits at the end of the file, so a truncated download fails here even when its
 * first bytes look right.
 */
export function zipEntries(zip: Buffer): { entries: ZipEntry[] } | { error: string } {
  if (zip.length < 22 || zip.readUInt32LE(0) !== LOCAL_ENTRY) return { error: 'filen är inte en zip-fil (som en .xlsx är)' };
  let eocd = -1;
  for (let at = zip.length - 22; at >= Math.max(0, zip.length - 22 - 0xffff); at--) {
    if (zip.readUInt32LE(at) === EOCD) {
      eocd = at;
      break;
    }
  }
  if (eocd < 0) return { error: 'zip-filens innehållsförteckning saknas (filen är ofullständig)' };
  let count = zip.readUInt16LE(eocd + 10);
  let size = zip.readUInt32LE(eocd + 12);
  let offset = zip.readUInt32LE(eocd + 16);
  if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff) {
    const locator = eocd - 20;
    if (locator < 0 || zip.readUInt32LE(locator) !== ZIP64_LOCATOR) return { error: 'zip64-posten saknas (filen är ofullständig)' };
    const record = Number(zip.readBigUInt64LE(locator + 8));
    if (record + 56 > zip.length || zip.readUInt32LE(record) !== ZIP64_EOCD) return { error: 'zip64-posten är trasig' };
    count = Number(zip.readBigUInt64LE(record + 32));
    size = Number(zip.readBigUInt64LE(record + 40));
    offset = Number(zip.readBigUInt64LE(record + 48));
  }
  if (offset + size > zip.length) return { error: 'zip-filens innehållsförteckning pekar utanför filen (filen är ofullständig)' };
  const entries: ZipEntry[] = [];
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > zip.length || zip.readUInt32LE(at) !== CENTRAL_ENTRY) return { error: `zip-filens innehållsförteckning är trasig vid post ${i + 1}` };
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    let compressedSize = zip.readUInt32LE(at + 20);
    let uncompressedSize = zip.readUInt32LE(at + 24);
    let localHeaderOffset = zip.readUInt32LE(at + 42);
    const wanted = [uncompressedSize === 0xffffffff, compressedSize === 0xffffffff, localHeaderOffset === 0xffffffff];
    if (wanted.some(Boolean)) {
      const values = zip64Values(zip, at + 46 + nameLength, at + 46 + nameLength + extraLength, wanted);
      if (wanted[0]) uncompressedSize = values.shift() ?? Infinity;
      if (wanted[1]) compressedSize = values.shift() ?? Infinity;
      if (wanted[2]) localHeaderOffset = values.shift() ?? Infinity;
    }
    entries.push({
      name: zip.subarray(at + 46, at + 46 + nameLength).toString('utf8'),
      method: zip.readUInt16LE(at + 10),
      compressedSize,
      uncompressedSize,
      localHeaderOffset,
    });
    at += 46 + nameLength + extraLength + zip.readUInt16LE(at + 32);
  }
  return { entries };
}

/** An entry's stored bytes (deflated or not, as `method` says), or undefined when its local header is not where the directory says. */
export function entryData(zip: Buffer, entry: ZipEntry): Buffer | undefined {
  const at = entry.localHeaderOffset;
  if (at + 30 > zip.length || zip.readUInt32LE(at) !== LOCAL_ENTRY) return undefined;
  const start = at + 30 + zip.readUInt16LE(at + 26) + zip.readUInt16LE(at + 28);
  return zip.subarray(start, start + entry.compressedSize);
}
