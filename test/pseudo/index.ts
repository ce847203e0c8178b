/**
 * Entry point of the pseudo-localized launch (test/host/runHostTests.ts): the same runner as
 * test/suite, over this folder only, because its tests need VS Code in the qps-ploc locale and
 * the rest of the suite asserts English text.
 */
import { runSuiteIn } from '../suite/index';

export function run(): Promise<void> {
  return runSuiteIn(__dirname);
}
