// A JSON Schema check of the part of draft 2020-12 that zod's toJSONSchema writes (type, const, enum, pattern,
// minimum/maximum, properties, required, additionalProperties, propertyNames, items, anyOf, oneOf, allOf): what a
// script does with `hrss-credit schema NAME`, without a validator among the project's dependencies. Returns the
// problems found, each with its JSON path (empty: valid).
type Schema = Record<string, unknown>;

function typeOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  return typeof v;
}

function fitsType(v: unknown, type: string): boolean {
  if (type === 'integer') return Number.isInteger(v);
  return typeOf(v) === type;
}

export function schemaProblems(schema: Schema, value: unknown, at = '$'): string[] {
  const out: string[] = [];
  if (schema.type !== undefined) {
    const types = Array.isArray(schema.type) ? (schema.type as string[]) : [schema.type as string];
    if (!types.some((t) => fitsType(value, t))) return [`${at}: ${typeOf(value)}, not ${types.join('|')}`];
  }
  if ('const' in schema && value !== schema.const) out.push(`${at}: not ${JSON.stringify(schema.const)}`);
  if (Array.isArray(schema.enum) && !schema.enum.includes(value)) out.push(`${at}: ${JSON.stringify(value)} not in enum`);
  if (typeof value === 'string' && typeof schema.pattern === 'string' && !new RegExp(schema.pattern, 'u').test(value))
    out.push(`${at}: ${JSON.stringify(value)} does not match ${schema.pattern}`);
  if (typeof value === 'number') {
    if (typeof schema.minimum === 'number' && value < schema.minimum) out.push(`${at}: below ${schema.minimum}`);
    if (typeof schema.maximum === 'number' && value > schema.maximum) out.push(`${at}: above ${schema.maximum}`);
  }
  if (typeOf(value) === 'object') {
    const obj = value as Record<string, unknown>;
    const props = (schema.properties ?? {}) as Record<string, Schema>;
    for (const key of (schema.required ?? []) as string[]) if (!(key in obj)) out.push(`${at}: ${key} missing`);
    for (const [key, v] of Object.entries(obj)) {
      if (props[key]) out.push(...schemaProblems(props[key], v, `${at}.${key}`));
      else if (schema.additionalProperties === false) out.push(`${at}: ${key} not allowed`);
      else if (typeof schema.additionalProperties === 'object')
        out.push(...schemaProblems(schema.additionalProperties as Schema, v, `${at}.${key}`));
      if (typeof schema.propertyNames === 'object') out.push(...schemaProblems(schema.propertyNames as Schema, key, `${at}[key]`));
    }
  }
  if (Array.isArray(value) && typeof schema.items === 'object')
    for (const [i, v] of value.entries()) out.push(...schemaProblems(schema.items as Schema, v, `${at}[${i}]`));
  if (Array.isArray(schema.allOf)) for (const s of schema.allOf as Schema[]) out.push(...schemaProblems(s, value, at));
  if (Array.isArray(schema.anyOf) && !(schema.anyOf as Schema[]).some((s) => schemaProblems(s, value, at).length === 0))
    out.push(`${at}: fits none of anyOf (${(schema.anyOf as Schema[]).map((s) => schemaProblems(s, value, at).join('; ')).join(' | ')})`);
  if (Array.isArray(schema.oneOf)) {
    const each = (schema.oneOf as Schema[]).map((s) => schemaProblems(s, value, at));
    const fits = each.filter((p) => p.length === 0).length;
    if (fits !== 1) out.push(`${at}: fits ${fits} of oneOf (${each.map((p) => p.join('; ')).join(' | ')})`);
  }
  return out;
}
