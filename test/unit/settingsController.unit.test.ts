/**
 * SettingsController in plain Node: a burst of configuration changes is one apply, applies never
 * overlap, a profile that does not exist is refused and the settings in force stay, the sort pair
 * reloads the versions once (after both keys are written), and settled() waits for the last apply.
 * The effects are recorded, and the settings are validated by the real checkConnectionSettings.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ConnectionSettings } from '../../src/model/settings';
import {
  SettingsController,
  SORT_SETTINGS,
  WATCHED_SETTINGS,
  type ConfiguredConnection,
  type SettingsEffects,
  type SettingsRefusal,
} from '../../src/model/settingsController';

/** A settings store, a session and a tree, as far as the controller sees them; every effect is logged. */
class FakeWorld implements SettingsEffects {
  configured: ConfiguredConnection = { regions: [] };
  sort = { sortBy: 'CREATION_TIME', sortOrder: 'DESCENDING' };
  inForce: ConnectionSettings = {};
  timeoutMs = 20_000;
  configuredTimeoutMs = 20_000;
  profiles = new Set(['default', 'work']);
  /** Profile checks the test answers by hand (see holdProfileChecks). */
  private heldChecks: (() => void)[] | undefined;
  readonly log: string[] = [];
  readonly refusals: SettingsRefusal[] = [];

  readConnection(): ConfiguredConnection {
    return this.configured;
  }
  currentConnection(): ConnectionSettings {
    return this.inForce;
  }
  async profileExists(profile: string): Promise<boolean> {
    this.log.push(`profileExists ${profile}`);
    if (this.heldChecks) await new Promise<void>((resolve) => this.heldChecks!.push(resolve));
    return this.profiles.has(profile);
  }
  useConnection(next: ConnectionSettings): boolean {
    if (JSON.stringify(next) === JSON.stringify(this.inForce)) return false;
    this.inForce = next;
    this.log.push(`useConnection ${JSON.stringify(next)}`);
    return true;
  }
  useRequestTimeout(): boolean {
    if (this.configuredTimeoutMs === this.timeoutMs) return false;
    this.timeoutMs = this.configuredTimeoutMs;
    this.log.push(`useRequestTimeout ${this.timeoutMs}`);
    return true;
  }
  refreshAll(): void {
    this.log.push(`refreshAll regions=${this.configured.regions.join(',')}`);
  }
  reloadVersions(): void {
    this.log.push(`reloadVersions ${this.sort.sortBy} ${this.sort.sortOrder}`);
  }
  async connectionChanged(): Promise<void> {
    this.log.push('connectionChanged');
  }
  refused(refusal: SettingsRefusal): void {
    this.refusals.push(refusal);
    this.log.push(`refused ${refusal.kind}`);
  }
  failed(error: unknown): void {
    this.log.push(`failed ${String(error)}`);
  }

  holdProfileChecks(): void {
    this.heldChecks = [];
  }
  answerProfileChecks(): void {
    const held = this.heldChecks ?? [];
    this.heldChecks = undefined;
    for (const answer of held) answer();
  }
  get heldCount(): number {
    return this.heldChecks?.length ?? 0;
  }
}

/** What a ConfigurationChangeEvent for these keys answers. */
const touching =
  (...keys: string[]) =>
  (key: string) =>
    keys.includes(key);

/** Lets every pending microtask and timer callback run (no clock: one macrotask turn). */
const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('SettingsController', () => {
  let world: FakeWorld;
  let controller: SettingsController;

  beforeEach(() => {
    world = new FakeWorld();
    controller = new SettingsController(world);
  });

  it('applies a burst (connection, regions and both sort keys in one tick) once', async () => {
    world.configured = { region: 'eu-west-1', regions: ['eu-west-1', 'us-east-1'] };
    world.sort = { sortBy: 'VERSION', sortOrder: 'ASCENDING' };
    controller.changed(touching('region'));
    controller.changed(touching('regions'));
    controller.changed(touching(SORT_SETTINGS.sortBy));
    controller.changed(touching(SORT_SETTINGS.sortOrder));
    await controller.settled();
    assert.equal(controller.applies, 1);
    assert.deepEqual(world.log, ['useConnection {"region":"eu-west-1"}', 'refreshAll regions=eu-west-1,us-east-1', 'connectionChanged']);
  });

  it('applies two bursts one after the other, never overlapping', async () => {
    world.holdProfileChecks();
    world.configured = { profile: 'work', regions: [] };
    controller.changed(touching('profile'));
    await turn();
    assert.equal(world.heldCount, 1, 'the first apply is waiting for its profile check');
    // A second burst while the first apply is still running.
    world.configured = { profile: 'work', region: 'eu-central-1', regions: [] };
    controller.changed(touching('region'));
    controller.changed(touching('pageSize'));
    await turn();
    assert.equal(controller.applies, 1, 'the second apply waits for the first');
    assert.deepEqual(world.log, ['profileExists work']);
    const settled = controller.settled();
    world.answerProfileChecks();
    await settled;
    assert.equal(controller.applies, 2);
    assert.deepEqual(world.log, [
      'profileExists work',
      // The first apply puts in force what it read when it started; the second, the region too.
      'useConnection {"profile":"work"}',
      'refreshAll regions=',
      'connectionChanged',
      'useConnection {"profile":"work","region":"eu-central-1"}',
      'refreshAll regions=',
      'connectionChanged',
    ]);
  });

  it('refuses a profile that does not exist and keeps the settings in force', async () => {
    world.inForce = { profile: 'work', region: 'us-east-1' };
    world.configured = { profile: 'no-such-profile', region: 'us-east-1', regions: [] };
    controller.changed(touching('profile'));
    await controller.settled();
    assert.deepEqual(world.inForce, { profile: 'work', region: 'us-east-1' });
    assert.deepEqual(world.refusals, [{ kind: 'unknownProfile', profile: 'no-such-profile' }]);
    assert.deepEqual(world.log, ['profileExists no-such-profile', 'refused unknownProfile'], 'nothing refreshed');
  });

  it('treats a profile check that fails as a profile that does not exist', async () => {
    world.profileExists = () => Promise.reject(new Error('config file unreadable'));
    world.configured = { profile: 'work', regions: [] };
    controller.changed(touching('profile'));
    await controller.settled();
    assert.deepEqual(world.inForce, {});
    assert.deepEqual(world.refusals, [{ kind: 'unknownProfile', profile: 'work' }]);
  });

  it('refuses an invalid setting with the check’s message, and still rebuilds the roots for a regions change', async () => {
    world.inForce = { region: 'us-east-1' };
    world.configured = { region: 'us-east-1', regions: ['eu-west-1'], endpoint: 'ftp://127.0.0.1' };
    controller.changed(touching('regions'));
    await controller.settled();
    assert.deepEqual(world.inForce, { region: 'us-east-1' });
    assert.equal(world.refusals.length, 1);
    assert.equal(world.refusals[0].kind, 'invalid');
    assert.match((world.refusals[0] as { message: string }).message, /^sagemakerImages\.endpoint: .*http or https/);
    assert.deepEqual(world.log, ['refused invalid', 'refreshAll regions=eu-west-1']);
  });

  it('does not check the profile in force again', async () => {
    world.inForce = { profile: 'work' };
    world.configured = { profile: 'work', endpoint: 'http://127.0.0.1:4566', regions: [] };
    controller.changed(touching('endpoint'));
    await controller.settled();
    assert.deepEqual(world.log, [
      'useConnection {"profile":"work","endpoint":"http://127.0.0.1:4566"}',
      'refreshAll regions=',
      'connectionChanged',
    ]);
  });

  it('reloads the versions once for the sort pair written by one write, in the new order', async () => {
    await controller.writing(async () => {
      world.sort = { ...world.sort, sortBy: 'VERSION' };
      controller.changed(touching(SORT_SETTINGS.sortBy));
      // VS Code answers a write in a later task: the first key's change is reported well before the second's.
      await turn();
      await turn();
      world.sort = { ...world.sort, sortOrder: 'ASCENDING' };
      controller.changed(touching(SORT_SETTINGS.sortOrder));
    });
    await controller.settled();
    assert.equal(controller.applies, 1);
    assert.deepEqual(world.log, ['reloadVersions VERSION ASCENDING'], 'no reload for the half-written pair');
  });

  it('without a write around them, two sort changes in different tasks reload twice (each is its own burst)', async () => {
    controller.changed(touching(SORT_SETTINGS.sortBy));
    await turn();
    controller.changed(touching(SORT_SETTINGS.sortOrder));
    await controller.settled();
    assert.equal(controller.applies, 2);
  });

  it('refreshes once for a page size change alone, and does not reload the versions as well', async () => {
    controller.changed(touching('pageSize'));
    await controller.settled();
    assert.equal(controller.applies, 1);
    assert.deepEqual(world.log, ['refreshAll regions=']);
  });

  it('a page size change is in force before the task that reported it ends', async () => {
    controller.changed(touching('pageSize'));
    // Microtasks only: VS Code resolves a settings write in a later task, so its caller sees the change applied.
    await Promise.resolve();
    await Promise.resolve();
    assert.deepEqual(world.log, ['refreshAll regions=']);
  });

  it('puts a new request timeout in force and refreshes once, even together with a page size change', async () => {
    world.configuredTimeoutMs = 5_000;
    controller.changed(touching('requestTimeoutSeconds', 'pageSize'));
    await controller.settled();
    assert.deepEqual(world.log, ['useRequestTimeout 5000', 'refreshAll regions=']);
  });

  it('ignores an unchanged request timeout and settings it does not follow', async () => {
    controller.changed(touching('requestTimeoutSeconds'));
    controller.changed(touching('someOtherSetting'));
    await controller.settled();
    assert.deepEqual(world.log, []);
  });

  it('one entry in regions is the region', async () => {
    world.configured = { region: 'us-east-1', regions: ['ap-south-1'] };
    controller.changed(touching('regions'));
    await controller.settled();
    assert.deepEqual(world.inForce, { region: 'ap-south-1' });
  });

  it('settled() resolves at once when nothing changed, and waits for an apply scheduled while it waited', async () => {
    await controller.settled();
    assert.equal(controller.applies, 0);
    world.holdProfileChecks();
    world.configured = { profile: 'work', regions: [] };
    controller.changed(touching('profile'));
    let done = false;
    const settled = controller.settled().then(() => (done = true));
    await turn();
    controller.changed(touching('pageSize'));
    world.answerProfileChecks();
    await settled;
    assert.ok(done);
    assert.equal(controller.applies, 2, 'the apply scheduled during the wait had run too');
    assert.equal(world.log.at(-1), 'refreshAll regions=');
  });

  it('logs an apply that throws, and applies the next change as usual', async () => {
    world.refreshAll = () => {
      throw new Error('tree disposed');
    };
    controller.changed(touching('pageSize'));
    await controller.settled();
    assert.deepEqual(world.log, ['failed Error: tree disposed']);
    world.refreshAll = FakeWorld.prototype.refreshAll;
    controller.changed(touching('pageSize'));
    await controller.settled();
    assert.equal(world.log.at(-1), 'refreshAll regions=');
  });

  it('follows every setting package.json contributes except hovers.enabled and readOnly (read on each hover, each command)', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(__dirname, '../../../package.json'), 'utf8')) as {
      contributes: { configuration: { properties: Record<string, unknown> } };
    };
    const contributed = Object.keys(manifest.contributes.configuration.properties)
      .map((key) => key.replace(/^sagemakerImages\./, ''))
      .filter((key) => key !== 'hovers.enabled' && key !== 'readOnly');
    assert.deepEqual(Object.keys(WATCHED_SETTINGS).sort(), contributed.sort());
  });
});
