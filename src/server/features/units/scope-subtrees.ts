/**
 * The subtrees of scope roots, kept in memory: an account's scope is the subtree of one or a few
 * roots, and resolving it from the closure on every request cost as much as the tree is big (a
 * province's board: 3,100 units, 80–118 ms before any work). Each subtree is keyed by the tree's
 * version (migration 0042, bumped by every change of the tree and read with the session, so a
 * change made on any instance is seen on the next request) and by the day (units start and end
 * at midnight). One cache per database handle: tests open many databases with the same unit ids.
 */
import type { Queryable } from "../../db/client.js";
import { listScopeSubtree } from "./units.queries.js";

/** Bounded: old versions and days fall out as new ones come in. */
const MAX_SUBTREES = 256;

const caches = new WeakMap<object, Map<string, Promise<ReadonlySet<string>>>>();

/** The units of `root`'s scope subtree on `day` (the root included), as of tree version `version`. */
export function scopeSubtree(db: Queryable, root: string, version: number, day: string): Promise<ReadonlySet<string>> {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map()));
  const key = `${root}|${version}|${day}`;
  const hit = cache.get(key);
  if (hit) {
    // most recently used last: the oldest entry is the first to go
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  const loading = listScopeSubtree(db, root, day).then((ids) => new Set(ids) as ReadonlySet<string>);
  cache.set(key, loading);
  loading.catch(() => cache.delete(key));
  if (cache.size > MAX_SUBTREES) cache.delete(cache.keys().next().value!);
  return loading;
}
