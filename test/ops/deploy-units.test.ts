import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { folderLoader } from '../../src/knowledge/load.ts';
import { openLiveStore, type Built } from '../../src/knowledge/live-store.ts';
import { createMetrics } from '../../src/ops/metrics.ts';
import { FIXTURE_KNOWLEDGE_DIR, REPO, TODAY } from '../helpers.ts';
import { parseMetrics } from './metrics-text.ts';

const DEPLOY = join(REPO, 'deploy');
const UNITS = readdirSync(DEPLOY).filter((name) => /\.(service|timer)$/.test(name));
const ANALYZE = spawnSync('systemd-analyze', ['--version']).error === undefined;
const PROMTOOL = spawnSync('promtool', ['--version']).error === undefined;
const RULES = join(DEPLOY, 'residency-bot.rules.yml');

/** A unit file's settings, by section: `Key=value` lines, comments and continuation lines aside. */
function settings(name: string): Map<string, string[]> {
  const found = new Map<string, string[]>();
  let section = '';
  for (const line of readFileSync(join(DEPLOY, name), 'utf8').split('\n')) {
    const header = /^\[(\w+)\]$/.exec(line.trim());
    if (header) section = header[1]!;
    const setting = /^(\w+)=(.*)$/.exec(line);
    if (setting) found.set(`${section}.${setting[1]}`, [...(found.get(`${section}.${setting[1]}`) ?? []), setting[2]!]);
  }
  return found;
}

describe('the systemd units in deploy/', () => {
  it('include the service, and the daily backup with its timer', () => {
    expect(UNITS.sort()).toEqual([
      'residency-bot-backup.service',
      'residency-bot-backup.timer',
      'residency-bot.service',
    ]);
  });

  it.skipIf(!ANALYZE).each(UNITS)(
    '%s passes systemd-analyze verify with nothing to say (skipped only where systemd-analyze, from Debian’s systemd package, is not installed)',
    (name) => {
      const result = spawnSync('systemd-analyze', ['verify', name], { cwd: DEPLOY, encoding: 'utf8' });
      expect(result.stdout + result.stderr).toBe('');
      expect(result.status).toBe(0);
    },
  );

  it('given the bot’s service, then it runs as its own user from its folder with its settings file, restarts on failure but not on a configuration error, and is confined to its data folder', () => {
    const unit = settings('residency-bot.service');
    expect(unit.get('Service.User')).toEqual(['residency-bot']);
    expect(unit.get('Service.WorkingDirectory')).toEqual(['/opt/residency-bot']);
    expect(unit.get('Service.EnvironmentFile')).toEqual(['/etc/residency-bot/residency-bot.env']);
    expect(unit.get('Service.ExecStart')).toEqual(['node --import tsx src/main.ts']);
    expect(unit.get('Service.Restart')).toEqual(['on-failure']);
    expect(unit.get('Service.RestartPreventExitStatus')).toEqual(['2']);
    expect(unit.get('Service.NoNewPrivileges')).toEqual(['yes']);
    expect(unit.get('Service.ProtectSystem')).toEqual(['strict']);
    expect(unit.get('Service.ReadWritePaths')).toEqual(['/var/lib/residency-bot']);
    expect(unit.get('Service.PrivateTmp')).toEqual(['yes']);
    expect(unit.get('Install.WantedBy')).toEqual(['multi-user.target']);
  });

  it('given the backup’s service, then it runs the backup command as the bot’s user, into a new folder each time', () => {
    const unit = settings('residency-bot-backup.service');
    expect(unit.get('Service.User')).toEqual(['residency-bot']);
    expect(unit.get('Service.ExecStart')?.[0]).toContain('src/cli/backup.ts "/var/backups/residency-bot/$(date');
    expect(unit.get('Service.ReadWritePaths')).toEqual(['/var/lib/residency-bot /var/backups/residency-bot']);
  });
});

describe('the command wrapper in deploy/', () => {
  const WRAPPER = join(DEPLOY, 'residency-bot-command');

  it('is valid sh, and without a command prints its usage and exits 2 before running anything', () => {
    expect(spawnSync('sh', ['-n', WRAPPER]).status).toBe(0);
    const result = spawnSync('sh', [WRAPPER], { encoding: 'utf8' });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^usage: residency-bot COMMAND/);
  });

  it('runs commands as the service runs the bot: same user, folder and settings file', () => {
    const text = readFileSync(WRAPPER, 'utf8');
    const unit = settings('residency-bot.service');
    expect(text).toContain(`--uid=${unit.get('Service.User')![0]}`);
    expect(text).toContain(`--working-directory=${unit.get('Service.WorkingDirectory')![0]}`);
    expect(text).toContain(`--property=EnvironmentFile=${unit.get('Service.EnvironmentFile')![0]}`);
  });
});

describe('the Prometheus alerting rules in deploy/', () => {
  it.skipIf(!PROMTOOL)(
    'pass promtool check rules (skipped only where promtool, from Debian’s prometheus package, is not installed)',
    () => {
      const result = spawnSync('promtool', ['check', 'rules', RULES], { encoding: 'utf8' });
      expect(result.stderr).toBe('');
      expect(result.stdout).toMatch(/SUCCESS: \d+ rules found/);
      expect(result.status).toBe(0);
    },
  );

  it('name only metrics the bot exposes', async () => {
    const opened = await openLiveStore<Built>({
      load: folderLoader(FIXTURE_KNOWLEDGE_DIR, () => TODAY),
      build: (snapshot) => ({ snapshot }),
    });
    if (!opened.ok) throw new Error('fixture does not load');
    const metrics = createMetrics({
      store: opened.store,
      recorderStats: () => ({ rowsWritten: 0, writeErrors: 0, rowsDropped: 0, lastFailure: undefined, failing: false }),
      gatewayUp: () => true,
    });
    const exposed = new Set(parseMetrics(await metrics.render()).map((sample) => sample.name));
    metrics.close();
    const named = [...new Set(readFileSync(RULES, 'utf8').match(/\bresidency_bot_\w+/g))];
    expect(named.length).toBeGreaterThanOrEqual(5);
    expect(named.filter((name) => !exposed.has(name))).toEqual([]);
  });
});
