import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

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
