import { Session } from 'node:inspector';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

/*
 * A `--require` hook for profiling a benchmark's worker (`BENCH_CPU_PROFILE_DIR`): the V8 sampling profiler runs from
 * start to exit and the profile is written as `<dir>/worker-<pid>.cpuprofile` (read it with
 * `node dist/bench/cpu-profile-summary.js <dir>`). `--cpu-prof` itself is not allowed in NODE_OPTIONS.
 */
const dir = process.env.BENCH_CPU_PROFILE_DIR;
if (dir) {
  const session = new Session();
  session.connect();
  session.post('Profiler.enable');
  session.post('Profiler.start');
  let written = false;
  const write = (): void => {
    if (written) return;
    written = true;
    session.post('Profiler.stop', (error, result) => {
      if (!error)
        writeFileSync(join(dir, `worker-${process.pid}.cpuprofile`), JSON.stringify(result.profile));
    });
  };
  // At SIGTERM (the benchmark's end of the run), before the graceful shutdown; and at exit otherwise.
  process.prependListener('SIGTERM', write);
  process.on('exit', write);
}
