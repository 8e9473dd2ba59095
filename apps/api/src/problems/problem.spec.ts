import { NotFoundException } from '@nestjs/common';
import { RequestErrorCode, RequestException } from '@meridian/core';
import { ThrottlerException } from '@nestjs/throttler';
import { ErrorCode, ServiceErrorCode, statusOf, toProblem } from './problem';

describe(toProblem.name, () => {
  it('maps a domain error to its status and keeps its field errors', () => {
    const error = new RequestException(RequestErrorCode.ValidationFailed, 'bad', [
      { field: 'name', message: 'is required' },
    ]);
    expect(toProblem(error)).toEqual({
      type: 'urn:meridian:problem:request.validation-failed',
      title: 'Bad Request',
      status: 400,
      detail: 'bad',
      code: 'REQUEST.VALIDATION_FAILED',
      errors: [{ field: 'name', message: 'is required' }],
    });
  });

  it('hides the message of an unexpected error', () => {
    const problem = toProblem(new Error('password=hunter2'));
    expect(problem.status).toBe(500);
    expect(JSON.stringify(problem)).not.toContain('hunter2');
  });

  it('maps framework errors to stable codes', () => {
    expect(toProblem(new NotFoundException()).code).toBe(RequestErrorCode.RouteNotFound);
    expect(toProblem(new ThrottlerException()).status).toBe(429);
  });

  it('has a status for every code', () => {
    const codes: ErrorCode[] = [
      ...Object.values(RequestErrorCode),
      ...Object.values(ServiceErrorCode),
    ];
    for (const code of codes) expect(statusOf(code)).toBeGreaterThanOrEqual(400);
  });
});
