// Electron's security checklist, applied in one place: no navigation but to the app's entry document, no new
// windows, no webviews, no permissions, no network requests, IPC only from the app's own frame.
import { app, session, type WebContents, type WebFrameMain } from 'electron';
import { isAppEntry, isAppUrl } from './url-policy';

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
  ses.webRequest.onBeforeRequest({ urls: ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*'] }, (_details, callback) =>
    callback({ cancel: true }),
  );
}
