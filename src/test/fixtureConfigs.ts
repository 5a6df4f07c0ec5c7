import { join } from 'node:path';
import { projectRoot } from '../paths.ts';

/** The tests' own configuration (a snapshot of data/, see its README): a city editing data/ breaks no test. */
export const configDir = join(projectRoot, 'src/test/fixtures/config');
/** The smaller fixture city of the programme-model tests. */
export const cityConfigDir = join(projectRoot, 'src/test/fixtures/city');

/** The configurations src/test/globalSetup.ts initialises a database for once per run. */
export const fixtureConfigs = { config: configDir, city: cityConfigDir };
