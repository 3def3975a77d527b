/**
 * The typed client of a conversation's ChatRoom object, for the chat and agent domains and the agent
 * lobby. Only this file knows how a room is named.
 */
import type { ChatRoom } from "../../durable-objects/chat-room";
import type { Env } from "../env";
import type { RpcClient } from "../shared/rpc-client";

/** The room's RPC methods, plus fetch for the WebSocket handshake (see chat/service.ts forwardSocket). */
export type ChatRoomStub = RpcClient<ChatRoom> & { fetch(request: Request): Promise<Response> };

export const roomStub = (env: Pick<Env, "CHAT_ROOM">, conversationId: number) =>
  env.CHAT_ROOM.get(env.CHAT_ROOM.idFromName(`conversation:${conversationId}`)) as unknown as ChatRoomStub;
