// A web-test-runner reporter that only counts: it writes {passed, failed} to .tmp/results/browser.json
// so scripts/test.mjs can print one summary line across every runner.
import { mkdirSync, writeFileSync } from 'node:fs';

function countSuite(suite, totals) {
  for (const test of suite.tests ?? []) {
    if (test.skipped) continue;
    if (test.passed) totals.passed += 1;
    else totals.failed += 1;
  }
  for (const child of suite.suites ?? []) countSuite(child, totals);
}

export function countReporter() {
  return {
    onTestRunFinished({ sessions }) {
      const totals = { passed: 0, failed: 0 };
      for (const session of sessions) {
        if (session.testResults) countSuite(session.testResults, totals);
        // A file that failed to load or threw outside a test has no results: count it as a failure.
        if ((session.errors?.length ?? 0) > 0 || (!session.passed && !session.testResults)) totals.failed += 1;
      }
      mkdirSync('.tmp/results', { recursive: true });
      writeFileSync('.tmp/results/browser.json', JSON.stringify(totals));
    },
  };
}
