// Words of DatabaseBusyError's message that a build finds in its loaders' output. Plain JavaScript, since
// the dashboard's loaders (src/dashboard/martLoader.js) run without a TypeScript compiler and say it too.
export const busyMarker = 'används av en annan process';
