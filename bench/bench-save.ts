import { buildApp } from '../server/app';
import { openDatabase } from '../server/db/open-database';
import { quantile } from './stats';

const SAVES = 300;

/**
 * Save-and-next as the coding page does it, over real HTTP on loopback:
 * PUT the coding of the current comment, then GET the next comment (with
 * its suggestions). Returns the latency of each pair.
 */
export async function benchSaveAndNext(dbFile: string, projectId: number) {
  const db = openDatabase(dbFile);
  const app = await buildApp({ db });
  const base = await app.listen({ port: 0, host: '127.0.0.1' });
  try {
    const get = async <T>(path: string) =>
      (await (await fetch(base + path)).json()) as T;
    const themes = await get<Array<{ id: number }>>(
      `/api/projects/${projectId}/themes`,
    );
    const queue = await get<{ commentIds: number[] }>(
      `/api/projects/${projectId}/queue?status=not-mine`,
    );
    const ids = queue.commentIds.slice(0, SAVES + 1);
    const times: number[] = [];
    for (let i = 0; i + 1 < ids.length; i += 1) {
      const themeIds = [themes[i % themes.length]?.id ?? 0].filter(Boolean);
      const started = performance.now();
      const saved = await fetch(`${base}/api/comments/${ids[i]}/coding`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ themeIds, version: 0 }),
      });
      if (!saved.ok) throw new Error(`save failed: ${await saved.text()}`);
      const next = await fetch(`${base}/api/comments/${ids[i + 1]}`);
      await next.json();
      times.push(performance.now() - started);
    }
    return {
      n: times.length,
      p50: quantile(times, 0.5),
      p95: quantile(times, 0.95),
    };
  } finally {
    await app.close();
    db.$client.close();
  }
}
