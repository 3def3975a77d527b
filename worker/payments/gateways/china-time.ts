// Both gateways speak Beijing time (UTC+8, no DST since 1991), so a fixed offset is exact.
const OFFSET_MS = 8 * 3600_000;

function shanghaiParts(ms: number): string[] {
  if (!Number.isFinite(ms)) throw new RangeError("invalid time");
  const iso = new Date(ms + OFFSET_MS).toISOString(); // yyyy-MM-ddTHH:mm:ss.sssZ, shifted to +08:00
  return [iso.slice(0, 10), iso.slice(11, 19)];
}

/** `yyyy-MM-dd HH:mm:ss` in Asia/Shanghai (Alipay timestamps). */
export function formatShanghaiDateTime(ms: number): string {
  return shanghaiParts(ms).join(" ");
}

/** RFC 3339 with a +08:00 offset, second precision (WeChat time_expire). */
export function formatShanghaiRfc3339(ms: number): string {
  return `${shanghaiParts(ms).join("T")}+08:00`;
}

/** Parses `yyyy-MM-dd HH:mm:ss` (Asia/Shanghai); undefined when malformed. */
export function parseShanghaiDateTime(text: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/.exec(text);
  if (!m) return undefined;
  const ms = Date.parse(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}+08:00`);
  return Number.isNaN(ms) ? undefined : ms;
}

/** Parses an RFC 3339 timestamp with an explicit offset; undefined when malformed. */
export function parseRfc3339(text: string): number | undefined {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(text)) return undefined;
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? undefined : ms;
}
