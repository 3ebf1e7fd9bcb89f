/**
 * The canonical JSON text of a value: RFC 8785, the JSON Canonicalization Scheme (JCS). Object keys
 * sorted by their UTF-16 code units, no whitespace, strings escaped as ECMAScript's JSON.stringify
 * escapes them, numbers in ECMAScript's shortest round-trip form (Number::toString, which is what
 * JSON.stringify writes for a finite number; -0 is written 0). NaN and ±Infinity have no JSON form
 * and are refused, as are values JSON cannot hold (undefined, functions, bigints).
 *
 * A parameter file's content hash is the SHA-256 of the UTF-8 bytes of this text, so two writers
 * that agree on the parsed document agree on the hash whatever whitespace or key order they write.
 */
export function canonicalJson(value: unknown): string {
  return serialize(value, '$');
}

export class CanonicalJsonError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CanonicalJsonError';
  }
}

function serialize(value: unknown, path: string): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value)) {
        throw new CanonicalJsonError(`${path} is ${value}; canonical JSON holds only finite numbers`);
      }
      return JSON.stringify(value);
    case 'string':
      return JSON.stringify(value);
    case 'object': {
      if (Array.isArray(value)) {
        return `[${value.map((item, index) => serialize(item, `${path}[${index}]`)).join(',')}]`;
      }
      const record = value as Record<string, unknown>;
      // Default sort compares UTF-16 code units, exactly what RFC 8785 §3.2.3 asks for.
      const keys = Object.keys(record)
        .filter((key) => record[key] !== undefined)
        .sort();
      return `{${keys.map((key) => `${JSON.stringify(key)}:${serialize(record[key], `${path}.${key}`)}`).join(',')}}`;
    }
    default:
      throw new CanonicalJsonError(`${path} is a ${typeof value}, which JSON cannot hold`);
  }
}
