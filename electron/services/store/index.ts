// The store: VKZ's one SQLite database, its migrations and one repository per table group.
export { openStore, STORE_FILE_NAME, STORE_PRAGMAS, type Store } from './open-store';
export { lockDataFolder, LOCK_FILE_NAME, type DataFolderLock } from './data-folder-lock';
export { StoreError, isStoreError, type StoreErrorCode } from './store-error';
export { LATEST_SCHEMA_VERSION } from './migrations';
export { DEFAULT_SETTINGS, type SettingsRepo } from './settings-repo';
export type { TrajectoriesRepo, TrajectoryCreate, TrajectoryPatch } from './trajectories-repo';
export type { CyclesRepo, CycleCreate, CyclePatch } from './cycles-repo';
export type { RecordingsRepo, RecordingCreate, ProxyUpdate } from './recordings-repo';
export type { NotesRepo, NoteCreate, NotePatch } from './notes-repo';
export { DEFAULT_VALENCE, type FragmentsRepo, type FragmentCreate, type FragmentPatch } from './fragments-repo';
export { DURATION_TOLERANCE_SEC } from '../../../shared/input-rules';
export type { MethodsRepo } from './methods-repo';
export type { AlignmentsRepo, AlignmentDecisionCreate, SharedAlignmentDecision } from './alignments-repo';
export type { ReportSettings, ReportSettingsRepo } from './report-settings-repo';
export type { RetentionRepo } from './retention-repo';
export type { ExportLogInput, ExportLogRepo } from './export-log-repo';
export type { Forgetting, ForgottenRecords, ForgottenRecording } from './forget-trajectory';
export type { IdKind } from './id-owners';
export type {
  ExchangeRepo,
  MergeLogEntry,
  MergeRecordType,
  SharedFragment,
  SharedMethodRow,
  SharedNote,
  SharedReportSettingsRow,
  SharedTrajectory,
  StoredConflict,
} from './exchange-repo';
