import type ExcelJS from 'exceljs';

/**
 * Serialises a workbook so that the same content gives the same bytes: the document dates are fixed,
 * and the zip entries' modification times (which ExcelJS's zip library stamps with "now") are reset.
 * Stable bytes mean a re-generated sample file has the same sha256, so re-importing it is a no-op.
 */
export async function stableXlsxBytes(workbook: ExcelJS.Workbook, date: Date): Promise<Buffer> {
  workbook.creator = 'Beredskapsuppföljning (exempeldata)';
  workbook.lastModifiedBy = 'Beredskapsuppföljning (exempeldata)';
  workbook.created = date;
  workbook.modified = date;
  const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
  return resetZipTimes(bytes, date);
}

/** MS-DOS time and date fields, as zip headers hold them. */
function dosDateTime(date: Date): { time: number; day: number } {
  return {
    time: (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | Math.floor(date.getUTCSeconds() / 2),
    day: ((date.getUTCFullYear() - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate(),
  };
}

/** Overwrites the time of every entry, in the central directory and in each local header. */
export function resetZipTimes(zip: Buffer, date: Date): Buffer {
  const out = Buffer.from(zip);
  const { time, day } = dosDateTime(date);
  const eocd = out.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0) throw new Error('ogiltig zip-fil: slutposten saknas');
  const entries = out.readUInt16LE(eocd + 10);
  let at = out.readUInt32LE(eocd + 16);
  for (let i = 0; i < entries; i++) {
    if (out.readUInt32LE(at) !== 0x02014b50) throw new Error('ogiltig zip-fil: katalogposten saknas');
    out.writeUInt16LE(time, at + 12);
    out.writeUInt16LE(day, at + 14);
    const local = out.readUInt32LE(at + 42);
    out.writeUInt16LE(time, local + 10);
    out.writeUInt16LE(day, local + 12);
    at += 46 + out.readUInt16LE(at + 28) + out.readUInt16LE(at + 30) + out.readUInt16LE(at + 32);
  }
  return out;
}
