// Data exchange: the formats other tools read (CSV, ELAN, WebVTT, SRT), transcript import, and
// the project archive that carries a trajectory between researchers with merge and conflicts.
export { ARCHIVE_EXTENSION, ARCHIVE_FORMAT, ARCHIVE_FORMAT_VERSION } from './archive-model';
export { collectArchiveData, estimateMediaBytes, exportArchive, type ArchiveExportResult, type ExportScope } from './archive-export';
export { mediaDirOf, type ArchiveImportResult, type ImportCounts } from './archive-import';
export { importArchive, previewTranscriptFile } from './exchange-worker-client';
export { describeConflict, listConflicts, resolveConflict, type ConflictView } from './conflicts';
export { ExchangeError, type ExchangeErrorCode } from './exchange-error';
export { allFormatExports, exportFormat, FORMAT_EXTENSION, pseudonymsOfCycle, type ExportedFile, type ExportFormat } from './format-exports';
export { decideMerge, hashContent, unitePseudonyms, type MergeDecision } from './merge-plan';
export {
  decodeTextFile,
  previewTranscript,
  TRANSCRIPT_EXTENSIONS,
  type TranscriptFormat,
  type TranscriptFragmentDraft,
  type TranscriptNoteDraft,
  type TranscriptPreview,
} from './transcript-import';
