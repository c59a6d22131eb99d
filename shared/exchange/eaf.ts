// ELAN annotation documents (.eaf): export per recording, import of VKZ's own and ELAN-made
// files. The parts: eaf-format.ts (conventions), eaf-export.ts, eaf-import.ts, xml.ts.
export { EafParseError, formatFragmentValue, parseFragmentValue, type FragmentValue } from './eaf-format';
export {
  EAF_NOTE_MAX_SEC,
  mediaMimeType,
  toEaf,
  toEafFiles,
  type EafExportInput,
  type EafFile,
  type EafFragment,
  type EafNote,
  type EafRecording,
} from './eaf-export';
export { fromEaf, type EafImport, type EafImportedFragment, type EafImportedNote } from './eaf-import';
