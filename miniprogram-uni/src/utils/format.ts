const pad = (n: number) => String(n).padStart(2, "0");

/** Epoch ms → local "2026-11-27 16:05". */
export function formatTime(ms: number | null | undefined): string {
  if (!ms) return "";
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export function formatDate(ms: number | null | undefined): string {
  return formatTime(ms).slice(0, 10);
}

/** Builds a query string, skipping empty values. */
export function queryString(params: Record<string, string | number | boolean | null | undefined>): string {
  const parts = Object.entries(params)
    .filter(([, v]) => v !== undefined && v !== null && v !== "")
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`);
  return parts.length ? `?${parts.join("&")}` : "";
}

/** "14:59" countdown text; empty when expired. */
export function countdown(deadline: number | null, now: number): string {
  if (!deadline || deadline <= now) return "";
  const s = Math.floor((deadline - now) / 1000);
  const h = Math.floor(s / 3600);
  const mm = String(Math.floor((s % 3600) / 60)).padStart(2, "0");
  const ss = String(s % 60).padStart(2, "0");
  return h ? `${h}:${mm}:${ss}` : `${mm}:${ss}`;
}

const ESCALATION_LABELS: Record<string, string> = {
  explicit: "顾客要求转人工",
  complaint: "投诉",
  low_confidence: "机器人无法回答",
  unresolved: "问题未解决",
  llm_handoff: "机器人转接",
  bot_error: "机器人故障",
};

/** Why a chat reached a person, in words an agent reads at a glance. */
export function escalationLabel(reason: string | null | undefined): string {
  return reason ? (ESCALATION_LABELS[reason] ?? reason) : "转人工";
}
