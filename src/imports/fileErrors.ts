/**
 * What the operating system said about a file or folder, in plain Swedish: "filen finns inte" rather
 * than "(ENOENT)". One wording for input files, the database and everything the CLI writes.
 */

type Errno = NodeJS.ErrnoException;

export const isErrno = (error: unknown): error is Errno =>
  error instanceof Error && typeof (error as Errno).code === 'string' && /^E[A-Z]+$/.test((error as Errno).code!);

/** Why an input file cannot be read, as a problem message beside its name. */
export function unreadableFileMessage(error: unknown): string {
  switch (isErrno(error) ? error.code : undefined) {
    case 'ENOENT':
      return 'filen finns inte (kontrollera namn och katalog)';
    case 'EACCES':
    case 'EPERM':
      return 'filen får inte läsas (behörighet saknas)';
    case 'EISDIR':
      return 'det är en katalog, inte en fil';
    case 'ENOTDIR':
      return 'en del av sökvägen är en fil, inte en katalog';
    default:
      return 'filen kan inte läsas';
  }
}

/**
 * A failed file system call in one line: what could not be done to which path, and why. For errors
 * that are the machine's state (a full disk, a read-only folder), not a fault in the input or the tool.
 */
export function fileSystemMessage(error: Errno): string {
  const path = error.path ?? '';
  const what = error.syscall === 'mkdir' ? `katalogen ${path} kan inte skapas` : error.syscall === 'open' || error.syscall === 'read' || error.syscall === 'stat' ? `${path} kan inte öppnas` : `${path} kan inte skrivas`;
  const why: Record<string, string> = {
    ENOENT: 'den eller katalogen den ligger i finns inte',
    ENOTDIR: 'en del av sökvägen är en fil, inte en katalog',
    EISDIR: 'det är en katalog, inte en fil',
    EACCES: 'behörighet saknas',
    EPERM: 'behörighet saknas',
    EROFS: 'filsystemet är skrivskyddat',
    ENOSPC: 'disken är full',
    EDQUOT: 'diskkvoten är slut',
    EEXIST: 'något annat finns redan där',
    EMFILE: 'för många öppna filer',
  };
  return `${path ? what : 'det gick inte att läsa eller skriva en fil'}: ${why[error.code!] ?? error.code}`;
}
