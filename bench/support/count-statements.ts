import { writeFileSync } from 'node:fs';
import { Client } from 'pg';

/*
 * A `--require` hook for the benchmark's workers (`BENCH_STATEMENTS_FILE`): counts every statement node-postgres sends
 * from this process (BEGIN and COMMIT included) and writes the running total to that file twice a second, so the
 * benchmark can report statements per household without pg_stat_statements.
 */
const file = process.env.BENCH_STATEMENTS_FILE;
if (file) {
  let count = 0;
  const prototype = Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const original = prototype.query;
  prototype.query = function (this: unknown, ...args: unknown[]): unknown {
    count++;
    return original.apply(this, args);
  };
  const flush = (): void => writeFileSync(file, String(count));
  setInterval(flush, 500).unref();
  process.on('exit', flush);
}
