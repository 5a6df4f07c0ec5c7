#!/usr/bin/env node
// The `beredskap` command. TypeScript sources run through tsx's loader, so there is no build step.
import { register } from 'tsx/esm/api';

register();
// `beredskap report … | head` closes the pipe early: that is the reader's choice, not an error.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});
// main() answers every error of a command itself (src/cli/failure.ts); this is the last resort for one
// that escapes it, so that the user still reads one line and an exit code that says "internal fault".
const lastResort = async (error) => {
  const { forTerminal } = await import('./text/terminalText.ts');
  process.stderr.write(`Internt fel: ${forTerminal(String(error?.message ?? error).split('\n')[0])}\n`);
  process.exit(70);
};
process.on('uncaughtException', lastResort);
process.on('unhandledRejection', lastResort);
const { main } = await import('./cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
