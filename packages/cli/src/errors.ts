/** A mistake the user can fix (a bad flag, a missing build): the CLI prints its message alone, without a stack. */
export class CliError extends Error {
  override name = 'CliError';
}
