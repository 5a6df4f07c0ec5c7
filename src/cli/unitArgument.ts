/**
 * `--unit` as a person types it: the unit's id, its name or any alias (Farsta, farsta, "Farsta
 * stadsdelsnämnd"), for every command that takes it. A name two units have carried is settled by the
 * year asked about; a name nobody has is answered with the closest names among the organisation's own
 * units, the ones a user of --unit means.
 */
import type { Database } from '../db/database.ts';
import { CommandUsageError } from '../text/usageError.ts';
import { normalizeText } from '../text/normalize.ts';
import { didYouMean } from '../text/normalize.ts';

export interface ChosenUnit {
  unitId: string;
  name: string;
}

export async function resolveUnitArgument(db: Database, text: string, year?: number): Promise<ChosenUnit> {
  const byId = await db.one<{ unit_id: string; name: string }>('select unit_id, name from org_unit where unit_id = $1', [text.trim().toLowerCase()]);
  if (byId) return { unitId: byId.unit_id, name: byId.name };
  // The date a name is read at: the end of the year asked about, else today.
  const date = year === undefined ? new Date().toISOString().slice(0, 10) : `${year}-12-31`;
  const matches = await db.all<{ unit_id: string; name: string; valid_then: boolean }>(
    `select distinct u.unit_id, u.name,
            valid_on(a.valid_from, a.valid_to, $2::date) and valid_on(u.valid_from, u.valid_to, $2::date) as valid_then
     from org_alias a join org_unit u using (unit_id)
     where a.alias_norm = $1`,
    [normalizeText(text), date],
  );
  const units = [...new Map(matches.map((m) => [m.unit_id, m])).values()];
  const chosen = units.length === 1 ? units : units.filter((u) => matches.some((m) => m.unit_id === u.unit_id && m.valid_then));
  if (chosen.length === 1) return { unitId: chosen[0]!.unit_id, name: chosen[0]!.name };
  if (units.length > 1) {
    throw new CommandUsageError(`"${text}" kan betyda flera enheter (${units.map((u) => `${u.name} = ${u.unit_id}`).join(', ')}); ange enhetens id`);
  }
  const own = await db.all<{ name: string }>(
    `select name from org_unit where unit_id = (select value from setting where key = 'organisation_unit_id')
     union all select name from stg_org_namnd`,
  );
  throw new CommandUsageError(`okänd enhet "${text}"${didYouMean(text, own.map((o) => o.name)) || ': ange en nämnds namn eller id, till exempel ' + own.slice(0, 3).map((o) => o.name).join(', ')}`);
}
