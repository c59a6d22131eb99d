// Files dragged from the file manager onto the workspace become recordings.
import { useState } from 'react';
import { useReadOnly } from '../startup/read-only';

export function useFileDrop(onFiles: (files: File[]) => void) {
  const [dragging, setDragging] = useState(false);
  const readOnly = useReadOnly(); // then files are not taken: the browser shows they can't be dropped
  const handlers = {
    onDragOver: (event: React.DragEvent) => {
      if (!readOnly && event.dataTransfer.types.includes('Files')) {
        event.preventDefault();
        setDragging(true);
      }
    },
    onDragLeave: () => setDragging(false),
    onDrop: (event: React.DragEvent) => {
      event.preventDefault();
      setDragging(false);
      const files = [...event.dataTransfer.files];
      if (files.length > 0 && !readOnly) onFiles(files);
    },
  };
  return { dragging, handlers };
}
