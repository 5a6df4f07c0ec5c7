/**
 * Characters that take no room on a screen: format characters (zero-width space and joiners, soft
 * hyphen, byte-order mark, bidirectional marks) and control characters other than tab and line break.
 * "Far\u200Dsta" looks like Farsta in a message and is no unit's name: such a character is shown by its
 * code point instead.
 */
const invisible = /[\p{Cf}\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/gu;

const codePoint = (ch: string) => `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/** The invisible characters of a text, by code point ("U+200D"), each once. */
export const invisibleCharacters = (text: string): string[] => [...new Set([...text.matchAll(invisible)].map((m) => codePoint(m[0])))];

/** "Far\u200Dsta" → "Far‹U+200D›sta". */
export const showInvisible = (text: string): string => text.replace(invisible, (ch) => `‹${codePoint(ch)}›`);

/** A text too long to repeat in a message, by its beginning and length: "Lorem ipsum …… (1 048 576 tecken)". */
export const shortened = (text: string, longest: number): string =>
  text.length <= longest ? text : `${text.slice(0, Math.min(60, longest))}… (${text.length.toLocaleString('sv-SE')} tecken)`;
