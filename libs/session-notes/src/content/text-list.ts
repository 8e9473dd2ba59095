import { applyDecorators } from '@nestjs/common';
import { Trim } from '@meridian/core';
import { ArrayMaxSize, IsArray, IsString, Length } from 'class-validator';

/** A short list of short free-text entries (symptoms, pulse qualities), each trimmed. */
export const TextList = (maxEntries: number, maxLength: number) =>
  applyDecorators(
    Trim(),
    IsArray(),
    ArrayMaxSize(maxEntries),
    IsString({ each: true }),
    Length(1, maxLength, { each: true }),
  );
