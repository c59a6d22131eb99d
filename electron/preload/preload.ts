// The preload: one narrow, typed API object on `window.vkz`, nothing else. Runs sandboxed.
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import type { AppEvent, VkzApi } from '../../shared/contract';

const api = {
  shell: 'electron',
  invoke: (channel, request) => ipcRenderer.invoke('vkz:invoke', channel, request),
  onEvent(listener) {
    const wrapped = (_event: Electron.IpcRendererEvent, payload: AppEvent) => listener(payload);
    ipcRenderer.on('vkz:event', wrapped);
    return () => ipcRenderer.off('vkz:event', wrapped);
  },
  addDroppedFiles(cycleId, files) {
    // Only here can a dropped File be turned into its path; the page never sees or sends paths.
    const paths = files.map((file) => webUtils.getPathForFile(file)).filter((p) => p.length > 0);
    return ipcRenderer.invoke('vkz:drop', { cycleId, paths });
  },
} satisfies VkzApi;

contextBridge.exposeInMainWorld('vkz', api);
