// Runs every test tier through vitest and ends with the plain line CI reads:
// "N passed, N failed". The browser tier runs on its own, after the others:
// beside the API tests' parallel forks it would share two cores with them,
// and its timing-bound steps would then compete for the CPU. With arguments
// (`npm test -- test/api/x.test.ts`), one run of vitest with them instead.
// A non-zero exit if any run failed.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';

mkdirSync('test-results', { recursive: true });

const args = process.argv.slice(2);
const runs =
  args.length > 0
    ? [{ name: 'vitest', args }]
    : [
        { name: 'unit-api', args: ['--exclude', 'test/browser/**'] },
        { name: 'browser', args: ['test/browser'] },
      ];

/** One vitest run: its exit status and its counts from the JSON report. */
function run({ name, args: runArgs }) {
  const report = `test-results/vitest-${name}.json`;
  rmSync(report, { force: true });
  const result = spawnSync(
    'npx',
    [
      'vitest',
      'run',
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${report}`,
      ...runArgs,
    ],
    { stdio: 'inherit' },
  );
  let passed = 0;
  let failed = 0;
  try {
    const json = JSON.parse(readFileSync(report, 'utf8'));
    passed = json.numPassedTests;
    failed = json.numFailedTests + (json.numRuntimeErrorTestSuites ?? 0);
    if (json.numFailedTestSuites && failed === 0)
      failed = json.numFailedTestSuites;
  } catch {
    failed = 1;
    console.error(
      `The vitest JSON report of the ${name} run could not be read; counting the run as failed.`,
    );
  }
  const ok = result.status === 0 && failed === 0;
  return { passed, failed, status: ok ? 0 : result.status || 1 };
}

let passed = 0;
let failed = 0;
let status = 0;
for (const spec of runs) {
  const outcome = run(spec);
  passed += outcome.passed;
  failed += outcome.failed;
  if (status === 0) status = outcome.status;
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(status);
