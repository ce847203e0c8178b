/**
 * Runs the emulator standalone:
 *   npm run emulator -- --port 4566 --fixture demo [--latency 50] [--transition-ms 3000] [--host 127.0.0.1]
 * Standalone it behaves like the service by default: writes stay CREATING/UPDATING/DELETING for
 * DEFAULT_TRANSITION_MS (the demo's "few seconds"); `--transition-ms 0` ends them at once.
 * Prints its URL and how to point the AWS CLI, the SDK or the extension at it.
 */
import { FIXTURES, type FixtureName } from './fixtures';
import { SageMakerEmulator } from './server';

/** Long enough to watch a row go CREATING → CREATED in the demo, short enough not to wait for it. */
const DEFAULT_TRANSITION_MS = 3000;

function parseArgs(argv: string[]): { port: number; host: string; fixture: FixtureName; latencyMs: number; transitionMs: number } {
  const opts = { port: 4566, host: '127.0.0.1', fixture: 'demo' as FixtureName, latencyMs: 0, transitionMs: DEFAULT_TRANSITION_MS };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = argv[i + 1];
    const need = () => {
      if (value === undefined) throw new Error(`${flag} needs a value`);
      i++;
      return value;
    };
    switch (flag) {
      case '--port': {
        const port = Number(need());
        if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be 0–65535, not ${value}`);
        opts.port = port;
        break;
      }
      case '--host':
        opts.host = need();
        break;
      case '--fixture': {
        const f = need();
        if (!(FIXTURES as readonly string[]).includes(f)) throw new Error(`--fixture must be one of ${FIXTURES.join(', ')}, not ${f}`);
        opts.fixture = f as FixtureName;
        break;
      }
      case '--latency': {
        const ms = Number(need());
        if (!Number.isFinite(ms) || ms < 0) throw new Error(`--latency must be a number of milliseconds ≥ 0, not ${value}`);
        opts.latencyMs = ms;
        break;
      }
      case '--transition-ms': {
        const ms = Number(need());
        if (!Number.isFinite(ms) || ms < 0) throw new Error(`--transition-ms must be a number of milliseconds ≥ 0, not ${value}`);
        opts.transitionMs = ms;
        break;
      }
      case '--help':
      case '-h':
        console.log(
          `usage: npm run emulator -- [--port 4566] [--host 127.0.0.1] [--fixture demo|empty|hostile] [--latency ms] [--transition-ms ms, default ${DEFAULT_TRANSITION_MS}]`,
        );
        process.exit(0);
        break;
      default:
        throw new Error(`unknown option ${flag} (try --help)`);
    }
  }
  return opts;
}

async function main(): Promise<void> {
  let opts: ReturnType<typeof parseArgs>;
  try {
    opts = parseArgs(process.argv.slice(2));
  } catch (e) {
    console.error(`emulator: ${(e as Error).message}`);
    process.exit(2);
  }
  const emulator = new SageMakerEmulator({
    port: opts.port,
    host: opts.host,
    fixture: opts.fixture,
    latencyMs: opts.latencyMs,
    transitionMs: opts.transitionMs,
  });
  const url = await emulator.start().catch((e: NodeJS.ErrnoException) => {
    console.error(`emulator: cannot listen on ${opts.host}:${opts.port}: ${e.code ?? e.message}`);
    process.exit(1);
  });
  const { images, versions } = emulator.store.counts();
  const studio = emulator.studio.counts();
  console.log(`SageMaker images emulator listening on ${url}`);
  console.log(
    `fixture ${opts.fixture}: ${images} images, ${versions} versions; Studio: ${studio.domains} domains, ${studio.userProfiles} user profiles, ${studio.spaces} spaces; latency ${opts.latencyMs} ms; transitions ${opts.transitionMs} ms`,
  );
  console.log(`  AWS CLI:   aws sagemaker list-images --endpoint-url ${url} --region us-east-1`);
  console.log(`  SDK:       AWS_ENDPOINT_URL_SAGEMAKER=${url}`);
  console.log(`  extension: "sagemakerImages.endpoint": "${url}"`);
  console.log(`  requests:  curl ${url}/_emulator/requests`);
  const stop = () => {
    void emulator.stop().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

void main();
