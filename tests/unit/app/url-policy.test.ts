import { describe, expect, it } from 'vitest';
import { APP_ENTRY, isAppEntry, isAppUrl } from '../../../electron/main/url-policy';

const ELSEWHERE = [
  'https://example.org/',
  'http://127.0.0.1:5173/',
  'file:///etc/passwd',
  'vkz://evil/index.html',
  'vkz://user:pw@app/',
  'javascript:alert(1)',
  'data:text/html,hi',
  'not a url',
  '',
];

describe('the window may only show the app itself', () => {
  it.each([APP_ENTRY, 'vkz://app/', 'vkz://app/#/cycle/2b7c3a0e-3f0e-4c8e-9a55-0c9d3f1f8e11', 'vkz://app/media/x'])(
    'counts %s as the app (IPC may come from it)',
    (url) => expect(isAppUrl(url)).toBe(true),
  );

  it.each(ELSEWHERE)('refuses %s', (url) => expect(isAppUrl(url)).toBe(false));

  it.each([APP_ENTRY, 'vkz://app/', 'vkz://app/#/cycle/2b7c3a0e-3f0e-4c8e-9a55-0c9d3f1f8e11', `${APP_ENTRY}?x=1#/`])(
    'may navigate to the entry document %s',
    (url) => expect(isAppEntry(url)).toBe(true),
  );

  it.each([
    ...ELSEWHERE,
    'vkz://app/media/2b7c3a0e-3f0e-4c8e-9a55-0c9d3f1f8e11',
    'vkz://app/clips/2b7c3a0e-3f0e-4c8e-9a55-0c9d3f1f8e11',
    'vkz://app/assets/icon.svg',
    'vkz://app/index.html/../media/x',
  ])('may not navigate to %s', (url) => expect(isAppEntry(url)).toBe(false));
});
