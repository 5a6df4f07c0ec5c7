// readDelimited's two ways through a file — the CSV parser when any field may be quoted, a plain split
// when the file has no quote character — give the same grid: same cells, same line numbers.
import { describe, expect, it } from 'vitest';
import { readDelimited } from './readDelimited.ts';

const plain = 'ar;enhet;svar\r\n2024;Farsta;Ja\r\n\r\n  ;  ;\r\n2024; Bromma ;\r\n2025;0180;Nej;extra\r\n';
const expected = [
  { line: 1, cells: ['ar', 'enhet', 'svar'] },
  { line: 2, cells: ['2024', 'Farsta', 'Ja'] },
  { line: 5, cells: ['2024', ' Bromma ', null] },
  { line: 6, cells: ['2025', '0180', 'Nej', 'extra'] },
];

describe('readDelimited', () => {
  it('splits a file without quotes into the rows and line numbers the parser gives', () => {
    expect(readDelimited('a.csv', Buffer.from(plain)).rows).toEqual(expected);
    // the same file with one field quoted goes through the parser
    const quoted = plain.replace('Farsta', '"Farsta"');
    expect(readDelimited('b.csv', Buffer.from(quoted)).rows).toEqual(expected);
  });

  it('a quoted field may hold the delimiter and a line break; the next row keeps its own line number', () => {
    const rows = readDelimited('c.csv', Buffer.from('a;b\n"x;\ny";z\n1;2\n')).rows;
    expect(rows).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['x;\ny', 'z'] },
      { line: 4, cells: ['1', '2'] },
    ]);
  });

  it('blanks comment lines without moving line numbers, on both ways', () => {
    const text = '# note\nar,enhet\n2024,Farsta\n';
    const want = [{ line: 2, cells: ['ar', 'enhet'] }, { line: 3, cells: ['2024', 'Farsta'] }];
    expect(readDelimited('d.csv', Buffer.from(text), { comments: true }).rows).toEqual(want);
    expect(readDelimited('e.csv', Buffer.from(text.replace('Farsta', '"Farsta"')), { comments: true }).rows).toEqual(want);
  });
});
