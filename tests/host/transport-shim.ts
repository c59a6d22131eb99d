// Injected by the test host in place of Electron's preload: the same `window.vkz` API object,
// carried over HTTP. The renderer cannot tell the difference.
import type { AppEvent, VkzApi } from '../../shared/contract';

const listeners = new Set<(event: AppEvent) => void>();
const events = new EventSource('/api/events');
events.onmessage = (message) => {
  const event = JSON.parse(message.data) as AppEvent;
  for (const listener of listeners) listener(event);
};

const api: VkzApi = {
  shell: 'test-host',
  async invoke(channel, request) {
    const response = await fetch(`/api/invoke/${channel}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(request ?? {}),
    });
    return response.json();
  },
  onEvent(listener) {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  async addDroppedFiles() {
    // A browser gives a page no file paths; only the Electron preload can add dropped files.
    return { ok: false, error: { code: 'drop-unsupported', message: 'Dropping files needs the desktop app' } };
  },
};

Object.defineProperty(window, 'vkz', { value: Object.freeze(api), writable: false });
