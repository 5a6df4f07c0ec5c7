// Every page's words for stored codes (dash_label, from data/labels.csv), one row per domain and code;
// pages read them through docs/components/labels.js.
import { runMartLoader } from '../../src/dashboard/martLoader.js';

await runMartLoader(async (q) => ({
  labels: await q('select domain, code, label, text from dash_label order by domain, sort_order'),
}));
