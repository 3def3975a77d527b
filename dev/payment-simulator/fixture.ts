// Test fixture: simulator + notify receiver + providers built by the real config loader.

import {
  loadPaymentProviders,
  type PaymentProviders,
  type PaymentSettings,
} from "../../worker/payments/gateways/config";
import type { PaymentMethod } from "../../worker/payments/gateways/types";
import { type NotifyReceiver, startNotifyReceiver } from "./notify-receiver";
import { type PaymentSimulator, type PaymentSimulatorOptions, startPaymentSimulator } from "./server";

export interface SimFixture {
  sim: PaymentSimulator;
  receiver: NotifyReceiver;
  providers: PaymentProviders;
  /** Amounts of the orders "we" created, checked against paid notifications. */
  orders: Map<string, number>;
  control<T = Record<string, unknown>>(path: string, body?: unknown): Promise<{ status: number; json: T }>;
  /** Providers from the simulator's settings with some replaced (misconfiguration tests). */
  providersWith(overrides: PaymentSettings): PaymentProviders;
  close(): Promise<void>;
}

export async function startSimFixture(opts: PaymentSimulatorOptions = {}): Promise<SimFixture> {
  const orders = new Map<string, number>();
  let providers: PaymentProviders = {};
  const receiver = await startNotifyReceiver({
    providers: () => providers,
    orderAmountFen: (method: PaymentMethod, no: string) => orders.get(`${method}:${no}`),
  });
  const sim = await startPaymentSimulator({ ...opts, notifyBaseUrl: receiver.url });
  providers = loadPaymentProviders(sim.config);
  return {
    sim,
    receiver,
    providers,
    orders,
    async control<T>(path: string, body?: unknown) {
      const res = await fetch(sim.url + path, {
        method: body === undefined ? "GET" : "POST",
        headers: { "Content-Type": "application/json" },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: res.status, json: (await res.json()) as T };
    },
    providersWith: (overrides) => loadPaymentProviders({ ...sim.config, ...overrides }),
    async close() {
      await sim.close();
      await receiver.close();
    },
  };
}
