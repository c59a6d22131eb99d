// Keys a focused control handles itself, which page-wide shortcuts must leave alone: Space and
// Enter activate a checkbox, radio, link or (reached by keyboard) a button; the arrow keys move
// within radios, sliders, tabs and splitters. A button clicked with the mouse has no visible
// focus, so Space there still plays the video, as editors do.
const ARROWS = new Set(['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End']);
const ARROW_ROLES = new Set(['radio', 'slider', 'separator', 'tab', 'option', 'menuitem', 'spinbutton']);
const ACTIVATE_ROLES = new Set(['button', 'checkbox', 'radio', 'switch', 'tab', 'link', 'menuitem', 'option']);

function roleOf(element: HTMLElement): string {
  const explicit = element.getAttribute('role');
  if (explicit) return explicit;
  if (element instanceof HTMLInputElement) {
    if (element.type === 'checkbox' || element.type === 'radio') return element.type;
    if (element.type === 'range') return 'slider';
    if (['button', 'submit', 'reset'].includes(element.type)) return 'button';
  }
  if (element instanceof HTMLButtonElement || element.tagName === 'SUMMARY') return 'button';
  if (element instanceof HTMLAnchorElement && element.hasAttribute('href')) return 'link';
  return '';
}

export function controlOwnsKey(event: KeyboardEvent): boolean {
  const target = event.target;
  if (!(target instanceof HTMLElement) || event.ctrlKey || event.metaKey || event.altKey) return false;
  const role = roleOf(target);
  if (ARROWS.has(event.key)) return ARROW_ROLES.has(role);
  if (event.key === ' ' || event.key === 'Enter') {
    if (!ACTIVATE_ROLES.has(role)) return false;
    return role !== 'button' || target.matches(':focus-visible');
  }
  return false;
}
