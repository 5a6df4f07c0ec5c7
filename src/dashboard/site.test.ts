import { appendFileSync, cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { createRequire } from 'node:module';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../db/database.ts';
import { initDatabase } from '../config/initDatabase.ts';
import { projectRoot } from '../paths.ts';
import { importSelfAssessment } from '../self/importSelfAssessment.ts';
import { townConfigDir } from '../test/helpers.ts';
import { pdfPages, printProblems } from '../test/pdfPages.ts';
import { openSampleDb } from '../test/sharedSample.ts';
import { sectionTitles } from '../annual/annualDocument.js';
import { buildSite } from './buildSite.ts';
import { chromiumPath as configuredChromium, haveChromium as chromiumInstalled, launchChromium } from './chromium.ts';
import { serveStatic } from './staticServer.ts';

const chromiumPath = configuredChromium();
const haveChromium = chromiumInstalled();
/** A phone and a laptop. */
const widths = [390, 1366] as const;
if (!haveChromium) {
  if (process.env.CI) throw new Error(`${chromiumPath} saknas: .ci/run ska installera Debians chromium`);
  console.warn(`\n*** ${chromiumPath} saknas: webbläsartesterna HOPPAS ÖVER (apt-get install chromium) ***\n`);
}

/** Every file under dir, relative paths. */
// Canaries: text that must never reach a public build, and markup that must only ever show as text.
const canaries = { requirement: 'KANARIE-SKYDD-7Q', comment: 'KANARIE-KOMMENTAR-3X', owner: 'KANARIE-AGARE-5Z' };
const hostileAlias = '<img src=x onerror="window.__xss=1">';
const hostileComment = '<script>window.__xss=2</script><img src=x onerror="window.__xss=3">';

/** The fixture town's configuration (the sample's) with a canary in a säkerhetsskydd requirement and a hostile alias. */
function canaryConfig(dir: string): string {
  cpSync(townConfigDir, dir, { recursive: true });
  const requirements = join(dir, 'requirements.csv');
  writeFileSync(requirements, readFileSync(requirements, 'utf8').replace('S01,programme_2024,sakerhetsskydd,Aktuell säkerhetsskyddsanalys', `S01,programme_2024,sakerhetsskydd,Aktuell säkerhetsskyddsanalys ${canaries.requirement}`));
  appendFileSync(join(dir, 'org/aliases.csv'), `"${hostileAlias.replaceAll('"', '""')}",valnamnden,,\n`);
  return dir;
}

/** What the width check looks at, measured in the page. */
function measureLayout(): { overflow: number; collisions: string[]; unfixed: (string | null)[]; clipped: string[] } {
  const root = document.documentElement;
  const overlaps = (a: DOMRect, b: DOMRect) =>
    Math.min(a.right, b.right) - Math.max(a.left, b.left) > 1 && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 1;
  const colliding = (nodes: Element[]) => {
    const boxes = nodes.map((n) => ({ text: n.textContent ?? '', box: n.getBoundingClientRect() })).filter((b) => b.box.width > 0);
    return boxes.flatMap((a, i) => boxes.slice(i + 1).filter((b) => overlaps(a.box, b.box)).map((b) => `${a.text} / ${b.text}`));
  };
  // Plot names its axis groups ("y-axis tick label", "fx-axis tick label"); accessibleChart keeps
  // the name as data-mark. Facets drawn as separate charts have HTML headings.
  const axisGroups = [...document.querySelectorAll('g[data-mark$="tick label"], g[aria-label$="tick label"]')];
  const collisions = [
    ...axisGroups.flatMap((g) => colliding([...g.querySelectorAll('text')])),
    ...[...document.querySelectorAll('.small-multiples')].flatMap((m) => colliding([...m.querySelectorAll(':scope > .small-multiple > h3')])),
  ];
  // A table wider than its box scrolls inside it, and its first column stays in view while it does.
  const unfixed = [...document.querySelectorAll('.table-wrap')].flatMap((wrap) => {
    if (wrap.scrollWidth <= wrap.clientWidth) return [];
    const cell = wrap.querySelector('tbody tr > :first-child');
    if (!cell) return [];
    const before = cell.getBoundingClientRect().left;
    wrap.scrollLeft = wrap.scrollWidth;
    const after = cell.getBoundingClientRect().left;
    wrap.scrollLeft = 0;
    return getComputedStyle(wrap).overflowX === 'auto' && Math.abs(after - before) < 1 ? [] : [wrap.getAttribute('aria-label')];
  });
  // Nothing is cut off: a chart's text lies inside its chart, and a box that hides what overflows it
  // (overflow hidden or clip, rather than a scroll bar) holds all of its content.
  const clippedText = [...document.querySelectorAll('svg')].flatMap((svg) => {
    const frame = svg.getBoundingClientRect();
    if (frame.width === 0) return [];
    return [...svg.querySelectorAll('text')].filter((t) => {
      const box = t.getBoundingClientRect();
      return box.width > 0 && (box.left < frame.left - 1 || box.right > frame.right + 1);
    }).map((t) => `text "${t.textContent}"`);
  });
  const clippedBoxes = [...document.querySelectorAll('main *')].filter((el) => {
    const style = getComputedStyle(el);
    const hides = ['hidden', 'clip'].includes(style.overflowX) || style.textOverflow === 'ellipsis';
    return hides && el.scrollWidth > el.clientWidth + 1 && el.clientWidth > 0;
  }).map((el) => `${el.tagName.toLowerCase()} "${(el.textContent ?? '').slice(0, 40)}"`);
  // A table wider than its box says so under it (a phone draws no scroll bar until one scrolls), and its
  // caption wraps within the box rather than running off with the table.
  // (a table in a closed <details> is measured when opened: the hint follows its size as it changes)
  const unsaid = [...document.querySelectorAll('.table-wrap')].flatMap((wrap) => {
    if (wrap.clientWidth === 0 || wrap.closest('details:not([open])')) return [];
    const label = wrap.getAttribute('aria-label') ?? '';
    const caption = wrap.querySelector('caption')?.getBoundingClientRect();
    const box = wrap.getBoundingClientRect();
    const hint = wrap.nextElementSibling;
    return [
      ...(wrap.scrollWidth > wrap.clientWidth + 1 && !(hint?.classList.contains('scroll-hint') && !(hint as HTMLElement).hidden) ? [`no scroll hint "${label.slice(0, 40)}"`] : []),
      ...(caption && caption.width > 0 && caption.right > box.right + 1 ? [`caption "${label.slice(0, 40)}"`] : []),
    ];
  });
  return { overflow: root.scrollWidth - root.clientWidth, collisions: collisions.slice(0, 5), unfixed, clipped: [...clippedText, ...clippedBoxes, ...unsaid].slice(0, 8) };
}

const filesUnder = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => relative(dir, join(e.parentPath, e.name)));

// The build itself is checked without a browser (what it references, what a public build may carry);
// the pages are then driven in Chromium where there is one.
describe('the built dashboard', () => {
  const work = mkdtempSync(join(tmpdir(), 'beredskap-site-'));
  const dbPath = join(work, 'site.duckdb');
  let dist: string;
  let internalDist: string;
  let site: Awaited<ReturnType<typeof serveStatic>>;
  let context: BrowserContext;
  let pages: string[];
  let db: Database;

  beforeAll(async () => {
    // The sample database the other test files share, then the canary configuration, as a city edits
    // data/ after an import (the configuration reloaded, the materialised views recomputed).
    db = await openSampleDb(dbPath);
    expect((await initDatabase(db, canaryConfig(join(work, 'config')))).configReloaded).toBe(true);
    const canaryFile = join(work, 'valnamnden-2025-VB.csv');
    writeFileSync(canaryFile, [
      'År;Period;Nämnd;Krav;Status;Kommentar;Åtgärd;Ansvarig;Klart senast',
      `2025;VB;"${hostileAlias.replaceAll('"', '""')}";S01;Ej uppfyllt;${canaries.comment};Ta fram analysen;${canaries.owner};2025-12-31`,
      `2025;VB;Valnämnden;B01;Delvis;"${hostileComment.replaceAll('"', '""')}";Revidera;Säkerhetssamordnare;2026-03-31`,
    ].join('\n'));
    // The sample has Valnämnden's 2025 VB report; the canary file replaces it on purpose (the shrink guard).
    await importSelfAssessment(db, [canaryFile], { replace: true });
    db.close();
    dist = await buildSite({ quiet: true, dbPath, outDir: join(work, 'dist'), profile: 'public' });
    internalDist = await buildSite({ quiet: true, dbPath, outDir: join(work, 'dist-internal'), profile: 'internal' });
    db = await Database.open(dbPath);
    pages = filesUnder(dist).filter((f) => f.endsWith('.html')).map((f) => `/${f.replace(/\.html$/, '').replace(/^index$/, '')}`).sort();
  }, 600_000);

  afterAll(() => {
    db?.close();
    rmSync(work, { recursive: true, force: true });
  });

  it('is built in Swedish, and references no host but its own (plain links on the Metod page aside)', () => {
    expect(pages).toContain('/');
    // the town's 8 stadsdelsnämnder (5, merged and split into 3), the kommunstyrelse, 4 facknämnder and 3 bolag
    expect(pages.filter((p) => p.startsWith('/namnd/')).length).toBe(16);
    for (const file of filesUnder(dist)) {
      const text = readFileSync(join(dist, file), 'utf8');
      if (file.endsWith('.html')) expect(text, file).toMatch(/<html lang="sv"/);
      expect(text, file).not.toMatch(/jsdelivr|cdn\.|["'`]npm:/);
      const hosts = [...text.matchAll(/https?:\/\/[^\s"'`<>)]+/g)].map((m) => m[0])
        // XML namespace names in the SVG/HTML libraries are identifiers, never fetched.
        .filter((u) => !/^http:\/\/www\.w3\.org\/(2000\/svg|1999\/xlink|XML\/1998\/namespace|2000\/xmlns\/|1999\/xhtml)/.test(u));
      const allowed = file === 'metod.html' ? hosts.filter((u) => !text.includes(`href="${u}"`)) : hosts;
      expect(allowed, file).toEqual([]);
    }
  });

  it('publishes no free text and no säkerhetsskydd detail in a public build, and all of it in an internal one', () => {
    const leaks = (root: string) => filesUnder(root).flatMap((file) => {
      const text = readFileSync(join(root, file), 'utf8');
      return Object.values(canaries).filter((c) => text.includes(c)).map((c) => `${file}: ${c}`);
    });
    expect(leaks(dist)).toEqual([]);
    const internal = leaks(internalDist).join('\n');
    for (const canary of Object.values(canaries)) expect(internal).toContain(canary);
  });

  it('publishes no säkerhetsskydd figure of a single nämnd or bolag in a public build, and every one in an internal build', () => {
    // The fokusområde's id is the canary: it names every per-unit säkerhetsskydd row, share, grade and gap.
    const unitFiles = (root: string) => filesUnder(root).filter((f) => /^_file\/data\/namnd\/.+\.json$/.test(f));
    const naming = (root: string) => unitFiles(root).filter((f) => readFileSync(join(root, f), 'utf8').includes('"sakerhetsskydd"'));
    expect(unitFiles(dist).length).toBe(16);
    expect(naming(dist)).toEqual([]);
    expect(naming(internalDist).length).toBe(unitFiles(internalDist).length);
  });

  // Without a browser the title carries the reason, which npm test repeats above its last line.
  describe.skipIf(!haveChromium)(`in a real browser${haveChromium ? '' : ` (${chromiumPath} saknas)`}`, () => {
    beforeAll(async () => {
      site = await serveStatic(dist);
      ({ context } = await launchChromium(mkdtempSync(join(work, 'profile-'))));
    }, 120_000);

    afterAll(async () => {
      await context?.close();
      await site?.close();
    });

    /**
     * Waits until the page has loaded, no request is in flight, nothing is still marked as loading and the
     * document did not change over two animation frames and 50 ms: data loaders' files, lazy imports and
     * the charts drawn from them are then all there. (Playwright's networkidle waits a fixed 500 ms.)
     */
    async function settle(page: Page, inFlight: () => number): Promise<void> {
      await page.waitForLoadState('load');
      const deadline = Date.now() + 30_000;
      for (;;) {
        const pending = inFlight();
        const changes = await page.evaluate(() => new Promise<number>((resolve) => {
          let n = document.querySelectorAll('observablehq-loading').length;
          const observer = new MutationObserver((records) => { n += records.length; });
          observer.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
          requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(() => {
            observer.disconnect();
            resolve(n);
          }, 50)));
        }));
        if (pending === 0 && changes === 0 && inFlight() === 0) return;
        if (Date.now() > deadline) throw new Error(`${page.url()} blev inte färdig på 30 s (${inFlight()} förfrågningar pågår)`);
      }
    }

    /** Opens a page, recording console errors and every request to a host other than 127.0.0.1. */
    async function open(path: string, options: { width?: number; base?: string } = {}): Promise<{ page: Page; errors: string[]; foreign: string[] }> {
      const page = await context.newPage();
      if (options.width) await page.setViewportSize({ width: options.width, height: 900 });
      const errors: string[] = [];
      const foreign: string[] = [];
      let inFlight = 0;
      page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
      page.on('pageerror', (e) => errors.push(String(e)));
      page.on('request', (r) => {
        inFlight++;
        const url = new URL(r.url());
        if (!['127.0.0.1', ''].includes(url.hostname) && !['data:', 'blob:'].includes(url.protocol)) foreign.push(r.url());
      });
      page.on('requestfinished', () => inFlight--);
      page.on('requestfailed', () => inFlight--);
      await page.goto(`${options.base ?? site.url}${path}`);
      await settle(page, () => inFlight);
      return { page, errors, foreign };
    }

    const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
    /**
     * The widths axe runs at. What it finds depends on the layout, so it is no one-width check: a table
     * scrolls in its own box (scrollable-region-focusable) only on a phone, the sidebar is on screen
     * (contrast, names) only on a laptop: it runs at both.
     */
    const axeWidths: number[] = [390, 1366];

    interface Visit {
      path: string;
      width: number;
      errors: string[];
      foreign: string[];
      /** axe's findings, at the widths axe runs at. */
      violations?: string[];
      layout: { overflow: number; collisions: string[]; unfixed: (string | null)[]; clipped: string[] };
    }

    /**
     * Every page loaded once at each width, as a phone and a laptop load it, a few at a time; the three
     * whole-site checks below read the same visits. Each width is its own load, not a resize: a user's
     * page is laid out for the width it was opened at, and a page opened at 390 px and widened to 1366
     * ends with another document than one opened at 1366 (tried on every page).
     */
    const visitAll = async (): Promise<Visit[]> => {
      const queue = pages.flatMap((path) => widths.map((width) => ({ path, width })));
      const visits: Visit[] = [];
      const lane = async () => {
        for (let next = queue.shift(); next; next = queue.shift()) {
          const { page, errors, foreign } = await open(next.path, { width: next.width });
          const closed = await page.evaluate(measureLayout);
          // and again with every part shown on request opened: what it holds must fit too
          await page.evaluate(() => new Promise((done) => {
            for (const d of document.querySelectorAll('details')) d.open = true;
            requestAnimationFrame(() => requestAnimationFrame(done));
          }));
          const opened = await page.evaluate(measureLayout);
          const layout = { ...closed, clipped: [...new Set([...closed.clipped, ...opened.clipped])], unfixed: [...new Set([...closed.unfixed, ...opened.unfixed])] };
          const violations = axeWidths.includes(next.width) ? await axeViolations(page) : undefined;
          visits.push({ ...next, errors, foreign, violations, layout });
          await page.close();
        }
      };
      await Promise.all(Array.from({ length: 3 }, lane));
      return visits.sort((a, b) => a.path.localeCompare(b.path) || a.width - b.width);
    };
    let visited: Promise<Visit[]> | undefined;
    const visits = () => (visited ??= visitAll());

    async function axeViolations(page: Page): Promise<string[]> {
      await page.addScriptTag({ content: axeSource });
      return page.evaluate(async () => {
        const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe;
        // resultTypes: only violations are read, so axe does not gather the nodes of passes (a fifth of its time).
        const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] });
        return result.violations
          .filter((v) => v.impact === 'serious' || v.impact === 'critical')
          .map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
      });
    }

    it('loads every page, and every nämnd page, at 390 and 1366 px with no console error and no request off 127.0.0.1', async () => {
      const all = await visits();
      expect(all.length).toBe(pages.length * widths.length);
      for (const { path, width, errors, foreign } of all) expect({ path, width, errors, foreign }).toEqual({ path, width, errors: [], foreign: [] });
    }, 900_000);

    it('has no serious or critical WCAG 2.1 AA violation on any page (axe-core)', async () => {
      const checked = (await visits()).filter((v) => v.violations);
      expect(checked.length).toBe(pages.length * axeWidths.length);
      for (const { path, width, violations } of checked) expect({ path, width, violations }).toEqual({ path, width, violations: [] });
    }, 900_000);

    it('fits every page at 390 and 1366 px: no page-level horizontal scroll, wide tables scroll in their own box with the first column fixed, facet titles and axis labels never overlap, nothing is cut off', async () => {
      const failures = (await visits()).filter(({ layout }) => layout.overflow || layout.collisions.length || layout.unfixed.length || layout.clipped.length)
        .map(({ path, width, layout }) => ({ path, width, ...layout }));
      // Every failing page and width at once, not only the first.
      expect(failures).toEqual([]);
    }, 900_000);

    it('shows the town\'s 3 current stadsdelsnämnder for the latest year, with the figure the readiness view holds', async () => {
      const { page } = await open('/');
      const latest = (await db.one<{ y: number }>('select max(year)::int as y from readiness'))!.y;
      const sdn = (await db.all<{ unit_id: string; name: string }>(
        `select unit_id, name from stg_org_namnd where kind = 'stadsdelsnamnd' and valid_on(valid_from, valid_to, make_date($1, 12, 31)) order by name`, [latest],
      ));
      expect(sdn.map((s) => s.name)).toEqual(['Hamnen-Kvarnbacken', 'Strandvallen', 'Tallmossen']);
      const linked = await page.$$eval('table.data a[href*="namnd/"]', (as) => as.map((a) => a.getAttribute('href')!.replace(/^.*namnd\//, '')));
      expect(linked.filter((u) => sdn.some((s) => s.unit_id === u)).sort()).toEqual(sdn.map((s) => s.unit_id).sort());
      // The cell Tallmossen × Beredskap shows the readiness view's share_met, formatted as the page formats it.
      const { share_met } = (await db.one<{ share_met: number }>(
        `select share_met from readiness where year = $1 and unit_id = 'tallmossen' and fokusomrade = 'beredskap' and basis = 'combined'`, [latest],
      ))!;
      const expected = new Intl.NumberFormat('sv-SE', { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(share_met);
      const columns = await page.$eval('table.data', (t) => [...t.querySelectorAll('thead th')].map((th) => th.textContent!.trim()));
      const cells = await page.$eval('table.data', (t) => [...t.querySelectorAll('tbody tr')].map((tr) => [...tr.children].map((c) => c.textContent!.trim())));
      const tallmossen = cells.find((row) => row[0] === 'Tallmossen')!;
      expect(tallmossen[columns.indexOf('Beredskap')]).toBe(expected);
    });

    it('lets the year filter be reached by Tab and changed by arrow keys, keeping it in the URL', async () => {
      const { page } = await open('/');
      let focused = '';
      for (let i = 0; i < 40 && focused !== 'SELECT'; i++) {
        await page.keyboard.press('Tab');
        focused = await page.evaluate(() => document.activeElement?.tagName ?? '');
      }
      expect(focused).toBe('SELECT');
      const chosen = () => page.evaluate(() => (document.activeElement as HTMLSelectElement).selectedOptions[0]!.textContent!.trim());
      const before = await chosen();
      await page.keyboard.press('ArrowUp');
      await expect.poll(chosen).not.toBe(before);
      const after = await chosen();
      expect(Number(after)).toBe(Number(before) - 1);
      expect(new URL(page.url()).searchParams.get('year')).toBe(after);
      await expect.poll(() => page.$eval('table.data caption', (c) => c.textContent)).toContain(after);
    });

    it('prints Årsuppföljning as a document of at most 12 A4 pages: five sections, a running header with Exempeldata and the page number on every page, sentences citing their rows, the year\'s .docx and .md', async () => {
      const { page } = await open('/arsuppfoljning');
      const headings = await page.$$eval('.annual-doc section h2', (hs) => hs.map((h) => h.textContent!.trim()));
      expect(headings).toEqual(Object.values(sectionTitles));
      // each drafted sentence names the view row it states: those of judgement_city say its "N av M"
      const cited = await page.$$eval('.annual-doc .sentence', (ss) => ss.map((s) => ({
        view: s.getAttribute('data-source-view')!, key: JSON.parse(s.getAttribute('data-source-key')!) as Record<string, string | number>, text: s.textContent!,
      })));
      expect(cited.length).toBeGreaterThan(20);
      const judged = cited.filter((c) => c.view === 'judgement_city');
      expect(judged.length).toBeGreaterThan(0);
      for (const c of judged) {
        const row = (await db.one<{ n_helt: number; n_units: number }>('select n_helt, n_units from judgement_city where year = $1 and goal = $2 and unit_group = $3',
          [c.key.year!, c.key.goal!, c.key.unit_group!]))!;
        expect(c.text).toContain(`${row.n_helt} av ${row.n_units}`);
      }
      // the latest year's Word and Markdown files
      const year = (await db.one<{ y: number }>('select max(year)::int as y from annual_unit'))!.y;
      const links = await page.$$eval('a[download]', (as) => as.map((a) => [a.getAttribute('download'), (a as HTMLAnchorElement).href]));
      const [docx, md] = [`arsuppfoljning-${year}.docx`, `arsuppfoljning-${year}.md`].map((name) => links.find(([n]) => n === name)?.[1]);
      expect((await (await page.request.get(docx!)).body()).subarray(0, 2).toString()).toBe('PK');
      expect(await (await page.request.get(md!)).text()).toMatch(new RegExp(`^# Årsuppföljning ${year}\\n\\n\\*\\*Exempeldata`));
      const pdfPath = join(work, 'arsuppfoljning.pdf');
      await page.pdf({ path: pdfPath, format: 'A4', printBackground: true, preferCSSPageSize: true });
      expect(printProblems(pdfPath, year)).toEqual([]);
      const text = pdfPages(pdfPath).pages.join('\n');
      for (const h of headings) expect(text, h).toContain(h);
      mkdirSync(join(projectRoot, 'test-results'), { recursive: true });
      writeFileSync(join(projectRoot, 'test-results/arsuppfoljning.pdf'), readFileSync(pdfPath));
      await page.close();
    });

    it('shows text from source files as text, never as markup, and marks internal pages "Intern"', async () => {
      const internal = await serveStatic(internalDist);
      try {
        for (const [base, path] of [[site.url, '/datakvalitet'], [internal.url, '/namnd/valnamnden']] as const) {
          const url = `${base}${path}`;
          const { page } = await open(path, { base });
          // the alias list shows a page at a time: the hostile spelling is found by searching for it
          if (path === '/datakvalitet') {
            await page.getByLabel('Sök stavning, enhet eller fil').fill('onerror');
            await page.getByText('stavningar som innehåller ”onerror”', { exact: false }).first().waitFor();
          }
          expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
          const text = await page.evaluate(() => document.body.innerText);
          expect(text).toContain(url.includes('datakvalitet') ? hostileAlias : '<script>window.__xss=2</script>');
          expect(text.includes('Intern – får inte publiceras')).toBe(url.startsWith(internal.url));
          await page.close();
        }
      } finally {
        await internal.close();
      }
    });

    it('answers the socialnämnd on the first screen of ÖJ-svar, and keeps the page a few screens long', async () => {
      const { page } = await open('/oj-svar', { width: 1366 });
      const top = (selector: string) => page.$eval(selector, (e) => e.getBoundingClientRect().top + window.scrollY);
      const cityTable = 'table.data caption >> text=Hela staden';
      expect(await page.locator(cityTable).evaluate((e) => e.getBoundingClientRect().top + window.scrollY)).toBeLessThan(900);
      expect(await top('svg[role="img"]')).toBeLessThan(900);
      // the weakest questions: "N av M" with M the year's number of stadsdelsnämnder
      const latest = (await db.one<{ y: number; n: number }>('select max(year)::int as y, arg_max(n_units, year)::int as n from dash_oj_city_share'))!;
      const rank = await page.locator('table.data', { hasText: `svagaste av` }).first().evaluate((t) => [...t.querySelectorAll('tbody tr')].map((tr) => tr.textContent!));
      expect(rank.length).toBeGreaterThan(0);
      for (const row of rank) expect(row).toContain(`av ${latest.n}`);
      // the matrix and gap lists are there, collapsed
      const collapsed = await page.$$eval('details.collapsible', (ds) => ds.map((d) => (d as HTMLDetailsElement).open));
      expect(collapsed.length).toBeGreaterThanOrEqual(4);
      expect(collapsed.every((open) => !open)).toBe(true);
      const height = await page.evaluate(() => document.documentElement.scrollHeight);
      expect(height).toBeLessThan(6 * 900);
      // opened by keyboard, the matrix shows every stadsdelsnämnd of the year
      await page.locator('details.collapsible summary', { hasText: 'Visa matrisen' }).focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => page.locator('details.collapsible[open] table').count()).toBeGreaterThan(0);
      await page.close();
    });

    it('opens a nämnd or bolag page with what is open, the year\'s movement and both måluppfyllelse figures; the socialnämnd has its own ÖJ gaps and their trend', async () => {
      const { page } = await open('/namnd/social-och-arbetsmarknadsnamnden');
      const h2 = await page.$$eval('main h2', (hs) => hs.map((h) => h.textContent!.trim()));
      expect(h2[0]).toMatch(/^Öppet \d{4}$/);
      expect(h2.findIndex((h) => h.includes('tertialrapport 1 → tertialrapport 2 → verksamhetsberättelse'))).toBeLessThan(h2.findIndex((h) => h.startsWith('Över åren')));
      const text = await page.evaluate(() => document.body.innerText);
      // its own ÖJ gap list (cells the stadsdelsnämnder answered that it can act on), with the reason
      expect(text).not.toContain('ansvarar inte för några ÖJ-frågor');
      expect(text).toMatch(/ÖJ-frågor besvarade med Nej, Delvis, Arbete pågår eller inte besvarade \d{4} som Social- och arbetsmarknadsnämnden ansvarar för/);
      // its gaps over the years, and per question in how many stadsdelsnämnder
      expect(h2).toContain('ÖJ-brister som nämnden ansvarar för, över åren');
      expect(text).toMatch(/brist hos \d+ av 3\b/);
      expect(text).toContain('Ramavtalsupphandlingar och valfrihetssystem');
      const goalHeaders = await page.locator('table.data', { hasText: 'Nämndens bedömning' }).first().evaluate((t) => [...t.querySelectorAll('thead th')].map((th) => th.textContent!.trim()));
      expect(goalHeaders).toEqual(expect.arrayContaining(['Nämndens bedömning', 'Beräknad andel uppfyllt', 'n (tillämpliga)']));
      // a public page names no säkerhetsskydd figure
      expect(goalHeaders.length).toBeGreaterThan(0);
      const goalRows = await page.locator('table.data', { hasText: 'Nämndens bedömning' }).first().evaluate((t) => [...t.querySelectorAll('tbody th')].map((th) => th.textContent!.trim()));
      expect(goalRows).not.toContain('Säkerhetsskydd');
      await page.close();
      const bolag = await open('/namnd/alvviks-stadshus-ab');
      const bolagText = await bolag.page.evaluate(() => document.body.innerText);
      expect(bolagText).toMatch(/^Bolag\b/m);
      expect(bolagText).toContain('Bolaget besvarar inte ÖJ-enkäten');
      await bolag.page.close();
    });

    it('writes screenshots of the overview and one nämnd page for review', async () => {
      const out = join(projectRoot, 'test-results');
      mkdirSync(out, { recursive: true });
      for (const [path, file] of [['/', 'oversikt.png'], ['/namnd/tallmossen', 'namnd-tallmossen.png']] as const) {
        rmSync(join(out, file), { force: true });
        const { page } = await open(path);
        await page.screenshot({ path: join(out, file), fullPage: true });
        // The whole page, not the first screen: the image is as wide as the window and as tall as the page.
        const png = readFileSync(join(out, file));
        const pageHeight = await page.evaluate(() => document.documentElement.scrollHeight);
        expect(png.subarray(1, 4).toString()).toBe('PNG');
        expect(png.readUInt32BE(16)).toBe(page.viewportSize()!.width);
        expect(Math.abs(png.readUInt32BE(20) - pageHeight)).toBeLessThanOrEqual(1);
        expect(pageHeight).toBeGreaterThan(page.viewportSize()!.height);
      }
    });
  });
});
