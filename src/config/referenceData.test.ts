import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../paths.ts';

/** Rows of a comma-separated reference file without quoted commas, comment lines skipped. */
function table(path: string): Record<string, string>[] {
  const [header, ...lines] = readFileSync(path, 'utf8').split(/\r?\n/).filter((l) => l && !l.startsWith('#'));
  const columns = header!.split(',');
  return lines.map((l) => Object.fromEntries(l.split(',').map((v, i) => [columns[i]!, v])));
}

describe('reference data checked against its source', () => {
  it("gives every one of the 290 kommuner the SKR kommungrupp of SKR's own 2017 list", () => {
    // The domain folder beside the repository holds SKR's list as published (shared/domain/README.md).
    const skr = new Map(table(join(projectRoot, '..', 'shared', 'domain', 'skr-kommungrupper-2017.csv')).map((r) => [r.kommun_code!, r]));
    const ours = table(join(projectRoot, 'data', 'org', 'kommuner.csv'));
    expect(ours).toHaveLength(290);
    expect(skr.size).toBe(290);
    const differing = ours.filter((k) => skr.get(k.kommun_code!)?.group !== k.skr_group || skr.get(k.kommun_code!)?.lan_code !== k.lan_code);
    expect(differing.map((k) => `${k.kommun_code} ${k.name}: ${k.skr_group} (SKR: ${skr.get(k.kommun_code!)?.group})`)).toEqual([]);
  });
});
