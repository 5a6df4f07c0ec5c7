// Test support: an .xlsx taken apart into its zip parts, to be changed and put together with buildZip.
import type { ZipPart } from './zipBomb.ts';
import { zipParts as members } from './zipParts.ts';

/** Every part of a zip with its unpacked content, in the zip's order, as buildZip takes them. */
export function zipParts(zip: Buffer): ZipPart[] {
  return [...members(zip)].map(([name, content]) => ({ name, content: Buffer.from(content) }));
}
