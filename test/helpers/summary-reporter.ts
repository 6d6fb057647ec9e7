/**
 * Ends every run with one line `N passed, N failed` — the line CI reads (.ci/run).
 */
import type { Reporter, TestModule } from 'vitest/node'

export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<unknown>) {
    let passed = 0
    let failed = 0
    for (const mod of testModules) {
      let failedHere = 0
      for (const test of mod.children.allTests()) {
        const state = test.result().state
        if (state === 'passed') passed++
        else if (state === 'failed') failedHere++
      }
      // A file that failed to load, or whose setup hook failed, has no failed test of its own (its
      // tests are skipped): count the file once so it can't pass silently.
      if (mod.state() === 'failed' && failedHere === 0) failedHere = 1
      failed += failedHere
    }
    failed += unhandledErrors.length
    process.stdout.write(`\n${passed} passed, ${failed} failed\n`)
  }
}
