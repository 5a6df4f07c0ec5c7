/**
 * A request the command cannot carry out as asked (an unknown period, a unit that is not a nämnd, a
 * report path that is neither .xlsx nor .md): the CLI answers it as a usage error, exit code 2.
 */
export class CommandUsageError extends Error {}

/** A selection with nothing in it where writing an empty file would hide that (an export of a year without data): exit 1. */
export class EmptySelectionError extends Error {}
