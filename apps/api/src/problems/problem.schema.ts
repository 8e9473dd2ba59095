import { applyDecorators } from '@nestjs/common';
import { ApiHeader, ApiProperty, ApiPropertyOptional, ApiResponse } from '@nestjs/swagger';

export class FieldErrorSchema {
  @ApiProperty({ example: 'dateOfBirth' })
  field!: string;

  @ApiProperty({ example: 'must be a date in the past' })
  message!: string;
}

/** The RFC 9457 problem document every error response carries, for the OpenAPI document. */
export class ProblemResponse {
  @ApiProperty({ example: 'urn:meridian:problem:request.validation-failed' })
  type!: string;

  @ApiProperty({ example: 'Bad Request' })
  title!: string;

  @ApiProperty({ example: 400 })
  status!: number;

  @ApiProperty({ example: 'The request has invalid fields.' })
  detail!: string;

  @ApiProperty({
    example: 'REQUEST.VALIDATION_FAILED',
    description: 'Stable machine-readable code.',
  })
  code!: string;

  @ApiPropertyOptional({ type: [FieldErrorSchema], description: 'One entry per invalid field.' })
  errors?: FieldErrorSchema[];
}

/** An error response of `status` for `@ApiResponse`, with the problem document as its body. */
export function problemResponse(status: number, description: string) {
  return {
    status,
    description,
    content: {
      'application/problem+json': { schema: { $ref: '#/components/schemas/ProblemResponse' } },
    },
  };
}

/**
 * An update under optimistic concurrency: the If-Match header it requires, and the 412 and 428
 * it answers when the header is stale or missing. `what` names the record (`The client`).
 */
export function ApiIfMatch(what: string): MethodDecorator {
  return applyDecorators(
    ApiHeader({
      name: 'If-Match',
      required: true,
      description: 'The ETag of the version you change.',
    }),
    ApiResponse(problemResponse(412, `${what} changed since you read it.`)),
    ApiResponse(problemResponse(428, 'If-Match is missing.')),
  );
}

/** An action that takes an optional If-Match: the header, and the 412 of a stale one. */
export function ApiOptionalIfMatch(what: string): MethodDecorator {
  return applyDecorators(
    ApiHeader({
      name: 'If-Match',
      required: false,
      description: 'The ETag of the version you act on; without it, the action is unconditional.',
    }),
    ApiResponse(problemResponse(412, `${what} changed since you read it.`)),
  );
}
