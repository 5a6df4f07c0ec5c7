#!/usr/bin/env node
// The `beredskap` command. TypeScript sources run through tsx's loader, so there is no build step.
import { register } from 'tsx/esm/api';

register();
// `beredskap report … | head` closes the pipe early: that is the reader's choice, not an error.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});
const { main } = await import('./cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
