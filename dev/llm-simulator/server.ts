/**
 * A local OpenAI-compatible chat-completions and embeddings server for development and tests (nothing
 * outside this machine is reachable). Speaks the real wire protocol — JSON responses, SSE streams of `chat.completion.chunk`
 * objects ending in `data: [DONE]`, OpenAI-style error bodies — so the production `openai` client runs
 * against it unchanged. Modes switch it into the failures the bot must survive.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { HANDOFF_TOOL_NAME } from "../../faq-bot/prompt";
import { type SimulatedReply, simulatedReply } from "./answer";
import { simulatedEmbedding, toBase64 } from "./embeddings";

export type LlmSimulatorMode =
  /** Answer from the prompt's FAQ/order context (or hand off when there is none). */
  | "answer"
  /** Always call the handoff tool. */
  | "handoff"
  | "error500"
  | "error429"
  /** Accept the request and never answer. */
  | "timeout"
  /** Start streaming, then drop the connection mid-answer. */
  | "drop";

export interface LlmSimulator {
  /** Base URL for the openai client, ending in /v1. */
  url: string;
  setMode(mode: LlmSimulatorMode): void;
  /** Bodies of the chat-completion requests received, oldest first. */
  requests: Array<Record<string, unknown>>;
  /** Bodies of the embeddings requests received, oldest first. */
  embeddingRequests: Array<Record<string, unknown>>;
  close(): Promise<void>;
}

/** Characters per streamed delta: small enough that every answer arrives in several chunks. */
const CHUNK_CHARS = 6;

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, { "content-type": "application/json", ...headers });
  res.end(JSON.stringify(body));
}

const openAiError = (message: string, type: string, code: string | null = null) => ({
  error: { message, type, param: null, code },
});

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString("utf8"));
}

function pieces(text: string): string[] {
  const chars = Array.from(text);
  const out: string[] = [];
  for (let i = 0; i < chars.length; i += CHUNK_CHARS) out.push(chars.slice(i, i + CHUNK_CHARS).join(""));
  return out;
}

const pause = () => new Promise((resolve) => setTimeout(resolve, 2));

export async function startLlmSimulator(
  opts: { port?: number; mode?: LlmSimulatorMode } = {},
): Promise<LlmSimulator> {
  let mode: LlmSimulatorMode = opts.mode ?? "answer";
  let seq = 0;
  const requests: Array<Record<string, unknown>> = [];
  const embeddingRequests: Array<Record<string, unknown>> = [];
  const sockets = new Set<Socket>();

  const server = createServer(async (req, res) => {
    const path = (req.url ?? "").split("?")[0];
    if (req.method === "GET" && path === "/v1/models") {
      return sendJson(res, 200, {
        object: "list",
        data: [{ id: "sim-model", object: "model", owned_by: "dev" }],
      });
    }
    const isEmbeddings = path === "/v1/embeddings";
    if (req.method !== "POST" || (path !== "/v1/chat/completions" && !isEmbeddings)) {
      return sendJson(
        res,
        404,
        openAiError(`Unknown request URL: ${req.method} ${path}`, "invalid_request_error"),
      );
    }
    if (!/^Bearer \S+/.test(req.headers.authorization ?? "")) {
      return sendJson(
        res,
        401,
        openAiError("Incorrect API key provided", "invalid_request_error", "invalid_api_key"),
      );
    }
    let body: Record<string, unknown>;
    try {
      body = (await readJson(req)) as Record<string, unknown>;
    } catch {
      return sendJson(
        res,
        400,
        openAiError("We could not parse the JSON body of your request.", "invalid_request_error"),
      );
    }
    if (isEmbeddings) return embeddings(body, res);
    if (typeof body.model !== "string" || !Array.isArray(body.messages) || body.messages.length === 0) {
      return sendJson(res, 400, openAiError("'model' and 'messages' are required", "invalid_request_error"));
    }
    requests.push(body);

    switch (mode) {
      case "error500":
        return sendJson(
          res,
          500,
          openAiError("The server had an error while processing your request.", "server_error"),
        );
      case "error429":
        return sendJson(
          res,
          429,
          openAiError("Rate limit reached for requests", "rate_limit_error", "rate_limit_exceeded"),
          { "retry-after": "20" },
        );
      case "timeout":
        return; // never answer; close() destroys the socket
    }

    const reply: SimulatedReply =
      mode === "handoff" ? { kind: "handoff", reason: "顾客需要人工处理" } : simulatedReply(body.messages);
    const id = `chatcmpl-sim-${++seq}`;
    const created = Math.floor(Date.now() / 1000);
    const model = body.model;
    const toolCall = (args: string) => ({
      id: `call_sim_${seq}`,
      type: "function" as const,
      function: { name: HANDOFF_TOOL_NAME, arguments: args },
    });

    if (body.stream !== true) {
      const message =
        reply.kind === "text"
          ? { role: "assistant", content: reply.text }
          : {
              role: "assistant",
              content: null,
              tool_calls: [toolCall(JSON.stringify({ reason: reply.reason }))],
            };
      return sendJson(res, 200, {
        id,
        object: "chat.completion",
        created,
        model,
        choices: [
          { index: 0, message, finish_reason: reply.kind === "text" ? "stop" : "tool_calls", logprobs: null },
        ],
        usage: { prompt_tokens: 0, completion_tokens: 0, total_tokens: 0 },
      });
    }

    res.writeHead(200, {
      "content-type": "text/event-stream",
      "cache-control": "no-cache",
      connection: "keep-alive",
    });
    const send = (delta: Record<string, unknown>, finish: string | null = null) =>
      res.write(
        `data: ${JSON.stringify({
          id,
          object: "chat.completion.chunk",
          created,
          model,
          choices: [{ index: 0, delta, finish_reason: finish, logprobs: null }],
        })}\n\n`,
      );
    send({ role: "assistant", content: "" });
    if (reply.kind === "text") {
      const parts = pieces(reply.text);
      for (const [i, part] of parts.entries()) {
        if (mode === "drop" && i === 2) {
          res.socket?.destroy();
          return;
        }
        await pause();
        send({ content: part });
      }
      send({}, "stop");
    } else {
      // Like real providers: the call's id and name first, the JSON arguments in fragments after.
      const args = JSON.stringify({ reason: reply.reason });
      const half = Math.floor(args.length / 2);
      send({
        tool_calls: [{ index: 0, ...toolCall(""), function: { name: HANDOFF_TOOL_NAME, arguments: "" } }],
      });
      await pause();
      send({ tool_calls: [{ index: 0, function: { arguments: args.slice(0, half) } }] });
      await pause();
      send({ tool_calls: [{ index: 0, function: { arguments: args.slice(half) } }] });
      send({}, "tool_calls");
    }
    res.end("data: [DONE]\n\n");
  });

  /** POST /v1/embeddings: `input` a string or an array of strings; float or base64 encoding. */
  function embeddings(body: Record<string, unknown>, res: ServerResponse) {
    const input = typeof body.input === "string" ? [body.input] : body.input;
    if (
      typeof body.model !== "string" ||
      !Array.isArray(input) ||
      input.length === 0 ||
      !input.every((t) => typeof t === "string" && t.length > 0)
    ) {
      return sendJson(
        res,
        400,
        openAiError("'model' and a non-empty 'input' are required", "invalid_request_error"),
      );
    }
    embeddingRequests.push(body);
    switch (mode) {
      case "error500":
        return sendJson(
          res,
          500,
          openAiError("The server had an error while processing your request.", "server_error"),
        );
      case "error429":
        return sendJson(
          res,
          429,
          openAiError("Rate limit reached for requests", "rate_limit_error", "rate_limit_exceeded"),
          { "retry-after": "20" },
        );
      case "timeout":
        return;
      case "drop":
        res.socket?.destroy();
        return;
    }
    const base64 = body.encoding_format === "base64";
    const tokens = (input as string[]).reduce((n, t) => n + t.length, 0);
    return sendJson(res, 200, {
      object: "list",
      data: (input as string[]).map((text, index) => {
        const vector = simulatedEmbedding(text);
        return { object: "embedding", index, embedding: base64 ? toBase64(vector) : vector };
      }),
      model: body.model,
      usage: { prompt_tokens: tokens, total_tokens: tokens },
    });
  }

  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}/v1`,
    setMode: (next) => {
      mode = next;
    },
    requests,
    embeddingRequests,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
