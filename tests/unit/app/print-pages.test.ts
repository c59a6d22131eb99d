import { describe, expect, it } from 'vitest';
import { createPrintPages } from '../../../electron/main/print-pages';

describe('print pages (the hidden print window reads the report through the app protocol)', () => {
  it('serves a page only while its print job runs, under a policy without scripts', async () => {
    const pages = createPrintPages();
    const page = pages.add('<h1>Rapport</h1>');
    expect(page.url).toMatch(/^vkz:\/\/app\/__print\/[0-9a-f-]{36}$/);
    const response = pages.respond(new Request(page.url))!;
    expect(await response.text()).toBe('<h1>Rapport</h1>');
    expect(response.headers.get('Content-Security-Policy')).toContain("default-src 'none'");
    expect(response.headers.get('Content-Security-Policy')).not.toContain('script');
    page.remove();
    expect(pages.respond(new Request(page.url))!.status).toBe(404);
    expect(pages.respond(new Request('vkz://app/__print/guessed-token'))!.status).toBe(404);
    expect(pages.respond(new Request('vkz://app/index.html'))).toBeNull();
  });
});
