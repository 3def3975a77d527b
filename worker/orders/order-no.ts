// Order numbers double as the gateways' out_trade_no (WeChat: 6–32 of [0-9A-Za-z_-|*]; Alipay ≤ 64):
// digits only, Beijing-time prefix so shoppers and staff can read the date, random tail so numbers
// cannot be enumerated.
import { formatShanghaiDateTime } from "../payments/gateways/china-time";

export const ORDER_NO_PATTERN = /^\d{24}$/;

export function newOrderNo(
  nowMs: number,
  random: () => Uint32Array = () => crypto.getRandomValues(new Uint32Array(2)),
): string {
  const stamp = formatShanghaiDateTime(nowMs).replace(/\D/g, ""); // yyyyMMddHHmmss
  const [a = 0, b = 0] = random();
  const tail = `${String(a % 100000).padStart(5, "0")}${String(b % 100000).padStart(5, "0")}`;
  return stamp + tail;
}
