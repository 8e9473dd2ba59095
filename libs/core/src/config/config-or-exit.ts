import { AppConfig, ConfigValidationError, validateConfig } from './app-config';

/**
 * Validates the environment for an entry point. A wrong or missing value ends the process
 * with one line naming the variable, not a stack trace.
 */
export function configOrExit(env: NodeJS.ProcessEnv = process.env): AppConfig {
  try {
    return validateConfig(env);
  } catch (error) {
    if (!(error instanceof ConfigValidationError)) throw error;
    process.stderr.write(`Configuration error: ${error.message}\n`);
    process.exit(1);
  }
}
