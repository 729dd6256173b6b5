import { z } from 'zod';

type JsonSchema = {
  type?: string;
  enum?: unknown[];
  anyOf?: JsonSchema[];
  items?: JsonSchema;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minLength?: number;
};

/**
 * Says in words what a config key accepts ("an integer ≥ 2", "a number in
 * (0, 1)", "one of "standard", "disjoint""), from its zod schema, so error
 * messages and the generated docs never drift from the validation.
 */
export function describeSchema(schema: z.ZodType): string {
  return describeJson(z.toJSONSchema(schema) as JsonSchema);
}

function describeJson(schema: JsonSchema): string {
  if (schema.anyOf) return schema.anyOf.map(describeJson).join(' or ');
  if (schema.enum) return `one of ${schema.enum.map((value) => JSON.stringify(value)).join(', ')}`;
  switch (schema.type) {
    case 'integer':
      return `an integer${range(schema)}`;
    case 'number':
      return `a number${range(schema)}`;
    case 'boolean':
      return 'true or false';
    case 'null':
      return 'null';
    case 'string':
      return schema.minLength ? 'a non-empty string' : 'a string';
    case 'array':
      return `a list of ${schema.items ? plural(describeJson(schema.items)) : 'values'}`;
    default:
      return 'a valid value';
  }
}

function range(schema: JsonSchema): string {
  const low = schema.exclusiveMinimum ?? schema.minimum;
  const high = schema.exclusiveMaximum ?? schema.maximum;
  const hasLow = low !== undefined && low > Number.MIN_SAFE_INTEGER;
  const hasHigh = high !== undefined && high < Number.MAX_SAFE_INTEGER;
  if (hasLow && hasHigh) {
    return ` in ${schema.exclusiveMinimum !== undefined ? '(' : '['}${low}, ${high}${schema.exclusiveMaximum !== undefined ? ')' : ']'}`;
  }
  if (hasLow) return schema.exclusiveMinimum !== undefined ? ` > ${low}` : ` ≥ ${low}`;
  if (hasHigh) return schema.exclusiveMaximum !== undefined ? ` < ${high}` : ` ≤ ${high}`;
  return '';
}

function plural(description: string): string {
  return description.replace(/^an? (\w+)/, (_, noun: string) => `${noun}s`);
}
