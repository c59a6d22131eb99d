// The renderer's only way to the backend: typed calls over `window.vkz` (Electron preload or the
// test host's shim). A failed call throws ApiError carrying the AppError value.
import type { AddRecordingsResult, AppError, AppEvent, Channel, RequestOf, ResponseOf, VkzApi } from '../../shared/contract';

declare global {
  interface Window {
    vkz: VkzApi;
  }
}

export class ApiError extends Error {
  constructor(readonly error: AppError) {
    super(error.message);
  }
}

export async function call<C extends Channel>(channel: C, request: RequestOf<C>): Promise<ResponseOf<C>> {
  const result = await window.vkz.invoke(channel, request);
  if (!result.ok) throw new ApiError(result.error);
  return result.value;
}

export async function addDroppedFiles(cycleId: string, files: File[]): Promise<AddRecordingsResult> {
  const result = await window.vkz.addDroppedFiles(cycleId, files);
  if (!result.ok) throw new ApiError(result.error);
  return result.value;
}

export function onAppEvent(listener: (event: AppEvent) => void): () => void {
  return window.vkz.onEvent(listener);
}
