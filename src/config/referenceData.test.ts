// data/ against the published sources it was taken from. The sources live in ../shared/domain beside the
// repository (shared/domain/README.md), which CI has and a user's clone does not: without it these tests
// are skipped, and the reason is in the describe block's name, which `npm test` prints among its last
// lines ("hoppades över: … (../shared/domain saknas)").
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../paths.ts';
import { repositoryConfigDir } from '../test/helpers.ts';
import { readConfig } from './loadConfig.ts';

const sharedDomain = join(projectRoot, '..', 'shared', 'domain');
const haveShared = existsSync(sharedDomain);

/** Rows of a comma-separated reference file without quoted commas, comment lines skipped. */
function table(path: string): Record<string, string>[] {
  const [header, ...lines] = readFileSync(path, 'utf8').split(/\r?\n/).filter((l) => l && !l.startsWith('#'));
  const columns = header!.split(',');
  return lines.map((l) => Object.fromEntries(l.split(',').map((v, i) => [columns[i]!, v])));
}

describe.skipIf(!haveShared)(`reference data against SKR's own lists${haveShared ? '' : ' (../shared/domain saknas)'}`, () => {
  const { tables } = haveShared ? readConfig(repositoryConfigDir) : { tables: undefined };
  const unit = new Map(tables?.org_unit.map((u) => [u[0] as string, { name: u[1] as string, kommun: u[3] as string | null, lan: u[4] as string | null }]));
  const edition = new Map(tables?.kommungrupp_edition.map((e) => [e[0] as string, { first: e[2], last: e[3] }]));

  // SKR's 2017 list is in force for ÖJ years up to 2022, its 2023 list from 2023 (shared/domain/README.md).
  it.each([
    { name: '2017', first: 2016, last: 2022, years: '2016–2022' },
    { name: '2023', first: 2023, last: null, years: 'from 2023' },
  ])("gives every one of the 290 kommuner its group, group name and län of SKR's own $name list, in force $years", ({ name, first, last }) => {
    expect(edition.get(name)).toEqual({ first, last });
    const skr = table(join(sharedDomain, `skr-kommungrupper-${name}.csv`));
    expect(skr).toHaveLength(290);
    const groupName = new Map(tables!.kommungrupp_group.filter((g) => g[0] === name).map((g) => [g[1] as string, g[3] as string]));
    const ours = new Map(tables!.kommungrupp_member.filter((m) => m[0] === name).map((m) => {
      const k = unit.get(m[1] as string)!;
      return [k.kommun!, { kommun: k.name, group: m[2] as string, group_name: groupName.get(m[2] as string), lan_code: k.lan }];
    }));
    expect(ours.size).toBe(290);
    const differing = skr.filter((s) => {
      const o = ours.get(s.kommun_code!);
      return !o || o.kommun !== s.kommun || o.group !== s.group || o.group_name !== s.group_name || o.lan_code !== s.lan_code;
    });
    expect(differing.map((s) => `${s.kommun_code} ${s.kommun}: SKR ${s.group} ${s.group_name} (${s.lan_code}), data/ ${JSON.stringify(ours.get(s.kommun_code!))}`)).toEqual([]);
  });
});
