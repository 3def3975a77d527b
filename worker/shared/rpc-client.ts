/**
 * The caller's view of a Durable Object class: its RPC methods, each returning a promise of the plain
 * result type. The generated stub types wrap results in RPC serialization types that blur result
 * unions; the typed clients (inventory/client.ts, chat/room-client.ts, agent/lobby-client.ts) cast
 * their stubs to this instead. Handlers the runtime calls are not RPC and are left out.
 */
type RuntimeHandlers = "fetch" | "alarm" | "webSocketMessage" | "webSocketClose" | "webSocketError";

export type RpcClient<T> = {
  [K in Exclude<keyof T, RuntimeHandlers>]: T[K] extends (...args: infer A) => infer R
    ? (...args: A) => Promise<Awaited<R>>
    : never;
};
