// The one error type the media services throw. `code` says what went wrong in a way the UI can
// translate (it maps the code to Dutch text); `message` is English, for logs; `detail` carries
// raw tool output (e.g. the last lines of ffmpeg's stderr) for a "details" disclosure.

export type MediaErrorCode =
  | 'no-ffmpeg'
  | 'not-found'
  | 'empty'
  | 'not-media'
  | 'no-streams'
  | 'unreadable'
  | 'truncated'
  | 'cancelled'
  | 'ffmpeg-failed';

export class MediaError extends Error {
  override readonly name = 'MediaError';
  readonly code: MediaErrorCode;
  readonly detail?: string;

  constructor(code: MediaErrorCode, message: string, detail?: string) {
    super(message);
    this.code = code;
    if (detail !== undefined && detail !== '') this.detail = detail;
  }
}

export function isMediaError(error: unknown, code?: MediaErrorCode): error is MediaError {
  return error instanceof MediaError && (code === undefined || error.code === code);
}
