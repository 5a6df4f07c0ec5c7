import { join } from 'node:path';
import { projectRoot } from '../paths.ts';

/** Stockholm's configuration (a copy of data/, see its README), for the tests of real ÖJ workbook shapes and the rest not yet moved to the town. */
export const configDir = join(projectRoot, 'src/test/fixtures/config');
/** The made-up town Älvvik the sample database and the whole-product tests run on (see its README). */
export const townConfigDir = join(projectRoot, 'src/test/fixtures/town');
/** The smaller fixture city of the programme-model tests. */
export const cityConfigDir = join(projectRoot, 'src/test/fixtures/city');

/** The configurations src/test/globalSetup.ts initialises a database for once per run. */
export const fixtureConfigs = { config: configDir, town: townConfigDir, city: cityConfigDir };
