import type { Result, Router } from "hono/router";
import { RegExpRouter } from "hono/router/reg-exp-router";
import { SmartRouter } from "hono/router/smart-router";
import { TrieRouter } from "hono/router/trie-router";

/** Distinct method + path pairs remembered per isolate; the oldest is forgotten beyond this. */
export const MEMO_ROUTES = 2000;

/**
 * Hono's default router with its answers remembered per method and path. The app's ~900 routes mix
 * static and parameter segments in ways RegExpRouter refuses (/products/import next to /products/:id),
 * so Hono falls back to TrieRouter, whose search walks the tree on every request: the profile of
 * GET /api/health put ~15 % of the worker's CPU there (docs/benchmarks.md). A match depends only on
 * method and path, and its result is never mutated (params are decoded on read), so it can be reused.
 * Routes are all added before the first match (Hono's routers refuse later additions anyway).
 */
export class MemoRouter<T> implements Router<T> {
  readonly name = "MemoRouter";
  readonly #inner: Router<T>;
  readonly #memo = new Map<string, Result<T>>();
  readonly #max: number;

  constructor(inner: Router<T> = defaultRouter<T>(), max = MEMO_ROUTES) {
    this.#inner = inner;
    this.#max = max;
  }

  add(method: string, path: string, handler: T): void {
    this.#memo.clear();
    this.#inner.add(method, path, handler);
  }

  match(method: string, path: string): Result<T> {
    const key = `${method} ${path}`;
    let hit = this.#memo.get(key);
    if (hit === undefined) {
      hit = this.#inner.match(method, path);
      if (this.#memo.size >= this.#max) this.#memo.delete(this.#memo.keys().next().value!);
      this.#memo.set(key, hit);
    }
    return hit;
  }

  /** For tests: how many answers are remembered. */
  get size(): number {
    return this.#memo.size;
  }
}

const defaultRouter = <T>(): Router<T> =>
  new SmartRouter<T>({ routers: [new RegExpRouter<T>(), new TrieRouter<T>()] });
