// Writes one of the pages' vendor modules (see src/dashboard/vendorBundle.ts, which decides when one is
// needed and starts this): esbuild bundles the named exports of a package, oxc (rolldown's minifier)
// minifies — 87 kB gzip for Plot where esbuild's own minifier gives 91 kB. A process of its own, started
// only when a module must be rewritten, so that a build that needs none loads neither tool.
// Argument: JSON {out, header, pkg, exports, external, resolveDir}. A failure is one line on stderr, exit 1.
import { buildSync } from 'esbuild';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { minifySync } from 'rolldown/experimental';

const job = JSON.parse(process.argv[2]);
try {
  const bundled = buildSync({
    stdin: { contents: `export {${job.exports.join(', ')}} from "${job.pkg}";`, resolveDir: job.resolveDir, loader: 'js' },
    bundle: true,
    format: 'esm',
    external: job.external,
    write: false,
    logLevel: 'silent',
  }).outputFiles[0].text;
  const minified = minifySync(job.out, bundled, { module: true });
  if (minified.errors.length) throw new Error(minified.errors.map((e) => e.message).join('; '));
  mkdirSync(dirname(job.out), { recursive: true });
  // Written beside and renamed: a preview started meanwhile reads the old file or the new, never half.
  const temp = `${job.out}.${process.pid}.tmp`;
  writeFileSync(temp, job.header + minified.code);
  renameSync(temp, job.out);
} catch (error) {
  // esbuild names the import it could not find: `No matching export … for import "areaZ"`.
  process.stderr.write(`${error.errors?.map((e) => e.text).join('; ') ?? error.message}\n`);
  process.exitCode = 1;
}
