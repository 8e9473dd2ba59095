import { ArgumentMetadata, Injectable, PipeTransform } from '@nestjs/common';
import { RequestErrorCode, RequestException, UUID_PATTERN } from '@meridian/core';

/** A path id must be a UUID: anything else is a 400 naming the parameter, never a query. */
@Injectable()
export class UuidPipe implements PipeTransform<string, string> {
  transform(value: string, metadata: ArgumentMetadata): string {
    if (typeof value === 'string' && UUID_PATTERN.test(value)) return value.toLowerCase();
    const field = metadata.data ?? 'id';
    throw new RequestException(RequestErrorCode.ValidationFailed, `${field} must be a UUID.`, [
      { field, message: 'must be a UUID' },
    ]);
  }
}
