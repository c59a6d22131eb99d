// The analysis page's layout (workspace-layout.ts), remembered in this browser profile.
import { useCallback, useState } from 'react';
import { parseLayout, type WorkspaceLayout } from './workspace-layout';

const STORAGE_KEY = 'vkz.workspaceLayout.v1';

function readStored(): string | null {
  try {
    return window.localStorage.getItem(STORAGE_KEY);
  } catch {
    return null; // storage disabled: the defaults, every time
  }
}

export function useWorkspaceLayout(): [WorkspaceLayout, (patch: Partial<WorkspaceLayout>) => void] {
  const [layout, setLayout] = useState(() => parseLayout(readStored()));
  const update = useCallback((patch: Partial<WorkspaceLayout>) => {
    setLayout((current) => {
      const next = { ...current, ...patch };
      try {
        window.localStorage.setItem(STORAGE_KEY, JSON.stringify(next));
      } catch (error) {
        console.warn('[vkz] could not remember the layout', error);
      }
      return next;
    });
  }, []);
  return [layout, update];
}
