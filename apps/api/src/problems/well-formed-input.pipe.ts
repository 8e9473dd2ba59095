import { ArgumentMetadata, Injectable, PipeTransform } from '@nestjs/common';
import { FieldError, RequestException } from '@meridian/core';

/** Deeper than any request shape of the API: the deepest body (a note's pulse) is 4 levels. */
const MAX_DEPTH = 16;
/** Half of a UTF-16 surrogate pair without its other half: not a character at all. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Refuses, before validation, input that would otherwise end in a 500 further down: text
 * PostgreSQL cannot store (a lone UTF-16 surrogate, which JSONB refuses; a NUL character, which
 * no text column takes) and nesting deep enough to exhaust the validators' recursion. Walks
 * the value without recursion itself, naming each field as the validation errors do.
 */
@Injectable()
export class WellFormedInputPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type !== 'body' && metadata.type !== 'query') return value;
    const errors = problemsOf(value);
    if (errors.length > 0) throw RequestException.invalidFields(errors);
    return value;
  }
}

function problemsOf(root: unknown): FieldError[] {
  const errors: FieldError[] = [];
  const pending: { value: unknown; path: string; depth: number }[] = [
    { value: root, path: '', depth: 0 },
  ];
  while (pending.length > 0 && errors.length < 20) {
    const { value, path, depth } = pending.pop()!;
    if (typeof value === 'string') {
      if (LONE_SURROGATE.test(value)) {
        errors.push({ field: path || 'body', message: 'must be well-formed Unicode text' });
      } else if (value.includes('\u0000')) {
        errors.push({ field: path || 'body', message: 'must not contain NUL characters' });
      }
    } else if (value !== null && typeof value === 'object') {
      if (depth >= MAX_DEPTH) {
        errors.push({ field: path || 'body', message: 'is nested too deeply' });
        continue;
      }
      for (const [key, child] of Object.entries(value)) {
        if (LONE_SURROGATE.test(key) || key.includes('\u0000')) {
          errors.push({ field: path || 'body', message: 'has a field name that is not text' });
          continue;
        }
        const childPath = Array.isArray(value) ? `${path}[${key}]` : path ? `${path}.${key}` : key;
        pending.push({ value: child, path: childPath, depth: depth + 1 });
      }
    }
  }
  return errors;
}
