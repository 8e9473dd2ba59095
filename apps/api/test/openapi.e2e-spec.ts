import SwaggerParser from '@apidevtools/swagger-parser';
import { createTestApp, TestApp } from '@meridian/testing';

describe('OpenAPI document', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('serves a valid OpenAPI 3 document at /docs/openapi.json', async () => {
    const response = await t.http().get('/docs/openapi.json');
    expect(response.status).toBe(200);
    const document = response.body;
    await expect(SwaggerParser.validate(structuredClone(document))).resolves.toBeDefined();
    expect(document.openapi).toMatch(/^3\./);
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining(['/health/live', '/health/ready']),
    );
  });

  it('documents problem+json error responses on every operation', async () => {
    const { body: document } = await t.http().get('/docs/openapi.json');
    for (const [path, item] of Object.entries<
      Record<string, { responses: Record<string, unknown> }>
    >(document.paths)) {
      for (const [method, operation] of Object.entries(item)) {
        expect({ path, method, has500: '500' in operation.responses }).toEqual({
          path,
          method,
          has500: true,
        });
      }
    }
    expect(document.components.schemas.ProblemResponse.required).toEqual(
      expect.arrayContaining(['type', 'title', 'status', 'detail', 'code']),
    );
  });

  it('shows a session note body per discipline: oneOf with discipline as discriminator', async () => {
    const { body: document } = await t.http().get('/docs/openapi.json');
    const body =
      document.paths['/api/v1/clients/{id}/session-notes'].post.requestBody.content[
        'application/json'
      ].schema;
    expect(body.discriminator.propertyName).toBe('discipline');
    expect(Object.keys(body.discriminator.mapping).sort()).toEqual([
      'acupuncture',
      'nutrition',
      'psychology',
      'training',
    ]);
    expect(body.oneOf).toHaveLength(4);
    const schemas = document.components.schemas;
    expect(schemas.AcupunctureNoteRequest.properties.content.$ref).toBe(
      '#/components/schemas/AcupunctureContentDto',
    );
    expect(schemas.PsychologyContentDto.required).toEqual(
      expect.arrayContaining(['format', 'sections', 'riskLevel']),
    );
    expect(schemas.TrainingContentDto.properties.exercises.items.$ref).toBe(
      '#/components/schemas/ExerciseDto',
    );
  });

  it('serves the interactive documentation at /docs', async () => {
    const response = await t.http().get('/docs');
    expect(response.status).toBe(200);
    expect(response.text).toContain('swagger');
  });
});
