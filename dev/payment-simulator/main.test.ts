// The CLI: starts, prints its URL, writes settings our config loader accepts, stops on SIGTERM.
import { spawn } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { expect, it } from "vitest";
import { loadPaymentProviders } from "../../worker/payments/gateways/config";

it("CLI serves the protocols with the settings it writes", async () => {
  const dir = await mkdtemp(join(tmpdir(), "paysim-"));
  const varsFile = join(dir, "vars");
  const child = spawn(
    process.execPath,
    ["--import", "tsx", "dev/payment-simulator/main.ts", "--port", "0", "--dev-vars", varsFile],
    { stdio: ["ignore", "pipe", "inherit"] },
  );
  try {
    const first = await new Promise<string>((resolve, reject) => {
      createInterface({ input: child.stdout! }).once("line", resolve);
      child.once("exit", (code) => reject(new Error(`exited early (${code})`)));
    });
    const ready = JSON.parse(first) as { url: string };
    expect(ready.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const settings = Object.fromEntries(
      (await readFile(varsFile, "utf8"))
        .trim()
        .split("\n")
        .map((line) => /^(\w+)='(.*)'$/.exec(line)!.slice(1, 3) as [string, string]),
    );
    expect(settings.WECHAT_PAY_BASE_URL).toBe(ready.url);
    const providers = loadPaymentProviders(settings);
    expect(await providers.wechat!.query("CLI_ORDER_1")).toEqual({
      status: "not_found",
      outTradeNo: "CLI_ORDER_1",
    });
    expect(await providers.alipay!.query("CLI_ORDER_1")).toEqual({
      status: "not_found",
      outTradeNo: "CLI_ORDER_1",
    });
    const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
  } finally {
    child.kill("SIGKILL");
    await rm(dir, { recursive: true, force: true });
  }
}, 60_000);
