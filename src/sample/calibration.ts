import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readDelimited } from '../text/readDelimited.ts';

/**
 * The national share of Ja (among responding kommuner) that sample data aims at, per year and indicator.
 * Anchored on published figures (national_reference.csv of the configuration) and, between and
 * beyond them, on a per-series trend: sample data should look like the real series without pretending
 * to be it. Series keys are indicators.csv's `series`, so the 2023 break in kontinuitet and upphandling
 * starts a new curve instead of bending the old one.
 */

/** A published national share of Ja, in percent. */
export interface NationalShare { year: number; area: string; verksamhet: string; pct: number }

/** The published shares of the configuration in `configDir` (its national_reference.csv); none without that file, and the trends alone decide. */
export function readNationalReference(configDir: string): NationalShare[] {
  const path = join(configDir, 'national_reference.csv');
  if (!existsSync(path)) return [];
  return readDelimited('national_reference.csv', readFileSync(path), { comments: true })
    .rows.slice(1)
    .map(({ cells }) => ({ year: Number(cells[0]), area: String(cells[1]), verksamhet: String(cells[2]), pct: Number(cells[3]) }));
}

/**
 * Area-level trend per series, percent at anchor years (linear between, flat beyond). Read off the
 * published figures and texts: värme climbs steeply 2016–2021; kontinuitet is "just under half" in 2021
 * and 10–25 % after the 2023 revision; upphandling about 45 % after it.
 */
const seriesTrend: Record<string, [number, number][]> = {
  'evakuering-2016': [[2016, 46], [2017, 50], [2019, 52], [2021, 60], [2025, 72]],
  'varme-2016': [[2016, 44], [2017, 56], [2019, 70], [2020, 78], [2021, 84], [2025, 90]],
  'kontinuitet-2019': [[2019, 33], [2020, 40], [2021, 46], [2022, 50]],
  'kontinuitet-2023': [[2023, 20], [2024, 16], [2025, 21]],
  'upphandling-2017': [[2017, 38], [2020, 50], [2022, 58]],
  'upphandling-2023': [[2023, 45], [2024, 47], [2025, 51]],
};

/** Verksamheter that lag their area where no figure says otherwise (small, often purchased). */
const verksamhetLag: Record<string, number> = {
  hvb_barn: -8, hvb_vuxna: -10, stodboende_barn: -10, stodboende_vuxna: -10, boendestod_vuxna: -8, sol_barn: -5, lss_barn: -3,
};

function interpolate(points: readonly [number, number][], year: number): number {
  if (year <= points[0]![0]) return points[0]![1];
  for (let i = 1; i < points.length; i++) {
    const [y1, v1] = points[i]!;
    const [y0, v0] = points[i - 1]!;
    if (year <= y1) return v0 + ((v1 - v0) * (year - y0)) / (y1 - y0);
  }
  return points[points.length - 1]![1];
}

/** A series without its own trend row (a new indicator in the catalog) borrows the area's latest. */
function trendOf(series: string, area: string): [number, number][] {
  const own = seriesTrend[series];
  if (own) return own;
  const sameArea = Object.keys(seriesTrend).filter((s) => s.startsWith(`${area}-`)).sort();
  return seriesTrend[sameArea[sameArea.length - 1] ?? ''] ?? [[2016, 50], [2025, 65]];
}

/**
 * Target national share of Ja (0–1) for one indicator in one year: the series trend plus the
 * verksamhet's deviation from it where published figures show one (interpolated over the years of the
 * same series), else its usual lag.
 */
export function targetShare(indicator: { area: string; verksamhet: string; series: string; first_year: number; last_year: number | null }, year: number, nationalReference: NationalShare[]): number {
  const trend = trendOf(indicator.series, indicator.area);
  const inSeries = (y: number) => y >= indicator.first_year && (indicator.last_year === null || y <= indicator.last_year);
  const residuals = nationalReference
    .filter((r) => r.area === indicator.area && r.verksamhet === indicator.verksamhet && inSeries(r.year))
    .map((r): [number, number] => [r.year, r.pct - interpolate(trend, r.year)])
    .sort((a, b) => a[0] - b[0]);
  const deviation = residuals.length ? interpolate(residuals, year) : verksamhetLag[indicator.verksamhet] ?? 0;
  const pct = interpolate(trend, year) + deviation;
  return Math.min(0.97, Math.max(0.03, pct / 100));
}
