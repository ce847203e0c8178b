/**
 * Every regular expression over outside text runs in linear time (issue 13, finding 1.3): a
 * ValidationException message of `The profile ` + 3,000 dashes + ` could` once held the extension
 * host for 15–31 s. Each function that applies a pattern to service messages, error text, ARNs in
 * files, log lines, date input or profile and endpoint input gets every 100 KB adversarial string of
 * the corpus (test/unit/regexCorpusWorker.ts). Linear code handles each in milliseconds; the bound
 * of 1 s per call is generous enough for a busy 2-core machine and still catches polynomial
 * blow-up, which at 100 KB takes minutes to years.
 *
 * Each function runs in a worker thread that the test stops when a call overruns, so a
 * catastrophic pattern fails the test instead of hanging the suite.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { corpus, SIZE, TARGETS, type WorkerMessage } from './regexCorpusWorker';

/** The per-call bound the test asserts. */
const BOUND_MS = 1_000;
/** A call still running this long after it started is stopped: it has already failed the bound. */
const STOP_AFTER_MS = 10_000;

interface Outcome {
  times: { label: string; ms: number }[];
  /** The input a call was stopped on, if any. */
  stopped?: string;
}

function runTarget(target: string): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(path.join(__dirname, 'regexCorpusWorker.js'), { workerData: { target } });
    const times: Outcome['times'] = [];
    let timer: NodeJS.Timeout | undefined;
    let stopped: string | undefined;
    worker.on('message', (m: WorkerMessage) => {
      if (m.type === 'start') {
        clearTimeout(timer);
        timer = setTimeout(() => {
          stopped = m.label;
          void worker.terminate();
        }, STOP_AFTER_MS);
      } else if (m.type === 'done') {
        clearTimeout(timer);
        times.push({ label: m.label, ms: m.ms });
      } else {
        clearTimeout(timer);
        reject(new Error(`${target} threw: ${m.message}`));
      }
    });
    worker.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    worker.on('exit', () => {
      clearTimeout(timer);
      resolve(stopped === undefined ? { times } : { times, stopped });
    });
  });
}

describe('regular expressions over outside text are linear (100 KB adversarial corpus)', function () {
  this.timeout(STOP_AFTER_MS + 60_000);
  const inputs = corpus();

  it('the corpus holds the reported input and every string is 100 KB', function () {
    assert.ok(inputs.length >= 40, `${inputs.length} inputs`);
    for (const { label, text } of inputs) assert.equal(text.length, SIZE, label);
    const reported = inputs.find((i) => i.label.includes('the reported one'));
    assert.ok(reported?.text.startsWith('The profile ---') && reported.text.endsWith('--- could'));
  });

  for (const target of [...Object.keys(TARGETS), 'listProfiles']) {
    it(`${target}: every input in under ${BOUND_MS} ms`, async function () {
      const { times, stopped } = await runTarget(target);
      assert.equal(stopped, undefined, `${target} was stopped after ${STOP_AFTER_MS} ms on “${stopped}”`);
      assert.equal(times.length, inputs.length, 'every input ran');
      const slow = times.filter((t) => t.ms >= BOUND_MS).map((t) => `${t.label}: ${Math.round(t.ms)} ms`);
      assert.deepEqual(slow, [], `${target} is not linear on these inputs`);
    });
  }
});
