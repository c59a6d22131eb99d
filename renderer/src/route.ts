// Where the user is, kept in the URL hash so a reload stays there.
//   #/                                  library
//   #/cycle/<id>                        the cycle's analysis workspace
//   #/cycle/<id>/<view>                 aligning the analyses, cycle page, client interview, reflection meeting, report & export
//   #/cycle/<id>/review/<source>        review mode: reflection | interview | theme:<themeId>
import { useEffect, useState } from 'react';

export type CycleView = 'analysis' | 'align' | 'cycle' | 'interview' | 'reflection' | 'export';
export const CYCLE_VIEWS: CycleView[] = ['analysis', 'align', 'cycle', 'interview', 'reflection', 'export'];

export type ReviewSource = { kind: 'reflection' } | { kind: 'interview' } | { kind: 'theme'; themeId: string };

export type Route =
  | { screen: 'library' }
  | { screen: 'cycle'; cycleId: string; view: CycleView }
  | { screen: 'review'; cycleId: string; source: ReviewSource };

const UUID = '([0-9a-f-]{36})';

export function parseRoute(hash: string): Route {
  const review = new RegExp(`^#/cycle/${UUID}/review/(reflection|interview|theme:[\\w-]+)$`, 'i').exec(hash);
  if (review?.[1] && review[2]) {
    const raw = review[2];
    const source: ReviewSource = raw.startsWith('theme:')
      ? { kind: 'theme', themeId: raw.slice('theme:'.length) }
      : { kind: raw as 'reflection' | 'interview' };
    return { screen: 'review', cycleId: review[1], source };
  }
  const cycle = new RegExp(`^#/cycle/${UUID}(?:/(align|cycle|interview|reflection|export))?$`, 'i').exec(hash);
  if (cycle?.[1]) return { screen: 'cycle', cycleId: cycle[1], view: (cycle[2] as CycleView | undefined) ?? 'analysis' };
  return { screen: 'library' };
}

export function hrefFor(route: Route): string {
  switch (route.screen) {
    case 'library':
      return '#/';
    case 'cycle':
      return route.view === 'analysis' ? `#/cycle/${route.cycleId}` : `#/cycle/${route.cycleId}/${route.view}`;
    case 'review': {
      const source = route.source.kind === 'theme' ? `theme:${route.source.themeId}` : route.source.kind;
      return `#/cycle/${route.cycleId}/review/${source}`;
    }
  }
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}

export function goTo(route: Route): void {
  window.location.hash = hrefFor(route);
}
