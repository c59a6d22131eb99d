// How the analysis page divides the window: the side panel's width (or collapsed), and the
// player's height above the timeline. Pure rules here; use-workspace-layout.ts remembers them.
//
// Remembered in localStorage, not in the settings: it is how this window on this screen is laid
// out, not part of the project (it must not travel in a .vkz archive or need a backend round trip
// on every drag step), and a different screen may want a different split.

export interface WorkspaceLayout {
  /** Width of the notes/fragments panel in CSS pixels. */
  sideWidthPx: number;
  sideCollapsed: boolean;
  /** Height of the player in CSS pixels; null: as tall as fits above the timeline. */
  playerHeightPx: number | null;
}

export const SIDE_WIDTH = { min: 300, max: 720, default: 400 } as const;
/** The stage (player, transport, timeline) never gets narrower than this beside the panel. */
export const STAGE_MIN_WIDTH_PX = 480;
export const PLAYER_MIN_HEIGHT_PX = 120;

export const DEFAULT_LAYOUT: WorkspaceLayout = { sideWidthPx: SIDE_WIDTH.default, sideCollapsed: false, playerHeightPx: null };

const clamp = (value: number, min: number, max: number) => Math.min(Math.max(value, min), Math.max(min, max));

/** The widest the side panel may be in a body `bodyWidthPx` wide (the stage keeps its minimum). */
export function maxSideWidth(bodyWidthPx: number): number {
  return Math.max(SIDE_WIDTH.min, Math.min(SIDE_WIDTH.max, Math.floor(bodyWidthPx - STAGE_MIN_WIDTH_PX)));
}

export function clampSideWidth(px: number, bodyWidthPx: number): number {
  return Math.round(clamp(px, SIDE_WIDTH.min, maxSideWidth(bodyWidthPx)));
}

/** `maxPx`: the room above the timeline (what the player gets when it fills). */
export function clampPlayerHeight(px: number, maxPx: number): number {
  return Math.round(clamp(px, PLAYER_MIN_HEIGHT_PX, maxPx));
}

/** Reads a remembered layout; anything unreadable or out of range falls back to the defaults. */
export function parseLayout(raw: string | null): WorkspaceLayout {
  let stored: unknown = null;
  try {
    stored = raw === null ? null : JSON.parse(raw);
  } catch {
    return DEFAULT_LAYOUT;
  }
  if (typeof stored !== 'object' || stored === null) return DEFAULT_LAYOUT;
  const { sideWidthPx, sideCollapsed, playerHeightPx } = stored as Record<string, unknown>;
  const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
  return {
    sideWidthPx: finite(sideWidthPx) ? Math.round(clamp(sideWidthPx, SIDE_WIDTH.min, SIDE_WIDTH.max)) : SIDE_WIDTH.default,
    sideCollapsed: sideCollapsed === true,
    playerHeightPx: finite(playerHeightPx) && playerHeightPx >= PLAYER_MIN_HEIGHT_PX ? Math.round(playerHeightPx) : null,
  };
}
