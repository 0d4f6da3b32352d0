// The scenario schema as JSON Schema, for editors (scenarios/scenario.schema.json).
import { z } from 'zod';
import { scenarioSchema } from './schema';

export function scenarioJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(scenarioSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return {
    ...schema,
    $id: 'https://strategic-triangle.invalid/scenario.schema.json',
    title: 'strategic-triangle scenario',
    description:
      'A scenario of the strategic-triangle model: roster, initial ties and trade, energy, RFE, levers, utility weights, events. See docs/MODEL.md.',
  };
}

export function scenarioJsonSchemaText(): string {
  return `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`;
}
