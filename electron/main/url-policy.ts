// Which URLs the app's window may show. Pure, so it is unit-tested without Electron.
export const APP_SCHEME = 'vkz';
export const APP_ORIGIN = `${APP_SCHEME}://app`;
export const APP_ENTRY = `${APP_ORIGIN}/index.html`;

function parse(raw: string): URL | null {
  try {
    const url = new URL(raw);
    return url.protocol === `${APP_SCHEME}:` && url.host === 'app' && url.username === '' && url.password === '' ? url : null;
  } catch {
    return null;
  }
}

/** True only for URLs the `vkz://app/` protocol serves: where the app's IPC may come from. */
export function isAppUrl(raw: string): boolean {
  return parse(raw) !== null;
}

/**
 * True only for the app's entry document (its routes live in the hash): the one place the
 * window may navigate to. A recording, clip or asset opened as a page never becomes the window.
 */
export function isAppEntry(raw: string): boolean {
  const url = parse(raw);
  return url !== null && (url.pathname === '/' || url.pathname === '/index.html');
}
