// Which URLs the app's window may show. Pure, so it is unit-tested without Electron.
export const APP_SCHEME = 'vkz';
export const APP_ORIGIN = `${APP_SCHEME}://app`;
export const APP_ENTRY = `${APP_ORIGIN}/index.html`;

/** True only for the app's own pages, served by the `vkz://app/` protocol. */
export function isAppUrl(raw: string): boolean {
  try {
    const url = new URL(raw);
    return url.protocol === `${APP_SCHEME}:` && url.host === 'app' && url.username === '' && url.password === '';
  } catch {
    return false;
  }
}
