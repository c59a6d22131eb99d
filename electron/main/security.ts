// Electron's security checklist, applied in one place: no navigation but to the app's entry document, no new
// windows, no webviews, no permissions, no network requests, IPC only from the app's own frame.
import { app, session, type WebContents, type WebFrameMain } from 'electron';
import { isAppEntry, isAppUrl } from './url-policy';

/** Loopback, port 1 (tcpmux, never served by a desktop): refused at once, never routed off the machine. */
export const NO_DICTIONARY_DOWNLOADS = 'http://127.0.0.1:1/';

export function isTrustedSender(frame: WebFrameMain | null): boolean {
  return frame !== null && isAppUrl(frame.url);
}

function lockDownContents(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAppEntry(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppEntry(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

export function applySecurityPolicy(): void {
  app.on('web-contents-created', (_event, contents) => lockDownContents(contents));

  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  // Recordings are sensitive personal data: the app itself never talks to a network.
  // Chromium's spellchecker downloads Hunspell dictionaries from a CDN on Windows and Linux,
  // outside webRequest: point it at a loopback port nothing listens on, so it finds nothing and
  // nothing leaves the machine. Where the OS has a spellchecker (macOS), that one is used.
  if (process.platform !== 'darwin') ses.setSpellCheckerDictionaryDownloadURL(NO_DICTIONARY_DOWNLOADS);
  ses.webRequest.onBeforeRequest({ urls: ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*'] }, (_details, callback) =>
    callback({ cancel: true }),
  );
}
