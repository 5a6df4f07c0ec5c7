// What falls due when (issue 23) on the fixture city, whose own cycle (elections 2015, 2019, 2023; mandate
// periods from 1 January to 31 December four years on) puts a mandate period's boundary at a year's end:
// the due dates each kind of rule gives, the calendar per each year's reference day across that boundary,
// decisions before and after a deadline, a decision reported only later, the public profile's redaction,
// the validation report's remark and the configuration check.
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../cli/main.ts';
import { Catalog } from '../config/catalog.ts';
import type { Database } from '../db/database.ts';
import type { Problem } from '../text/problems.ts';
import { decisionRemark } from '../self/validateSelfAssessment.ts';
import { importSelfAssessment } from '../self/importSelfAssessment.ts';
import { cityConfigDir, configError, openInitialisedDb, tempDir, writeText } from '../test/helpers.ts';

const header = 'År;Period;Nämnd;Krav;Status;Beslutsdatum;Diarienummer eller dokument';

async function cityWithReports(dir: string): Promise<Database> {
  const db = await openInitialisedDb(join(dir, 'city.duckdb'), cityConfigDir);
  await importSelfAssessment(db, [writeText(join(dir, 'rapporter.csv'), [
    header,
    // the plan of the mandate period 2016–2019, adopted in 2018: late for its deadline 2016-12-31
    '2019;VB;Norr;N1;Uppfyllt;2018-05-02;KS 2018/1',
    // the new mandate period began 2020-01-01: the 2018 plan is no decision for it
    '2020;T1;Norr;N1;Uppfyllt;2018-05-02;KS 2018/1',
    '2020;T1;Norr;N2;Uppfyllt;2020-02-20;Uppföljning 2020',
    '2020;VB;Norr;N1;Uppfyllt;2020-11-02;KS 2020/7',
    '2020;VB;Norr;N2;Uppfyllt;2020-02-20;Uppföljning 2020',
    '2020;VB;Norr;N3;Uppfyllt;2020-08-01;',
    '2020;VB;Syd;N1;Delvis;;',
    '2021;T1;Norr;N2;Uppfyllt;2021-03-15;Uppföljning 2021',
    // Syd's plan was adopted in December 2020 but reported only in 2021: 2020's calendar does not know it
    '2021;T1;Syd;N1;Uppfyllt;2020-12-15;KS 2020/99',
  ].join('\n'))]);
  return db;
}

type Row = { year: number; unit_id: string; rule_id: string; due_date: string; due_status: string; decision_date: string | null; decision_ref: string | null; on_calendar: boolean };

describe('the calendar of deadlines', () => {
  const dir = tempDir();

  it('gives each kind of rule its due dates from the city\'s own mandate periods', async () => {
    const db = await openInitialisedDb(join(dir, 'empty.duckdb'), cityConfigDir);
    try {
      const of = (rule: string) => db.all(`select due_date::varchar as due, window_start::varchar as opens, period_end::varchar as closes, election_year
        from stg_due_occurrence where rule_id = $1 order by due_date`, [rule]);
      // by the end of the mandate period's first year
      expect(await of('plan_forsta')).toEqual([
        { due: '2016-12-31', opens: '2016-01-01', closes: '2019-12-31', election_year: 2015 },
        { due: '2020-12-31', opens: '2020-01-01', closes: '2023-12-31', election_year: 2019 },
        { due: '2024-12-31', opens: '2024-01-01', closes: '2027-12-31', election_year: 2023 },
      ]);
      // 30 June of the year after the election
      expect((await of('analys')).map((o) => o.due)).toEqual(['2016-06-30', '2020-06-30', '2024-06-30']);
      // by the mandate period's last day
      expect(await of('ovning')).toEqual([
        { due: '2019-12-31', opens: '2016-01-01', closes: '2019-12-31', election_year: 2015 },
        { due: '2023-12-31', opens: '2020-01-01', closes: '2023-12-31', election_year: 2019 },
        { due: '2027-12-31', opens: '2024-01-01', closes: '2027-12-31', election_year: 2023 },
      ]);
      // every year 1 March, each year's period from 1 January; late until the year ends
      const yearly = await of('arlig');
      expect(yearly).toHaveLength(12);
      expect(yearly[4]).toEqual({ due: '2020-03-01', opens: '2020-01-01', closes: '2020-12-31', election_year: 2019 });
    } finally {
      db.close();
    }
  });

  it('per each year\'s reference day, across the mandate period\'s boundary: in time, late, passed, coming', async () => {
    const db = await cityWithReports(dir);
    try {
      expect(await db.all('select year, period, reference_date::varchar as day from stg_due_reference order by year'))
        .toEqual([{ year: 2019, period: 'VB', day: '2019-12-31' }, { year: 2020, period: 'VB', day: '2020-12-31' }, { year: 2021, period: 'T1', day: '2021-04-30' }]);
      const calendar = async (year: number, unit: string) => (await db.all<Row>(
        `select year, unit_id, rule_id, due_date::varchar as due_date, due_status, decision_date::varchar as decision_date, decision_ref, on_calendar
         from due_calendar where year = $1 and unit_id = $2 and on_calendar order by due_date, rule_id`, [year, unit],
      )).map((r) => `${r.rule_id} ${r.due_date} ${r.due_status}${r.decision_date ? ` ${r.decision_date}` : ''}`);

      // Per 2019-12-31, the last day of the period 2016–2019: its plan, due 2016-12-31, came late (2018);
      // the next period's, due 2020-12-31, is within 12 months. The analysis due 2016 is on no calendar: no
      // requirement carried that deadline before 2019.
      expect(await calendar(2019, 'norr')).toEqual([
        'plan_forsta 2016-12-31 sent 2018-05-02',
        'arlig 2019-03-01 passerad',
        'arlig 2020-03-01 kommande',
        'analys 2020-06-30 kommande',
        'plan_forsta 2020-12-31 kommande',
      ]);
      // Per 2020-12-31, in the new period: the 2018 plan meets nothing; the plan of 2020-11-02 meets 2020's
      // deadline in time, the analysis of 2020-08-01 its 30 June late, the yearly follow-up came in time.
      expect(await calendar(2020, 'norr')).toEqual([
        'arlig 2020-03-01 i_tid 2020-02-20',
        'analys 2020-06-30 sent 2020-08-01',
        'plan_forsta 2020-12-31 i_tid 2020-11-02',
        'arlig 2021-03-01 kommande',
      ]);
      // Syd: delvis is no decision; its plan's deadline is the reference day itself, not yet passed.
      expect(await calendar(2020, 'syd')).toEqual(['arlig 2020-03-01 passerad', 'analys 2020-06-30 passerad', 'plan_forsta 2020-12-31 kommande', 'arlig 2021-03-01 kommande']);
      // Per 2021-04-30 Syd's December 2020 plan is known, and in time; Norr's 2021 follow-up came two weeks late.
      expect(await calendar(2021, 'syd')).toEqual(['arlig 2021-03-01 passerad', 'analys 2020-06-30 passerad', 'plan_forsta 2020-12-31 i_tid 2020-12-15', 'arlig 2022-03-01 kommande']
        .sort((a, b) => a.split(' ')[1]!.localeCompare(b.split(' ')[1]!)));
      expect((await calendar(2021, 'norr')).filter((r) => r.startsWith('arlig'))).toEqual(['arlig 2021-03-01 sent 2021-03-15', 'arlig 2022-03-01 kommande']);

      // The same deadlines counted per unit (unit_year_count) and per unit group (dash_due_city).
      expect(await db.all(`select unit_id, n_due, n_due_passed, n_due_coming from unit_year_count where profile = 'internal' and year = 2020 and unit_id in ('norr', 'syd') order by unit_id`))
        .toEqual([{ unit_id: 'norr', n_due: 4, n_due_passed: 0, n_due_coming: 1 }, { unit_id: 'syd', n_due: 4, n_due_passed: 2, n_due_coming: 2 }]);
      expect(await db.one(`select n_units, n_i_tid, n_sent, n_passerad, n_kommande, without_decision from dash_due_city
        where profile = 'internal' and year = 2020 and rule_id = 'plan_forsta' and unit_group = 'namnd'`))
        .toEqual({ n_units: 4, n_i_tid: 1, n_sent: 0, n_passerad: 0, n_kommande: 3, without_decision: 'Socialnämnden, Syd, Trafiknämnden' });
    } finally {
      db.close();
    }
  });

  it('publishes deadlines but not how they were met, and nothing of säkerhetsskydd per unit, in a public build', async () => {
    const db = await cityWithReports(dir);
    try {
      const pub = await db.all<{ rule_id: string; due_status: string | null; decision_date: string | null; decision_ref: string | null }>(
        `select rule_id, due_status, decision_date, decision_ref from dash_namnd_due where profile = 'public' and year = 2020 and unit_id = 'norr' order by due_date`);
      expect(pub.map((r) => r.rule_id)).toEqual(['arlig', 'plan_forsta', 'arlig']); // not N3's analys (säkerhetsskydd)
      expect(pub.every((r) => r.due_status === null && r.decision_date === null && r.decision_ref === null)).toBe(true);
      expect(await db.one(`select n_due, n_due_passed, n_due_coming from unit_year_count where profile = 'public' and year = 2020 and unit_id = 'syd'`))
        .toEqual({ n_due: 3, n_due_passed: 1, n_due_coming: 2 });
      expect(await db.all(`select distinct without_decision from dash_due_city where profile = 'public'`)).toEqual([{ without_decision: null }]);
      expect(await db.all(`select * from dash_due_city where profile = 'public' and rule_id = 'analys'`)).toEqual([]);
    } finally {
      db.close();
    }
  });

  it('`report due` prints the calendar per its day, --months widens or narrows it, --format ics makes a calendar file', async () => {
    (await cityWithReports(dir)).close();
    const cli = async (...args: string[]) => {
      const printed: string[] = [];
      const code = await main(['report', 'due', ...args, '--db', join(dir, 'city.duckdb'), '--config', cityConfigDir, '--quiet'], (t) => printed.push(t));
      return { code, text: printed.join('\n') };
    };
    const table = await cli('--unit', 'Norr', '--year', '2020');
    expect(table.code).toBe(0);
    const lines = table.text.split('\n').slice(2);
    expect(lines.map((l) => l.split(/\s{2,}/).slice(0, 7))).toEqual([
      ['2020', '2020-12-31', 'Norr', 'Årlig uppföljning senast 1 mars', 'N2', '2020-03-01', 'Beslut i tid'],
      ['2020', '2020-12-31', 'Norr', 'Säkerhetsskyddsanalys senast 30 juni året efter v…', 'N3', '2020-06-30', 'Beslut efter tidsfristen'],
      ['2020', '2020-12-31', 'Norr', 'Krisledningsplan antagen under mandatperiodens fö…', 'N1', '2020-12-31', 'Beslut i tid'],
      ['2020', '2020-12-31', 'Norr', 'Årlig uppföljning senast 1 mars', 'N2', '2021-03-01', 'Kommande, inget beslut ännu'],
    ]);
    // due within a month of 31 December: today's plan, not March's follow-up; within 36 months, 2022's and 2023's too
    expect((await cli('--unit', 'Norr', '--year', '2020', '--months', '1')).text).not.toContain('2021-03-01');
    expect((await cli('--unit', 'Norr', '--year', '2020', '--months', '36')).text).toContain('2023-03-01');
    expect((await cli('--months', 'sex')).code).toBe(2);

    const ics = await cli('--unit', 'Norr', '--year', '2020', '--format', 'ics');
    expect(ics.code).toBe(0);
    expect(ics.text).toMatch(/^BEGIN:VCALENDAR\r\nVERSION:2\.0\r\n/);
    expect(ics.text.match(/BEGIN:VEVENT/g)).toHaveLength(4);
    expect(ics.text).toContain('DTSTART;VALUE=DATE:20201231\r\nDTEND;VALUE=DATE:20210101\r\n');
    expect(ics.text.replace(/\r\n /g, '')).toContain('DESCRIPTION:Krav N1: Krisledningsplan. Per 2020-12-31: Beslut i tid. Beslut 2020-11-02 (KS 2020/7).');
    expect(ics.text.split('\r\n').every((l) => Buffer.byteLength(l) <= 75)).toBe(true);
    expect((await cli('--format', 'ics')).code).toBe(2); // one calendar per unit
  });

  it('a report that says uppfyllt needs a decision from the deadline\'s period: the plan of 2018 does not meet 2020\'s', async () => {
    const db = await openInitialisedDb(join(dir, 'remark.duckdb'), cityConfigDir);
    try {
      const catalog = await Catalog.load(db);
      // per VB 2019 the 2018 plan is in its period; per T1 2020 a new period has begun
      expect(decisionRemark(catalog, 'N1', '2019-12-31', '2018-05-02')).toBeUndefined();
      expect(decisionRemark(catalog, 'N1', '2020-04-30', '2018-05-02')).toMatch(/^beslutet är från en tidigare period och uppfyller inte tidsfristen ”Krisledningsplan antagen under mandatperiodens första år” \(2020-12-31, perioden från 2020-01-01\)/);
      expect(decisionRemark(catalog, 'N1', '2020-04-30', '2020-03-01')).toBeUndefined();
      expect(decisionRemark(catalog, 'N1', '2020-04-30', undefined)).toMatch(/^Uppfyllt utan beslutsdatum/);
      expect(decisionRemark(catalog, 'N1', '2020-04-30', '2020-05-02')).toMatch(/efter rapportperiodens slut 2020-04-30/);
      expect(decisionRemark(catalog, 'N4', '2020-04-30', undefined)).toBeUndefined(); // no deadline
    } finally {
      db.close();
    }
  });

  it('refuses a bad calendar in the configuration, naming file, row and column', () => {
    const bad = join(dir, 'bad');
    cpSync(cityConfigDir, bad, { recursive: true });
    writeFileSync(join(bad, 'mandate_periods.csv'), [
      'election_year,mandate_start,mandate_end,source',
      '2015,2016-01-01,2019-12-31,',
      '2019,2019-06-01,2023-12-31,', // overlaps the one before
      '2023,2024-01-01,2023-12-31,', // ends before it starts
    ].join('\n'));
    writeFileSync(join(bad, 'due_rules.csv'), [
      'rule_id,kind,due_month_day,opens_month_day,title_sv,source',
      'plan_forsta,forsta_aret,,,Plan,',
      'analys,aret_efter_val,,,Analys,', // needs a day
      'arlig,arligen,02-29,,Årlig,', // not every year
      'ovning,mandatperiod,,01-01,Övning,', // opens only for arligen
      'oanvand,varje_ar,,,Okänd,',
    ].join('\n'));
    const requirements = readFileSync(join(bad, 'requirements.csv'), 'utf8').replace('N4,prog_nya,sakerhetsskydd,Allmän informationssäkerhet,2019,,,-', 'N4,prog_nya,sakerhetsskydd,Allmän informationssäkerhet,2019,,,-,plan_forsta')
      .replace('A2,prog_gamla,individ,Trygghetsåtgärder,2016,2017,,', 'A2,prog_gamla,individ,Trygghetsåtgärder,2016,2017,,,ovnig');
    writeFileSync(join(bad, 'requirements.csv'), requirements);
    const problems = configError(bad).problems.map((p: Problem) => ({ ...p, file: basename(p.file) }));
    const line = (file: string, prefix: string) => readFileSync(join(bad, file), 'utf8').split('\n').findIndex((l) => l.startsWith(prefix)) + 1;
    expect(problems).toEqual(expect.arrayContaining([
      expect.objectContaining({ file: 'mandate_periods.csv', rows: [3], columns: ['mandate_start'], message: expect.stringContaining('överlappar valåret 2015s') }),
      expect.objectContaining({ file: 'mandate_periods.csv', rows: [4], columns: ['mandate_end'], message: 'mandatperioden slutar före sin start 2024-01-01' }),
      expect.objectContaining({ file: 'due_rules.csv', rows: [3], columns: ['due_month_day'], message: expect.stringContaining('året efter valåret behöver en dag') }),
      expect.objectContaining({ file: 'due_rules.csv', rows: [4], columns: ['due_month_day'], found: '02-29' }),
      expect.objectContaining({ file: 'due_rules.csv', rows: [5], columns: ['opens_month_day'], found: '01-01' }),
      expect.objectContaining({ file: 'due_rules.csv', rows: [6], columns: ['kind'], found: 'varje_ar', suggestions: expect.arrayContaining(['arligen']) }),
      expect.objectContaining({ file: 'requirements.csv', rows: [line('requirements.csv', 'N4,')], columns: ['due_rule'], found: 'plan_forsta', message: expect.stringContaining('N1 (rad') }),
      expect.objectContaining({ file: 'requirements.csv', rows: [line('requirements.csv', 'A2,')], columns: ['due_rule'], found: 'ovnig', suggestions: expect.arrayContaining(['ovning']) }),
    ]));
  });
});
