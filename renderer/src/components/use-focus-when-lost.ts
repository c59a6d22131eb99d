// After a page change the focused element is gone and the focus falls back to the document: a
// keyboard user would have to start again from the top. A page's heading takes the focus then
// (never when something else has it), so Tab continues from the page's beginning and a screen
// reader announces where the user is.
import { useEffect, type RefObject } from 'react';

export function useFocusWhenLost(ref: RefObject<HTMLElement | null>, ready = true): void {
  useEffect(() => {
    const element = ref.current;
    if (!ready || !element) return;
    const active = document.activeElement;
    if (active === null || active === document.body) element.focus({ preventScroll: true });
  }, [ref, ready]);
}
