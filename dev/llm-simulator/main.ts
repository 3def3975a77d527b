/**
 * Run the LLM simulator on its own: `tsx dev/llm-simulator/main.ts [port] [mode]`, then point the worker
 * at it with LLM_BASE_URL=<printed url> LLM_API_KEY=dev LLM_MODEL=sim-model.
 */
import { type LlmSimulatorMode, startLlmSimulator } from "./server";

const port = Number(process.argv[2] ?? 8790);
const mode = (process.argv[3] ?? "answer") as LlmSimulatorMode;
const sim = await startLlmSimulator({ port, mode });
console.log(JSON.stringify({ msg: "llm simulator listening", url: sim.url, mode }));
const stop = () => void sim.close().then(() => process.exit(0));
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
