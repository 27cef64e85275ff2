/** What the log keeps of an unexpected error: enough to find the fault, nothing a caller sent. */
export interface LoggedError {
  error: string;
  message: string;
  /** SQLSTATE of a database error. */
  sqlState?: string;
  stack?: string[];
}

// PostgreSQL quotes the offending input in some messages (`invalid input syntax for type date:
// "…"`); that input may be data from a file or a request, so it is masked. Object names, which
// PostgreSQL quotes without a colon before them (`relation "x" does not exist`), are kept.
function maskQuotedValues(message: string): string {
  return message.replace(/(:\s*)"[^"]*"/g, '$1"…"').replace(/(:\s*)'[^']*'/g, "$1'…'");
}

/**
 * An error as a structured log entry: its class, its masked message, its SQLSTATE and its stack
 * frames. Deliberately not the driver's `detail`, `query` or `parameters`, which echo row values.
 */
export function describeForLog(exception: unknown): LoggedError {
  if (!(exception instanceof Error)) return { error: typeof exception, message: 'a value that is not an Error was thrown' };
  const code = (exception as { code?: unknown }).code;
  const frames = exception.stack
    ?.split('\n')
    .filter((line) => /^\s+at /.test(line))
    .map((line) => line.trim())
    .slice(0, 20);
  return {
    error: exception.name,
    message: maskQuotedValues(exception.message).slice(0, 500),
    ...(typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) ? { sqlState: code } : {}),
    ...(frames !== undefined && frames.length > 0 ? { stack: frames } : {}),
  };
}
