// Reading an answers file (.vkz-antwoorden) that came back from a case manager. The checksum is a
// SHA-256 (Web Crypto, in Node and in browsers) of the file's content written as one JSON array
// in a fixed order; the package page (resources/review-package/index.html, `checksumPayload`)
// computes it the same way. It catches a file edited by hand or cut off in transit, not an
// attacker (who could recompute it): the file carries nothing that is trusted beyond text.
import { AnswersFile } from './model';

export type AnswersFileProblem = 'unreadable' | 'not-answers' | 'tampered' | 'other-cycle' | 'too-many-packages';

/** Why an answers file is refused; `problem` picks the message the researcher sees. */
export class AnswersFileError extends Error {
  constructor(
    readonly problem: AnswersFileProblem,
    message: string,
  ) {
    super(message);
    this.name = 'AnswersFileError';
  }
}

/** An answers file is a few kilobytes; anything this big is not one. */
export const MAX_ANSWERS_FILE_BYTES = 2 * 1024 * 1024;

type ChecksumContent = Omit<AnswersFile, 'checksum'>;

/** The text the checksum is taken of. Keep in step with `checksumPayload` in the page template. */
export function checksumPayload(content: ChecksumContent): string {
  return JSON.stringify([
    content.format,
    content.version,
    content.packageId,
    content.cycleId,
    content.savedAt,
    content.answers.map((a) => [a.itemId, a.title, a.text, a.discuss]),
    content.doubts,
  ]);
}

/** SHA-256 of the payload, as 64 lower-case hex digits. */
export async function answersChecksum(content: ChecksumContent): Promise<string> {
  const bytes = new TextEncoder().encode(checksumPayload(content));
  const digest = new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', bytes));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * The answers in a file's text, checked: JSON (a cut-off file is not), the answers file's shape,
 * and its checksum. Throws AnswersFileError.
 */
export async function readAnswersFile(text: string): Promise<AnswersFile> {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new AnswersFileError('unreadable', `The answers file is not complete JSON: ${(error as Error).message}`);
  }
  const parsed = AnswersFile.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AnswersFileError('not-answers', `Not an answers file: ${issue?.path.join('.') || 'file'}: ${issue?.message ?? 'bad shape'}`);
  }
  const { checksum, ...content } = parsed.data;
  if ((await answersChecksum(content)) !== checksum) {
    throw new AnswersFileError('tampered', 'The answers file was changed after it was saved (checksum mismatch)');
  }
  return parsed.data;
}
