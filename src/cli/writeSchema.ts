// `npm run schema`: regenerate scenarios/scenario.schema.json from the zod schema.
import { writeFileSync } from 'node:fs';
import { scenarioJsonSchemaText } from '../scenario/jsonSchema';

const out = new URL('../../scenarios/scenario.schema.json', import.meta.url);
writeFileSync(out, scenarioJsonSchemaText());
console.log(`wrote ${out.pathname}`);
