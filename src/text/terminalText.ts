/**
 * Text from files, file names and the database is echoed to a terminal in messages, `sources` and
 * reports. A cell holding ESC or BEL sequences could then recolour, move or clear what the user reads
 * (a fake green "Allt OK", a cleared screen), and bidirectional overrides can reorder it. Everything
 * the CLI prints passes through here: C0 controls other than line break and tab, DEL, C1 controls and
 * the bidi embedding/override/isolate marks are removed.
 */
// eslint-disable-next-line no-control-regex
const unsafe = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;

export const forTerminal = (text: string): string => text.replace(unsafe, '');
