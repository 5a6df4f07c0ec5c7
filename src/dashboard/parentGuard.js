// Loaded with `node --import` into each process group a build starts (Framework and the loader
// warm-up, each the leader of its group; src/dashboard/buildSite.ts): once the build's own process is
// gone – finished, Ctrl-C, or kill -9, which leaves it no chance to end them – the group ends too,
// loaders included, instead of running on for seconds with the database open. Plain JavaScript: it
// runs before any TypeScript loader.
const parent = Number(process.env.BEREDSKAP_BUILD_PID);
if (parent) {
  setInterval(() => {
    // A process whose parent ended is handed to another (init or a subreaper).
    if (process.ppid === parent) return;
    try {
      process.kill(-process.pid, 'SIGKILL');
    } catch {
      process.kill(process.pid, 'SIGKILL');
    }
  }, 200).unref();
}
