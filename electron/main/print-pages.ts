// Pages handed to the hidden print window through the app's own protocol
// (`vkz://app/__print/<random token>`), never as file:// and never as a data URL (Chromium caps
// URLs at 2 MB; a report with still frames is larger). Each page is served only while its
// print job runs, and under a policy that allows its own inline styles and embedded images.
import { randomUUID } from 'node:crypto';
import { APP_ORIGIN } from './url-policy';

const PREFIX = '/__print/';
const PRINT_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:";

export function createPrintPages() {
  const pages = new Map<string, string>();
  return {
    /** Makes `html` available at the returned URL until `remove` is called. */
    add(html: string): { url: string; remove(): void } {
      const token = randomUUID();
      pages.set(token, html);
      return { url: `${APP_ORIGIN}${PREFIX}${token}`, remove: () => pages.delete(token) };
    },
    /** The response for a print page, or null when the request is for something else. */
    respond(request: Request): Response | null {
      const { pathname } = new URL(request.url);
      if (!pathname.startsWith(PREFIX)) return null;
      const html = pages.get(pathname.slice(PREFIX.length));
      if (html === undefined) return new Response('Not found', { status: 404 });
      return new Response(html, {
        headers: { 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': PRINT_POLICY },
      });
    },
  };
}
