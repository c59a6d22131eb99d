// The media services' public API: find ffmpeg, probe files, decide whether the player needs a
// proxy, make proxies in a background queue, and serve media files with range support.
export { locateBinaries, verifyBinary, type BinarySource, type MediaBinaries, type MediaTool, type SkippedBinary } from './binaries';
export { MediaError, isMediaError, type MediaErrorCode } from './errors';
export { probeArgs, parseProbeOutput, probeMedia } from './probe';
export { decidePlayback, type PlaybackDecision } from './playability';
export { proxyOutputExtension, buildProxyArgs } from './proxy-args';
export { parseProgressChunk } from './progress';
export { runFfmpeg, runFfprobe } from './ffmpeg-runner';
export { createProxy, partialPathFor } from './proxy';
export { JobQueue, type JobEvent, type JobState } from './job-queue';
export { createFileResponse, mediaContentType, parseRangeHeader, SCRIPT_FREE_POLICY } from './media-response';
export { buildStillArgs, STILL_WIDTH, stillFileName, stillSeekSec, stillWidth } from './still-args';
export { jpegSize, stillCachePath, takeStill, type Still, type TakeStillOptions } from './still';
