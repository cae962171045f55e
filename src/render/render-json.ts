// The dossier as JSON: the contract's keys in their order, two-space indented, newline-terminated,
// so that the same inputs give byte-identical files. `renderJsonChunks` gives the same bytes as
// pieces of bounded size: a dossier of a million records is larger than the longest string V8
// can build, so writers stream it instead of joining it.
import type { Dossier } from '../model.ts';

export function renderJson(value: Dossier | { articles: Dossier['articles'] }): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/** `renderJson(value)` as successive pieces; each is about `chunkChars` long (longer only by one string value). */
export function renderJsonChunks(value: unknown, chunkChars = 64 * 1024): Generator<string> {
  return jsonChunks(value, chunkChars, '\n');
}

type Frame =
  | { array: true; value: readonly unknown[]; i: number; inner: string; outer: string }
  | { array: false; value: Record<string, unknown>; keys: string[]; i: number; any: boolean; inner: string; outer: string };

/** What JSON.stringify makes of a property before writing it: toJSON applied, boxed primitives unwrapped. */
function prepare(key: string, value: unknown): unknown {
  if ((typeof value === 'object' && value !== null) || typeof value === 'bigint' || typeof value === 'function') {
    const toJSON = (value as { toJSON?: unknown }).toJSON;
    if (typeof toJSON === 'function') value = toJSON.call(value, key);
  }
  if (typeof value === 'object' && value !== null) {
    if (value instanceof Number) return Number(value);
    if (value instanceof String) return String(value);
    if (value instanceof Boolean) return value.valueOf();
  }
  return value;
}

/** Whether JSON.stringify writes a prepared value at all (undefined, functions and symbols are left out). */
function written(value: unknown): boolean {
  const type = typeof value;
  return type === 'string' || type === 'number' || type === 'boolean' || type === 'object' || type === 'bigint';
}

/** A prepared primitive as JSON, or undefined when JSON.stringify leaves the property out. */
function primitive(value: unknown): string | undefined {
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'number':
      return Number.isFinite(value) ? String(value) : 'null';
    case 'boolean':
      return value ? 'true' : 'false';
    case 'bigint':
      throw new TypeError('Do not know how to serialize a BigInt');
    default:
      return value === null ? 'null' : undefined;
  }
}

const GAP = '  ';

/**
 * JSON.stringify(value, null, 2) + suffix, produced piece by piece with an explicit stack (no
 * recursion, so nesting depth is no limit either). The same bytes: key order, omitted
 * undefined/function/symbol properties, null in arrays, toJSON, non-finite numbers as null,
 * lone surrogates escaped, circular structures refused with a TypeError.
 */
export function* jsonChunks(value: unknown, chunkChars: number, suffix = ''): Generator<string> {
  let out = '';
  const stack: Frame[] = [];
  const open = new Set<object>();

  /** Writes a prepared value: a primitive at once, a container by opening a frame. */
  const begin = (v: unknown, indent: string): void => {
    const text = primitive(v);
    if (text !== undefined) {
      out += text;
      return;
    }
    const object = v as object;
    if (open.has(object)) throw new TypeError('Converting circular structure to JSON');
    open.add(object);
    const inner = indent + GAP;
    if (Array.isArray(object)) {
      out += '[';
      stack.push({ array: true, value: object, i: 0, inner, outer: indent });
    } else {
      out += '{';
      stack.push({ array: false, value: object as Record<string, unknown>, keys: Object.keys(object), i: 0, any: false, inner, outer: indent });
    }
  };

  const top = prepare('', value);
  if (!written(top)) {
    // JSON.stringify(undefined) is undefined: nothing to write
    return;
  }
  begin(top, '');
  while (stack.length) {
    const frame = stack[stack.length - 1]!;
    if (frame.array) {
      if (frame.i < frame.value.length) {
        const v = prepare(String(frame.i), frame.value[frame.i]);
        out += (frame.i === 0 ? '\n' : ',\n') + frame.inner;
        frame.i++;
        if (written(v)) begin(v, frame.inner);
        else out += 'null';
      } else {
        out += frame.value.length ? `\n${frame.outer}]` : ']';
        open.delete(frame.value);
        stack.pop();
      }
    } else {
      let began = false;
      while (frame.i < frame.keys.length) {
        const key = frame.keys[frame.i++]!;
        const v = prepare(key, frame.value[key]);
        if (!written(v)) continue;
        out += `${frame.any ? ',\n' : '\n'}${frame.inner}${JSON.stringify(key)}: `;
        frame.any = true;
        begin(v, frame.inner);
        began = true;
        break;
      }
      if (!began) {
        out += frame.any ? `\n${frame.outer}}` : '}';
        open.delete(frame.value);
        stack.pop();
      }
    }
    if (out.length >= chunkChars) {
      yield out;
      out = '';
    }
  }
  out += suffix;
  if (out) yield out;
}
