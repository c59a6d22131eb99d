// The export log (shared/privacy/export-log.ts): every service that writes a file with a
// trajectory's data reports it here once the file is written; the Rapport & export page lists
// the log and saves it as CSV for the project's data-management file.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Language } from '../../../shared/domain';
import { exportLogToCsv, pseudonymFingerprint, type ExportLogEntry, type ExportKind } from '../../../shared/privacy/export-log';
import type { Store } from '../store';
import { UserFacingError } from './errors';

/** What a service knows about an export it just wrote. */
export interface ExportRecord {
  trajectoryId: string;
  what: ExportKind;
  /** "trajectory", "cycle:2", "cycle:2/video:1", "cycle:2/fragments:3" */
  scope: string;
  format: string;
  destination: string;
  /** Pieces of "niet delen" feedback left out; 0 where feedback does not go at all. */
  withheld?: number;
}

export type RecordExport = (record: ExportRecord) => void;

export interface ExportLogServiceOptions {
  store: Store;
  author: () => string;
  language: () => Language;
  pickSavePath?(options: { defaultName: string; extensions: string[] }): Promise<string | null>;
}

export class ExportLogService {
  constructor(private readonly opts: ExportLogServiceOptions) {}

  readonly record: RecordExport = (record) => {
    const { pseudonyms } = this.opts.store.reportSettings.get(record.trajectoryId);
    this.opts.store.exportLog.add({
      trajectoryId: record.trajectoryId,
      author: this.opts.author(),
      what: record.what,
      scope: record.scope,
      format: record.format,
      destination: record.destination,
      pseudonymCount: pseudonyms.length,
      pseudonymFingerprint: pseudonymFingerprint(pseudonyms),
      withheld: record.withheld ?? 0,
    });
  };

  list(trajectoryId: string): ExportLogEntry[] {
    return this.opts.store.exportLog.listByTrajectory(trajectoryId);
  }

  /** Asks where to save, writes the log as CSV; path null when the user cancelled. */
  async exportCsv(trajectoryId: string): Promise<{ path: string | null }> {
    const trajectory = this.opts.store.trajectories.get(trajectoryId);
    if (!trajectory) throw new UserFacingError('trajectory.not-found', `No trajectory ${trajectoryId}`);
    if (!this.opts.pickSavePath) throw new UserFacingError('exchange.no-dialog', 'This shell has no save dialog');
    const lang = this.opts.language();
    const name = lang === 'nl' ? 'Exportlog' : 'Export log';
    const chosen = await this.opts.pickSavePath({ defaultName: `${name} ${trajectory.caseManager}.csv`, extensions: ['csv'] });
    if (!chosen) return { path: null };
    const target = path.extname(chosen).toLowerCase() === '.csv' ? chosen : `${chosen}.csv`;
    await writeFile(target, exportLogToCsv(this.list(trajectoryId), lang), 'utf8');
    return { path: target };
  }
}
