/**
 * Text from files, file names and the database is echoed to a terminal in messages, `sources` and
 * reports. A cell holding ESC or BEL sequences could then recolour, move or clear what the user reads
 * (a fake green "Allt OK", a cleared screen), and bidirectional overrides can reorder it. Everything
 * the CLI prints passes through here: C0 controls other than line break, tab and CRLF, DEL, C1 controls
 * and the bidi embedding/override/isolate marks are removed.
 */
// A carriage return before a line break (CSV's CRLF) moves nothing; alone it lets text overwrite the line.
// eslint-disable-next-line no-control-regex
const unsafe = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]|\r(?!\n)/g;

export const forTerminal = (text: string): string => text.replace(unsafe, '');
