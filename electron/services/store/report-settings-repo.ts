// Per trajectory, what its exports need beyond the analysis: the pseudonymisation list (names and
// their replacements, applied to every exported text) and the report's background text.
import type BetterSqlite3 from 'better-sqlite3';
import { z } from 'zod';
import { PseudonymList } from '../../../shared/report/pseudonym-list';
import type { Clock } from './clock';
import { writeTransaction } from './write-transaction';
import { notFound, parseInput, StoreError } from './store-error';

export interface ReportSettings {
  pseudonyms: PseudonymList;
  background: string;
}

export interface ReportSettingsRepo {
  /** The trajectory's settings; empty ones when nothing was saved yet. Throws not-found for an unknown trajectory. */
  get(trajectoryId: string): ReportSettings;
  setPseudonyms(trajectoryId: string, list: PseudonymList, author: string): PseudonymList;
  setBackground(trajectoryId: string, text: string, author: string): string;
}

const Background = z.string().max(50_000);

interface Row {
  pseudonyms_json: string;
  background: string;
}

export function createReportSettingsRepo(db: BetterSqlite3.Database, now: Clock): ReportSettingsRepo {
  const select = db.prepare<[string], Row>(
    'SELECT pseudonyms_json, background FROM trajectory_report_settings WHERE trajectory_id = ?',
  );
  const trajectoryExists = db.prepare<[string], { one: number }>('SELECT 1 AS one FROM trajectories WHERE id = ?');
  const upsertPseudonyms = db.prepare<{ id: string; json: string; now: string; author: string }>(
    `INSERT INTO trajectory_report_settings (trajectory_id, pseudonyms_json, created_at, updated_at, author)
     VALUES (@id, @json, @now, @now, @author)
     ON CONFLICT (trajectory_id) DO UPDATE SET pseudonyms_json = excluded.pseudonyms_json,
       updated_at = excluded.updated_at, author = excluded.author`,
  );
  const upsertBackground = db.prepare<{ id: string; text: string; now: string; author: string }>(
    `INSERT INTO trajectory_report_settings (trajectory_id, background, created_at, updated_at, author)
     VALUES (@id, @text, @now, @now, @author)
     ON CONFLICT (trajectory_id) DO UPDATE SET background = excluded.background,
       updated_at = excluded.updated_at, author = excluded.author`,
  );

  const requireTrajectory = (id: string) => {
    if (!trajectoryExists.get(id)) throw notFound('Trajectory', id);
  };

  return {
    get(trajectoryId) {
      requireTrajectory(trajectoryId);
      const row = select.get(trajectoryId);
      if (!row) return { pseudonyms: [], background: '' };
      const parsed = PseudonymList.safeParse(JSON.parse(row.pseudonyms_json));
      if (!parsed.success) {
        // Never export with a list we cannot read: that would leave names in.
        throw new StoreError('corrupt', `The pseudonym list of trajectory ${trajectoryId} cannot be read`);
      }
      return { pseudonyms: parsed.data, background: row.background };
    },
    setPseudonyms: writeTransaction(db, (trajectoryId: string, list: PseudonymList, author: string): PseudonymList => {
      const valid = parseInput(PseudonymList, list, 'pseudonym list');
      requireTrajectory(trajectoryId);
      upsertPseudonyms.run({ id: trajectoryId, json: JSON.stringify(valid), now: now(), author });
      return valid;
    }),
    setBackground: writeTransaction(db, (trajectoryId: string, text: string, author: string): string => {
      const valid = parseInput(Background, text, 'background');
      requireTrajectory(trajectoryId);
      upsertBackground.run({ id: trajectoryId, text: valid, now: now(), author });
      return valid;
    }),
  };
}
