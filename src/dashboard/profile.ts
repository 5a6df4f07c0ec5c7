import { CommandUsageError } from '../text/usageError.ts';

/**
 * What a dashboard build may publish. public (the default): ÖJ answers and aggregated readiness, no
 * free text from self-assessments (comments, actions, owners, dates), and the fokusområden in setting
 * public_aggregate_only (säkerhetsskydd) only as aggregate shares. internal: everything, and every page
 * says "Intern".
 */
export type Profile = 'public' | 'internal';

export function buildProfile(env: NodeJS.ProcessEnv = process.env): Profile {
  // Case and spaces are how people type it (Public, INTERNAL); the meaning is not in them.
  const value = (env.BEREDSKAP_PROFILE ?? 'public').trim().toLowerCase() || 'public';
  if (value !== 'public' && value !== 'internal') {
    throw new CommandUsageError(`miljövariabeln BEREDSKAP_PROFILE ska vara public eller internal, inte "${env.BEREDSKAP_PROFILE}"`);
  }
  return value;
}
