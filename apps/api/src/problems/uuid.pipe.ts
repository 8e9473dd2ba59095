import { ArgumentMetadata, Injectable, PipeTransform } from '@nestjs/common';
import { RequestErrorCode, RequestException } from '@meridian/core';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A path id must be a UUID: anything else is a 400 naming the parameter, never a query. */
@Injectable()
export class UuidPipe implements PipeTransform<string, string> {
  transform(value: string, metadata: ArgumentMetadata): string {
    if (typeof value === 'string' && UUID.test(value)) return value.toLowerCase();
    const field = metadata.data ?? 'id';
    throw new RequestException(RequestErrorCode.ValidationFailed, `${field} must be a UUID.`, [
      { field, message: 'must be a UUID' },
    ]);
  }
}
