/**
 * The workbench's two WebSockets, speaking the worker's chat protocol (worker/chat/protocol.ts,
 * docs/chat.md): the agent lobby (queue, presence, assignments) and one conversation room.
 *
 * Browsers cannot put a bearer token on a WebSocket handshake, so every connection (and every
 * reconnection) first asks POST /api/chat/tickets for a single-use, one-minute ticket; that call goes
 * through the console's API client, which renews an expired access token on a 401 and repeats it.
 */
import {
  CLOSE_CODES,
  type LobbyClientFrame,
  type LobbyServerFrame,
  PING_FRAME,
  type ClientFrame as RoomClientFrame,
  type ServerFrame as RoomServerFrame,
} from "../../../../worker/chat/protocol";
import { api, unwrap } from "../../api/client";

export type { ChatMessage, LobbyServerFrame } from "../../../../worker/chat/protocol";
export { CHAT_LIMITS } from "../../../../worker/chat/protocol";
export type { RoomServerFrame };

const RECONNECT_MS = 2000;
const PING_MS = 30_000;

async function socketUrl(path: string): Promise<string> {
  const { ticket } = await unwrap<{ ticket: string }>(api.POST("/api/chat/tickets"));
  const scheme = location.protocol === "https:" ? "wss://" : "ws://";
  const sep = path.includes("?") ? "&" : "?";
  return `${scheme}${location.host}${path}${sep}ticket=${encodeURIComponent(ticket)}`;
}

export interface LiveSocket<Out> {
  send(frame: Out): boolean;
  /** Stops for good (no reconnection). */
  close(): void;
  readonly connected: () => boolean;
}

/**
 * A socket that reconnects after drops (with a fresh ticket) until closed, pings to stay alive, and
 * stops by itself on a close code the server uses to say "not yours any more".
 */
function liveSocket<In, Out>(opts: {
  path: () => string;
  onFrame: (frame: In) => void;
  onOpen?: () => void;
  onState?: (connected: boolean) => void;
  onGone?: (code: number) => void;
}): LiveSocket<Out> {
  let ws: WebSocket | null = null;
  let stopped = false;
  let retry: ReturnType<typeof setTimeout> | undefined;
  const ping = setInterval(() => {
    if (ws?.readyState === WebSocket.OPEN) ws.send(PING_FRAME);
  }, PING_MS);

  async function connect() {
    if (stopped) return;
    let url: string;
    try {
      url = await socketUrl(opts.path());
    } catch {
      retry = setTimeout(connect, RECONNECT_MS);
      return;
    }
    if (stopped) return;
    const socket = new WebSocket(url);
    ws = socket;
    socket.onopen = () => {
      opts.onState?.(true);
      opts.onOpen?.();
    };
    socket.onmessage = (ev) => {
      try {
        opts.onFrame(JSON.parse(String(ev.data)) as In);
      } catch {
        // not a frame of ours
      }
    };
    socket.onclose = (ev) => {
      if (ws !== socket) return;
      opts.onState?.(false);
      if (stopped) return;
      if (ev.code === CLOSE_CODES.unassigned) {
        stopped = true;
        opts.onGone?.(ev.code);
        return;
      }
      retry = setTimeout(connect, RECONNECT_MS);
    };
  }
  void connect();

  return {
    send(frame) {
      if (ws?.readyState !== WebSocket.OPEN) return false;
      ws.send(JSON.stringify(frame));
      return true;
    },
    close() {
      stopped = true;
      clearInterval(ping);
      clearTimeout(retry);
      ws?.close(1000);
      ws = null;
    },
    connected: () => ws?.readyState === WebSocket.OPEN,
  };
}

/** /api/agent/lobby/ws: `onOpen` runs after every (re)connection, e.g. to restate presence. */
export function openLobby(opts: {
  onFrame: (f: LobbyServerFrame) => void;
  onOpen: () => void;
  onState: (connected: boolean) => void;
}) {
  return liveSocket<LobbyServerFrame, LobbyClientFrame>({ path: () => "/api/agent/lobby/ws", ...opts });
}

/**
 * /api/chat/conversations/:id/ws. Reconnects ask only for messages after the newest one seen, so
 * nothing is shown twice; `onGone` when the chat was transferred or closed (close code 4003).
 */
export function openRoom(
  conversationId: number,
  opts: {
    lastId: () => number;
    onFrame: (f: RoomServerFrame) => void;
    onState: (connected: boolean) => void;
    onGone: () => void;
  },
) {
  return liveSocket<RoomServerFrame, RoomClientFrame>({
    path: () => `/api/chat/conversations/${conversationId}/ws?after=${opts.lastId()}`,
    onFrame: opts.onFrame,
    onState: opts.onState,
    onGone: opts.onGone,
  });
}
