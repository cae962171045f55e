// The one error type for broken input and misuse. Problems found inside readable content are
// not errors: they become messages in the output.

/** An input that could not be processed at all; `input` names it as the user gave it. */
export class InputError extends Error {
  readonly input: string;
  readonly reason: string;

  constructor(input: string, reason: string) {
    super(`${input}: ${reason}`);
    this.name = 'InputError';
    this.input = input;
    this.reason = reason;
  }
}

/** Wrong use of the CLI or the library (exit code 2). */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
