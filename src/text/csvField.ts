/** A value as one field of a line to add to a configuration file: quoted when it holds a comma, quote or line break. */
export function csvField(value: string): string {
  const flat = value.replace(/\s+/g, ' ');
  return /[",;]/.test(flat) ? `"${flat.replace(/"/g, '""')}"` : flat;
}
