/**
 * The command line's grammar: commands, the flags each takes, and their help in Swedish. Parsing is our
 * own rather than node:util's parseArgs, so that every mistake is answered in one Swedish line that
 * names the closest command or flag, instead of Node's English message.
 */
import { didYouMean } from '../text/normalize.ts';

/** A command line that cannot be run as written: exit 2, the message and where to read more. */
export class UsageError extends Error {
  constructor(message: string, readonly command?: string) {
    super(message);
  }
}

interface FlagSpec {
  type: 'string' | 'boolean';
  short?: string;
  help: string;
}

export const flags = {
  db: { type: 'string', help: '--db SÖKVÄG       databasfil (standard data/beredskap.duckdb, eller miljövariabeln BEREDSKAP_DB)' },
  config: { type: 'string', help: '--config KATALOG  konfigurationskatalog (standard data/, eller BEREDSKAP_CONFIG)' },
  json: { type: 'boolean', help: '--json            maskinläsbar utdata på stdout' },
  quiet: { type: 'boolean', help: '--quiet           inga förloppsrader' },
  help: { type: 'boolean', short: 'h', help: '--help, -h        den här hjälpen' },
  year: { type: 'string', help: '--year ÅR         årtalet' },
  out: { type: 'string', short: 'o', help: '-o, --out UT      fil eller katalog att skriva till' },
  period: { type: 'string', help: '--period T1|T2|VB tertial 1, tertial 2 eller verksamhetsberättelse' },
  report: { type: 'string', help: '--report UT       valideringsrapport (.xlsx eller .md) att skicka till nämnden' },
  delimiter: { type: 'string', help: '--delimiter ,     avgränsare i CSV (; , eller tab; standard ;)' },
  unit: { type: 'string', help: '--unit ENHET      en enhet: id, namn eller alias (Farsta, farsta …)' },
  format: { type: 'string', help: '--format F        utdataformat' },
  'dry-run': { type: 'boolean', help: '--dry-run         kontrollera och visa vad som skulle ändras, utan att skriva' },
  replace: { type: 'boolean', help: '--replace         låt en ny version ta bort mer än spärrarna tillåter: en fjärdedel av det den ersätter (totalt, per enhetsslag eller för organisationens egna enheter), eller för en självskattning mer än den behåller' },
  'accept-fidelity': { type: 'boolean', help: '--accept-fidelity importera en ÖJ-fil vars publicerade andelar inte stämmer med dess egna kommunsvar (sägs tydligt)' },
  force: { type: 'boolean', help: '--force           skriv över mallar som redan finns (de kan vara ifyllda)' },
  all: { type: 'boolean', help: '--all             alla (nämnder, år)' },
  long: { type: 'boolean', help: '--long            report readiness: varje underlag och antal på en egen rad' },
  'all-periods': { type: 'boolean', help: '--all-periods     report gaps: varje rapport under året (T1, T2, VB), inte bara den senaste' },
  months: { type: 'string', help: '--months N        report due: tidsfrister inom N månader (standard 12)' },
} as const satisfies Record<string, FlagSpec>;

export type FlagName = keyof typeof flags;
export type FlagValues = { [K in FlagName]?: (typeof flags)[K]['type'] extends 'string' ? string : boolean };

const globalFlags: FlagName[] = ['db', 'config', 'json', 'quiet', 'help'];

interface CommandSpec {
  synopsis: string[];
  summary: string;
  flags: FlagName[];
  /** Lines after the flags: details, examples. */
  notes?: string[];
}

export const commands: Record<string, CommandSpec> = {
  init: { synopsis: ['init'], summary: 'skapa eller uppdatera databasen (schema, konfiguration, vyer)', flags: [] },
  import: {
    synopsis: ['import oj FIL… [--year ÅR] [--accept-fidelity]', 'import self-assessment FIL… [--dry-run [--report UT.xlsx|UT.md]] [--year ÅR]', 'import judgement FIL…', 'import action-plan FIL… [--dry-run [--report UT.xlsx|UT.md]]'],
    summary: 'importera ÖJ-filer (Excelfiler och CSV), nämndernas självskattningar, nämndens bedömning ur ledningssystemet eller åtgärdsplaner för ÖJ-brister, allt eller inget',
    flags: ['year', 'dry-run', 'replace', 'report', 'accept-fidelity'],
    notes: [
      'ÖJ: --year anger året när filen inte själv gör det. En Excelfil vars publicerade andelar inte stämmer med dess egna kommunsvar tas bara emot med --accept-fidelity.',
      'En ny ÖJ-fil: kör först beredskap inspect FIL, som visar hur den läses och vilken rad som ska läggas till i data/ om något är okänt.',
      'Självskattning: en ifylld mall vars år inte är mallens tas bara emot med --year ÅR (året raderna ska gälla).',
      '--dry-run kontrollerar allt och visar alla anmärkningar utan att skriva; --report skriver dem till en fil för nämnden.',
      'Åtgärdsplan: en rad per ÖJ-fråga med brist som nämnden ansvarar för; en nämnds nya plan för ett år ersätter den gamla.',
    ],
  },
  inspect: {
    synopsis: ['inspect FIL [--year ÅR]'],
    summary: 'visa hur en ÖJ-fil (Excelfil) läses: blad, rubrikrader, kolumner, rader och problem; skriver inget',
    flags: ['year'],
    notes: ['Slutkod 1 när filen har problem; varje okänd rubrik, svar eller enhet slutar med raden att lägga till i data/.'],
  },
  template: {
    synopsis: ['template [self-assessment] [--year ÅR] [--period T1|T2|VB] [--unit ENHET | --all] [-o KATALOG] [--force]', 'template action-plan --year ÅR [--unit ENHET | --all] -o KATALOG [--force]'],
    summary: 'självskattningsmallar (.xlsx) per nämnd och bolag, förifyllda med förra rapporten, eller åtgärdsplaner per nämnd för årets ÖJ-brister',
    notes: ['Självskattning utan --year och --period: nästa period att rapportera (den vars sista dag är i dag eller senare). Utan -o: den aktuella katalogen. Kommandot säger vad det valde.'],
    flags: ['year', 'period', 'unit', 'all', 'out', 'force'],
  },
  export: {
    synopsis: ['export [--year ÅR | --all] --format xlsx|csv [--unit ENHET] [--delimiter ,] -o FIL'],
    summary: 'beredskap, läget per enhet, brister, måluppfyllelse, jämförelse och källor till Excel eller CSV',
    flags: ['year', 'format', 'unit', 'delimiter', 'out', 'all'],
    notes: ['Utan --year: det senaste året med uppgifter, som report (--all: alla år). Utan --unit: organisationen och dess nämnder. Ett urval utan uppgifter skriver ingenting (slutkod 1).'],
  },
  report: {
    synopsis: ['report summary|readiness|gaps|goals|fidelity [--year ÅR | --all] [--unit ENHET] [--format table|csv|json] [--long] [--all-periods]', 'report due [--year ÅR] [--unit ENHET] [--months N] [--format table|csv|json|ics]', 'report annual [--year ÅR] -o FIL.docx|FIL.md|FIL.pdf [--format docx|md|pdf]'],
    summary: 'läget per enhet (öppna och försenade krav, ÖJ-brister), beredskap, brister (ÖJ och självskattning), måluppfyllelse, tidsfrister eller ÖJ-filernas egna andelar i terminalen; årsuppföljningen som dokument',
    flags: ['year', 'unit', 'format', 'all', 'long', 'all-periods', 'months', 'out'],
    notes: [
      'Utan --year: det senaste året med uppgifter (--all: alla år). Utan --unit: organisationen och dess nämnder och bolag.',
      'readiness: en rad per enhet med fokusområdena som kolumner (andel uppfyllt sammantaget och n); --long ger varje underlag för sig.',
      'gaps: varje enhets senaste rapport under året; --all-periods ger också de tidigare (T1, T2). goals: börjar med stadens sammanfattning.',
      'due: tidsfristerna per slutet av årets senast rapporterade period (kolumnen Per): passerade i innevarande period och de som infaller inom --months månader (standard 12). Med --unit ENHET --format ics en kalenderfil att importera eller prenumerera på.',
      'annual skriver årsuppföljningen som Word (.docx), Markdown (.md) eller, där Chromium finns, PDF; formatet av --format eller filens ändelse.',
    ],
  },
  sample: { synopsis: ['sample [--out KATALOG]'], summary: 'skapa exempeldata och importera den', flags: ['out'] },
  sources: { synopsis: ['sources'], summary: 'lista importerade filer', flags: [] },
  remove: { synopsis: ['remove source ID'], summary: 'ta bort en importerad källa (nummer ur "sources") med alla dess uppgifter, i en transaktion', flags: [] },
  check: { synopsis: ['check'], summary: 'datakvalitet: enheter utan svar, obesvarade andelar, alias, vyernas kontroller', flags: [] },
  pull: {
    synopsis: ['pull', 'pull oj [--year ÅR | --all]', 'pull kolada [--replace]'],
    summary: 'hämta ÖJ:s Excelfiler (adresser i sources.csv) och Kolada-värdena i data/kolada_kpis.csv och importera dem',
    flags: ['year', 'all', 'replace'],
    notes: ['Miljövariabler: OJ_BASE_URL, KOLADA_BASE_URL, BEREDSKAP_RAW_DIR, BEREDSKAP_MAX_DOWNLOAD_MB.'],
  },
  start: { synopsis: ['start'], summary: 'bygg databasen från exempeldata om den saknas och starta instrumentpanelen', flags: [] },
  build: { synopsis: ['build'], summary: 'bygg den statiska webbplatsen i dist/ från databasen (BEREDSKAP_PROFILE=public|internal)', flags: [] },
  bench: { synopsis: ['bench'], summary: 'mät importens hastighet mot DuckDB:s egen read_csv', flags: ['out'] },
  help: { synopsis: ['help [KOMMANDO]'], summary: 'den här hjälpen, eller hjälpen för ett kommando', flags: [] },
};

export const exitCodeHelp = [
  'Slutkoder: 0 klart · 1 felaktig indata (fil eller konfiguration), inget skrivet · 2 fel i kommandoraden ·',
  '3 databasen används av en annan process · 4 pull: en källa kunde inte nås · 5 pull: en källa svarade med',
  'något oanvändbart · 6 en fil eller katalog kan inte skrivas eller läsas (behörighet, skrivskyddat, disken full) ·',
  '70 internt fel (detaljer i loggfilen).',
];

/** `beredskap help`: every command in one line each. */
export function overviewHelp(): string {
  const rows = Object.values(commands).flatMap((c) => c.synopsis.map((s, i) => [s, i === 0 ? c.summary : '']));
  const width = Math.min(44, Math.max(...rows.map(([s]) => s!.length)));
  return [
    'Användning: beredskap <kommando> [flaggor]',
    '',
    'Kommandon:',
    ...rows.map(([s, d]) => (s!.length > width ? `  ${s}\n  ${' '.repeat(width)}  ${d}` : `  ${s!.padEnd(width)}  ${d}`).trimEnd()),
    '',
    'Flaggor för alla kommandon:',
    ...globalFlags.map((f) => `  ${flags[f].help}`),
    '',
    'Mer om ett kommando: beredskap help <kommando>',
    '',
    ...exitCodeHelp,
  ].join('\n');
}

/** `beredskap help COMMAND`: its synopsis, flags and notes. */
export function commandHelp(name: string): string {
  const c = commands[name]!;
  return [
    ...c.synopsis.map((s, i) => `${i === 0 ? 'Användning:' : '           '} beredskap ${s}`),
    '',
    `${c.summary[0]!.toUpperCase()}${c.summary.slice(1)}.`,
    ...(c.flags.length ? ['', 'Flaggor:', ...c.flags.map((f) => `  ${flags[f].help}`)] : []),
    ...(c.notes?.length ? ['', ...c.notes] : []),
    '',
    `Flaggor för alla kommandon: ${globalFlags.map((f) => `--${f}`).join(', ')}.`,
  ].join('\n');
}


export interface CommandLine {
  command?: string;
  /** Positional arguments after the command. */
  args: string[];
  values: FlagValues;
}

const byShort = new Map<string, FlagName>(Object.entries(flags).flatMap(([name, f]) => ('short' in f ? [[f.short, name as FlagName] as const] : [])));

/**
 * Splits argv into command, arguments and flags, checking each flag against the command's own: an
 * unknown flag, one the command does not take, a value missing or given to a switch is a UsageError.
 * `--name=value`, `--name value` and `-o value` are accepted; `--` ends the flags.
 */
export function parseCommandLine(argv: string[]): CommandLine {
  const positionals: string[] = [];
  const given: { name: FlagName; raw: string; value: string | boolean }[] = [];
  const command = () => positionals[0];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      positionals.push(arg);
      continue;
    }
    const long = /^--([^=]+)(?:=(.*))?$/s.exec(arg);
    const rawName = long ? `--${long[1]}` : arg;
    const name = long ? (long[1] as FlagName) : byShort.get(arg.slice(1));
    if (!name || !(name in flags)) {
      const cmd = command();
      const candidates = (cmd && commands[cmd] ? [...commands[cmd]!.flags, ...globalFlags] : Object.keys(flags)).map((f) => `--${f}`);
      throw new UsageError(`okänd flagga ${rawName}${didYouMean(rawName, candidates)}`, cmd);
    }
    if (flags[name].type === 'boolean') {
      if (long?.[2] !== undefined) throw new UsageError(`flaggan --${name} tar inget värde`, command());
      given.push({ name, raw: rawName, value: true });
      continue;
    }
    let value = long?.[2];
    if (value === undefined) {
      const next = argv[i + 1];
      if (next === undefined || (next.startsWith('-') && next.length > 1)) throw new UsageError(`flaggan ${rawName} behöver ett värde`, command());
      value = next;
      i++;
    }
    given.push({ name, raw: rawName, value });
  }
  const [cmd, ...args] = positionals;
  const values: FlagValues = {};
  for (const g of given) {
    if (cmd && commands[cmd] && !globalFlags.includes(g.name) && !commands[cmd]!.flags.includes(g.name)) {
      throw new UsageError(`flaggan ${g.raw} gäller inte ${cmd}`, cmd);
    }
    (values as Record<string, string | boolean>)[g.name] = g.value;
  }
  return { command: cmd, args, values };
}

/** The one line after a usage error's message: where to read more. */
export const seeHelp = (command: string | undefined) =>
  `Se \`beredskap help${command && commands[command] ? ` ${command}` : ''}\`.`;
