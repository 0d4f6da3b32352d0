// The scenario schema as JSON Schema, for editors (scenarios/scenario.schema.json).
import { z } from 'zod';
import { FILE_SIZE_TEXT } from './decode';
import { EXPR_DEPTH_MAX } from './expr';
import { AMOUNT_MIN, PAIRS_MAX, START_MAX, START_MIN } from './limits';
import { scenarioSchema } from './schema';

export function scenarioJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(scenarioSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return {
    ...schema,
    $id: 'https://strategic-triangle.invalid/scenario.schema.json',
    title: 'strategic-triangle scenario',
    description: `A scenario of the strategic-triangle model: roster, initial ties and trade, energy, RFE, levers, utility weights, events. See docs/MODEL.md. Limits besides those below: a file of at most ${FILE_SIZE_TEXT} (UTF-8, or UTF-16 with a byte-order mark); at most ${PAIRS_MAX} pairs in ties and trade; expressions nested at most ${EXPR_DEPTH_MAX} levels; an amount in USD bn is 0 or at least ${AMOUNT_MIN}; the start from ${START_MIN} to ${START_MAX}.`,
  };
}

export function scenarioJsonSchemaText(): string {
  return `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`;
}
