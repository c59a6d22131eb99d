// The app's two places, kept in the URL hash so a reload stays where the user was.
import { useEffect, useState } from 'react';

export type Route = { screen: 'library' } | { screen: 'cycle'; cycleId: string };

export function parseRoute(hash: string): Route {
  const match = /^#\/cycle\/([0-9a-f-]{36})$/i.exec(hash);
  return match?.[1] ? { screen: 'cycle', cycleId: match[1] } : { screen: 'library' };
}

export function hrefFor(route: Route): string {
  return route.screen === 'cycle' ? `#/cycle/${route.cycleId}` : '#/';
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
