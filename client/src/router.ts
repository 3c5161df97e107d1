import { useSyncExternalStore } from 'react';

export type PageName = 'import' | 'codebook' | 'code' | 'report';

export type Route =
  { page: 'projects' } | { page: PageName; projectId: number };

const PAGES: readonly PageName[] = ['import', 'codebook', 'code', 'report'];

/** Reads a hash like `#/projects/3/code` into a route. */
export function parseHash(hash: string): Route {
  const match = /^#\/projects\/(\d+)\/(\w+)/.exec(hash);
  const page = match?.[2] as PageName | undefined;
  if (match && page && PAGES.includes(page))
    return { page, projectId: Number(match[1]) };
  return { page: 'projects' };
}

export function hrefFor(route: Route): string {
  return route.page === 'projects'
    ? '#/'
    : `#/projects/${route.projectId}/${route.page}`;
}

export function navigate(route: Route): void {
  window.location.hash = hrefFor(route);
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

/** The current route; re-renders when the hash changes. */
export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return parseHash(hash);
}
