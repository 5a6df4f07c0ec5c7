// Runs the dashboard's data loaders (docs/data/*.js) beside Framework, a few at a time, and leaves each
// output where Framework's build looks for it first (docs/.observablehq/cache/data/…), while Framework
// itself is still reading the pages. Framework runs loaders one after another once the pages are read;
// finding the outputs fresh, it runs none. Only a warm-up: a loader that fails, or is not done when
// Framework wants it, is run by Framework as before, and its error is reported there, so the build's
// result and messages do not depend on this. Plain JavaScript, started by node itself (no compiler).
//
// Started by src/dashboard/buildSite.ts with the loaders' environment (BEREDSKAP_DB, BEREDSKAP_PROFILE).
import { spawn } from 'node:child_process';
import { closeSync, linkSync, mkdirSync, openSync, readdirSync, rmSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join, relative } from 'node:path';

const [root, cacheDir] = process.argv.slice(2);
const loadersDir = join(root, 'docs/data');

// Largest first: the nämnd archive alone takes as long as several others together.
const loaders = readdirSync(loadersDir, { recursive: true, withFileTypes: true })
  .filter((e) => e.isFile() && /\.\w+\.js$/.test(e.name))
  .map((e) => join(e.parentPath, e.name))
  // A loader of a parametrised path ([unit].json.js) needs Framework's parameters: Framework runs it.
  .filter((path) => !/[[\]]/.test(relative(loadersDir, path)))
  .sort((a, b) => statSync(b).size - statSync(a).size);

/** Runs one loader as Framework would (node, from the project root), its output linked into place when complete. */
function run(loader) {
  const target = join(cacheDir, relative(join(root, 'docs'), loader).replace(/\.js$/, ''));
  const temp = `${target}.warm-${process.pid}`;
  mkdirSync(dirname(target), { recursive: true });
  const out = openSync(temp, 'w');
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [relative(root, loader)], { cwd: root, stdio: ['ignore', out, 'ignore'] });
    child.on('error', () => resolve());
    child.on('exit', (code) => {
      closeSync(out);
      // Never over an output already there: Framework ran the loader itself (this one was late), and
      // Framework hashes its modules with the output's mtime – a file replaced while it writes them makes
      // a page ask for a module under a name it was not written under (a 404 in the built site).
      if (code === 0) {
        try {
          linkSync(temp, target);
        } catch (error) {
          if (error.code !== 'EEXIST') throw error;
        }
      }
      rmSync(temp, { force: true });
      resolve();
    });
  });
}

// One core is left to Framework, whose reading of the pages is the longest path of a build.
const queue = [...loaders];
await Promise.all(Array.from({ length: Math.max(1, Math.min(availableParallelism() - 1, queue.length)) }, async () => {
  for (let next = queue.shift(); next; next = queue.shift()) await run(next);
}));
