// File name extensions offered in the open dialog. Anything else can still be chosen ("*"):
// ffprobe decides what a file really is.
export const MEDIA_EXTENSIONS = [
  'mp4', 'm4v', 'mov', 'mkv', 'webm', 'avi', 'wmv', 'mpg', 'mpeg', 'ts', 'mts', '3gp',
  'm4a', 'mp3', 'wav', 'ogg', 'opus', 'flac', 'aac', 'wma', 'amr',
] as const;

/** True for `.mp4`, `MOV`, … : an extension (with or without dot, any case) of the list above. */
export function isMediaExtension(extension: string): boolean {
  return (MEDIA_EXTENSIONS as readonly string[]).includes(extension.replace(/^\./, '').toLowerCase());
}
