import { z } from "@hono/zod-openapi";

/** Response schemas of the freight-template routes (freight-service.ts; the shapes of freight.ts). */

const fen = z.number().int().openapi({ description: "分" });
const units = z.number().int().openapi({ description: "件 / 克 / 立方厘米（按模板的计费方式）" });
const regions = z.array(z.string()).openapi({ description: "省、市或区县的 6 位行政区划代码" });

const ruleFields = { firstUnits: units, firstFeeFen: fen, additionalUnits: units, additionalFeeFen: fen };

export const FreightTemplateSchema = z
  .object({
    id: z.number().int(),
    name: z.string(),
    chargeBy: z.enum(["piece", "weight", "volume"]),
    defaultRule: z.object(ruleFields),
    regionRules: z.array(z.object({ regions, ...ruleFields })),
    freeRules: z.array(
      z.object({
        regions,
        minUnits: z.number().int().nullable(),
        minAmountFen: fen.nullable(),
        match: z.enum(["all", "any"]),
      }),
    ),
    undeliverable: regions,
  })
  .openapi("FreightTemplate");

export const FreightTemplateListSchema = z
  .object({ items: z.array(FreightTemplateSchema) })
  .openapi("FreightTemplateList");
