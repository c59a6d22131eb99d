import { describe, expect, it } from 'vitest';
import {
  clampPlayerHeight,
  clampSideWidth,
  DEFAULT_LAYOUT,
  maxSideWidth,
  parseLayout,
  PLAYER_MIN_HEIGHT_PX,
  SIDE_WIDTH,
  STAGE_MIN_WIDTH_PX,
} from '../../../renderer/src/layout/workspace-layout';

describe('the analysis page layout', () => {
  it('reads back what it remembered', () => {
    const layout = { sideWidthPx: 512, sideCollapsed: true, playerHeightPx: 300 };
    expect(parseLayout(JSON.stringify(layout))).toEqual(layout);
  });

  it('anything unreadable in storage gives the defaults, never a broken page', () => {
    for (const raw of [null, '', 'not json', '[]', 'null', '42', '{"sideWidthPx":"wide"}', '{"__proto__":{"x":1}}']) {
      expect(parseLayout(raw), String(raw)).toEqual(DEFAULT_LAYOUT);
    }
    expect(parseLayout('{"sideWidthPx":1e9,"sideCollapsed":"yes","playerHeightPx":-5}')).toEqual({
      sideWidthPx: SIDE_WIDTH.max,
      sideCollapsed: false,
      playerHeightPx: null,
    });
    expect(parseLayout('{"sideWidthPx":null,"playerHeightPx":1e400}').playerHeightPx).toBeNull();
  });

  it('the side panel leaves the stage its minimum, down to the window minimum', () => {
    expect(maxSideWidth(1000)).toBe(1000 - STAGE_MIN_WIDTH_PX);
    expect(clampSideWidth(700, 1024)).toBe(1024 - STAGE_MIN_WIDTH_PX);
    expect(clampSideWidth(100, 1280)).toBe(SIDE_WIDTH.min);
    // A window too narrow for both: the panel keeps its minimum (the stage gives way).
    expect(clampSideWidth(500, 600)).toBe(SIDE_WIDTH.min);
    expect(maxSideWidth(4000)).toBe(SIDE_WIDTH.max);
  });

  it('the player is never smaller than its minimum nor taller than the room above the timeline', () => {
    expect(clampPlayerHeight(50, 400)).toBe(PLAYER_MIN_HEIGHT_PX);
    expect(clampPlayerHeight(900, 400)).toBe(400);
    expect(clampPlayerHeight(250.4, 400)).toBe(250);
    expect(clampPlayerHeight(300, 60)).toBe(PLAYER_MIN_HEIGHT_PX);
  });
});
