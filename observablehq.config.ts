// Observable Framework configuration: docs/ is the site. Every asset is self-hosted (no CDN, no web
// fonts), so the built dist/ works behind a firewall. Pages per nämnd come from the database.
import { queryDashboardDb } from './src/dashboard/loaderQuery.ts';
import { buildProfile } from './src/dashboard/profile.ts';

/** One page per nämnd of the organisation that has data: /namnd/<unit_id> (Framework wants an async iterable). */
async function* namndPaths(): AsyncGenerator<string> {
  const rows = await queryDashboardDb((query) =>
    query('select unit_id from dash_namnd_unit where with_data order by unit_id'),
  );
  for (const row of rows ?? []) yield `/namnd/${row.unit_id}`;
}

export default {
  root: 'docs',
  // BEREDSKAP_DIST lets tests build a site of their own without touching dist/.
  output: process.env.BEREDSKAP_DIST ?? 'dist',
  title: 'Beredskapsuppföljning',
  pages: [
    { name: 'Översikt', path: '/' },
    { name: 'Stadsledning', path: '/stadsledning' },
    { name: 'ÖJ-svar', path: '/oj-svar' },
    { name: 'Jämförelse', path: '/jamforelse' },
    { name: 'Måluppfyllelse', path: '/maluppfyllelse' },
    { name: 'Nämnder', path: '/namnder' },
    { name: 'Årsuppföljning', path: '/arsuppfoljning' },
    { name: 'Datakvalitet och källor', path: '/datakvalitet' },
    { name: 'Metod', path: '/metod' },
  ],
  dynamicPaths: namndPaths,
  globalStylesheets: [],
  style: 'style.css',
  // An empty icon: browsers would otherwise ask the server for /favicon.ico on every page.
  // lang is also set in the built HTML itself (fixPageShell); this covers the preview server.
  head: '<meta name="color-scheme" content="light"><link rel="icon" href="data:,"><script>document.documentElement.lang = "sv";</script>',
  footer: 'Beredskapsuppföljning – uppföljning av säkerhetsprogrammet och Öppna jämförelser krisberedskap.',
  // An internal build carries free text and säkerhetsskydd details: every page says so.
  header: buildProfile() === 'internal' ? '<div class="banner-internal" role="note">Intern – får inte publiceras</div>' : '',
  toc: { label: 'Innehåll' },
  pager: false,
  search: false,
  preserveExtension: false,
};
