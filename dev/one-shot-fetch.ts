/**
 * fetch with one connection per request, as Miniflare's own dispatchFetch does. Reusing an idle
 * keep-alive connection races the server closing it, and the request then fails with "other side
 * closed" without having reached the server: a flake of the local rig, not a behaviour of the code
 * under test. Used by the test harness and by the payment simulator's notification deliveries.
 */
import { Agent, type Dispatcher, fetch as undiciFetch } from "undici";

class OneShotAgent extends Agent {
  override dispatch(options: Dispatcher.DispatchOptions, handler: Dispatcher.DispatchHandler): boolean {
    return super.dispatch({ ...options, reset: true }, handler);
  }
}
const oneShot = new OneShotAgent();

export function oneShotFetch(
  url: string,
  init: {
    method?: string;
    headers?: Record<string, string>;
    body?: unknown;
    signal?: AbortSignal;
    redirect?: "manual" | "follow";
  } = {},
): Promise<Response> {
  return undiciFetch(url, { ...(init as object), dispatcher: oneShot }) as unknown as Promise<Response>;
}
