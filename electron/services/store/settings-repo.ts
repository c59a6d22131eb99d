// Settings: one row per key, value as JSON. Keys never written read as their default, so a
// new setting needs no migration. A stored value this build can't read (say, a language a
// newer VKZ added) also reads as the default instead of failing.
import type BetterSqlite3 from 'better-sqlite3';
import { Settings } from '../../../shared/domain';
import type { Clock } from './clock';
import { parseInput } from './store-error';
import { writeTransaction } from './write-transaction';

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  authorName: '',
  language: 'nl',
  ffmpegPath: '',
  ffprobePath: '',
});

const SettingsPatch = Settings.partial().strict();

export interface SettingsRepo {
  get(): Settings;
  /** Stores the given keys and returns all settings. */
  update(patch: Partial<Settings>): Settings;
}

interface SettingRow {
  key: string;
  value_json: string;
}

export function createSettingsRepo(db: BetterSqlite3.Database, now: Clock): SettingsRepo {
  const selectAll = db.prepare<[], SettingRow>('SELECT key, value_json FROM settings');
  const upsert = db.prepare<{ key: string; valueJson: string; now: string }>(
    `INSERT INTO settings (key, value_json, updated_at) VALUES (@key, @valueJson, @now)
     ON CONFLICT (key) DO UPDATE SET value_json = excluded.value_json, updated_at = excluded.updated_at`,
  );

  function get(): Settings {
    const settings: Settings = { ...DEFAULT_SETTINGS };
    for (const row of selectAll.all()) {
      if (!Object.hasOwn(Settings.shape, row.key)) continue;
      const key = row.key as keyof Settings;
      let value: unknown;
      try {
        value = JSON.parse(row.value_json);
      } catch {
        continue;
      }
      const parsed = Settings.shape[key].safeParse(value);
      if (parsed.success) Object.assign(settings, { [key]: parsed.data });
    }
    return settings;
  }

  const writePatch = writeTransaction(db, (patch: Partial<Settings>) => {
    const stamp = now();
    for (const [key, value] of Object.entries(patch)) {
      if (value === undefined) continue;
      upsert.run({ key, valueJson: JSON.stringify(value), now: stamp });
    }
  });

  return {
    get,
    update(patch) {
      writePatch(parseInput(SettingsPatch, patch, 'settings'));
      return get();
    },
  };
}
