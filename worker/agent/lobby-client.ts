/**
 * The typed client of the AgentLobby object (queue, presence, assignments), for the agent domain and
 * the chat rooms. There is one lobby: queues are small and every agent needs the whole picture.
 */
import type { AgentLobby } from "../../durable-objects/agent-lobby";
import type { Env } from "../env";
import type { RpcClient } from "../shared/rpc-client";

/** The lobby's RPC methods, plus fetch for the agents' WebSocket handshake. */
export type AgentLobbyStub = RpcClient<AgentLobby> & { fetch(request: Request): Promise<Response> };

export const lobbyStub = (env: Pick<Env, "AGENT_LOBBY">) =>
  env.AGENT_LOBBY.get(env.AGENT_LOBBY.idFromName("lobby")) as unknown as AgentLobbyStub;
