// Whether a request writes to the database: the backend's write gate
// (electron/services/backend/write-gate.ts) holds back the ones that write while an archive
// merge holds the write lock, and lets the ones that only read through. Typed by the contract's
// channels, so a new channel does not compile until it says which it is. Exports write too:
// they add to the export log.
import type { Channel } from './contract';

export type ChannelAccess = 'reads' | 'writes';

export const CHANNEL_ACCESS: Record<Channel, ChannelAccess> = {
  'app.startup': 'reads',
  'app.about': 'reads',
  'backups.list': 'reads',
  'backups.create': 'writes',
  'backups.restore': 'writes',
  'startup.retry': 'writes',
  'startup.chooseDataFolder': 'writes',
  'startup.openReadOnly': 'writes',
  'startup.quit': 'writes',

  'app.info': 'reads',
  'settings.get': 'reads',
  'settings.update': 'writes',
  'settings.chooseBinary': 'writes',
  'settings.resetBinary': 'writes',
  'frameworks.list': 'reads',

  'trajectories.list': 'reads',
  'trajectories.create': 'writes',
  'trajectories.update': 'writes',
  'trajectories.delete': 'writes',
  'trajectories.forget': 'writes',
  'retention.list': 'reads',
  'retention.set': 'writes',
  'exportLog.list': 'reads',
  'exportLog.exportCsv': 'writes',

  'cycles.list': 'reads',
  'cycles.create': 'writes',
  'cycles.update': 'writes',
  'cycles.delete': 'writes',
  'workspace.get': 'reads',
  'cycle.header': 'reads',

  'recordings.addViaDialog': 'writes',
  'recordings.relocate': 'writes',
  'recordings.remove': 'writes',
  'recordings.reorder': 'writes',
  'recordings.cancelProxy': 'writes',
  'recordings.retryProxy': 'writes',
  'recordings.makeScrubProxy': 'writes',
  // Waveform and thumbnails are files in the media cache, not database rows.
  'media.timelineData': 'reads',
  'media.cancelTimeline': 'reads',

  'notes.create': 'writes',
  'notes.update': 'writes',
  'notes.delete': 'writes',
  'notes.restore': 'writes',
  'fragments.create': 'writes',
  'fragments.update': 'writes',
  'fragments.delete': 'writes',
  'fragments.restore': 'writes',

  'method.get': 'reads',
  'method.update': 'writes',
  'method.buildInterviewAgenda': 'writes',
  'method.buildReflectionAgenda': 'writes',
  'review.playlist': 'reads',
  'report.preview': 'reads',
  'report.export': 'writes',
  'report.background.get': 'reads',
  'report.background.set': 'writes',
  'pseudonyms.get': 'reads',
  'pseudonyms.set': 'writes',

  'exchange.info': 'reads',
  'exchange.exportFile': 'writes',
  'exchange.previewTranscript': 'reads',
  'exchange.importTranscript': 'writes',
  'exchange.exportArchive': 'writes',
  'exchange.importArchive': 'writes',
  'exchange.progress': 'reads',
  'exchange.cancel': 'reads',
  'exchange.conflicts': 'reads',
  'exchange.resolveConflicts': 'writes',

  'clips.export': 'writes',
  'clips.showreel': 'writes',
  'clips.cancel': 'reads',
  'alignment.list': 'reads',
  'alignment.decide': 'writes',
  'alignment.editResult': 'writes',
  'alignment.setComment': 'writes',
  'alignment.undo': 'writes',
  'alignment.exportAgreement': 'writes',
  'reviewPackage.plan': 'reads',
  'reviewPackage.make': 'writes',
  'reviewPackage.importAnswers': 'writes',
};
