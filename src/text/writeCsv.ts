// One CSV writer for the CLI and the dashboard: it lives with the dashboard's components (Framework
// serves only files under docs/) and is re-exported here for the library.
export { toCsv } from '../../docs/components/csv.js';
