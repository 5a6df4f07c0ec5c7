// One CSV writer for the CLI and the dashboard: it lives with the dashboard's components (Framework
// serves only files under docs/) and is re-exported here for the library. neutralizeFormula is its rule
// for text cells, shared with every .xlsx the tool writes.
export { neutralizeFormula, toCsv } from '../present/csv.js';
