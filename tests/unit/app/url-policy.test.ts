import { describe, expect, it } from 'vitest';
import { APP_ENTRY, isAppUrl } from '../../../electron/main/url-policy';

describe('the window may only show the app itself', () => {
  it.each([APP_ENTRY, 'vkz://app/', 'vkz://app/#/cycle/2b7c3a0e-3f0e-4c8e-9a55-0c9d3f1f8e11', 'vkz://app/media/x'])(
    'allows %s',
    (url) => expect(isAppUrl(url)).toBe(true),
  );

  it.each([
    'https://example.org/',
    'http://127.0.0.1:5173/',
    'file:///etc/passwd',
    'vkz://evil/index.html',
    'vkz://user:pw@app/',
    'javascript:alert(1)',
    'data:text/html,hi',
    'not a url',
    '',
  ])('refuses %s', (url) => expect(isAppUrl(url)).toBe(false));
});
