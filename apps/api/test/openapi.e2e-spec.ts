import SwaggerParser from '@apidevtools/swagger-parser';
import { createTestApp, TestApp } from '@meridian/testing';
import {
  BaseResolver,
  lintDocument,
  loadConfig,
  makeDocumentFromString,
} from '@redocly/openapi-core';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  buildDocument,
  documentText,
  OPENAPI_JSON,
  OPENAPI_TYPES,
  typesOf,
} from '../../../scripts/openapi';

const REGENERATE = 'stale: run `npm run api:types` and commit what it writes';

/** `same` when the texts are equal, else the first line where they differ. */
function compare(actual: string, expected: string): string {
  if (actual === expected) return 'same';
  const [a, b] = [actual.split('\n'), expected.split('\n')];
  const line = a.findIndex((text, index) => text !== b[index]);
  const at = line === -1 ? a.length : line;
  return `${REGENERATE}; line ${at + 1} is ${JSON.stringify(a[at])}, expected ${JSON.stringify(b[at])}`;
}

type Operations = Record<string, Record<string, { 'x-permission'?: string; security?: unknown }>>;

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
    // A new note is a draft: its content may be half-written; signing asks for the whole.
    expect(schemas.AcupunctureNoteRequest.properties.content.$ref).toBe(
      '#/components/schemas/AcupunctureDraftContentDto',
    );
    expect(schemas.AcupunctureDraftContentDto.required).toBeUndefined();
    expect(schemas.PsychologyDraftContentDto.required).toEqual(['format']);
    expect(schemas.AcupunctureContentDto.required).toEqual(['chiefComplaint']);
    expect(schemas.PsychologyContentDto.required).toEqual(
      expect.arrayContaining(['format', 'sections', 'riskLevel']),
    );
    expect(schemas.TrainingContentDto.properties.exercises.items.$ref).toBe(
      '#/components/schemas/ExerciseDto',
    );
  });

  it('lints clean with Redocly’s recommended rules: no errors, no warnings', async () => {
    const { text } = await t.http().get('/docs/openapi.json');
    const config = await loadConfig({ configPath: resolve(__dirname, '../../../redocly.yaml') });
    const problems = await lintDocument({
      document: makeDocumentFromString(text, '/docs/openapi.json'),
      config,
      externalRefResolver: new BaseResolver(),
    });
    expect(
      problems.map((problem) => ({
        rule: problem.ruleId,
        severity: problem.severity,
        message: problem.message,
        at: problem.location[0]?.pointer,
      })),
    ).toEqual([]);
  });

  it('declares no credentials on public operations and the bearer token on every other', async () => {
    const { body: document } = await t.http().get('/docs/openapi.json');
    let publicOperations = 0;
    for (const [path, item] of Object.entries<Operations[string]>(document.paths)) {
      for (const [method, operation] of Object.entries(item)) {
        const isPublic = operation['x-permission'] === 'public';
        if (isPublic) publicOperations++;
        expect({ path, method, security: operation.security }).toEqual({
          path,
          method,
          security: isPublic ? [] : [{ bearer: [] }],
        });
      }
    }
    expect(publicOperations).toBeGreaterThanOrEqual(8);
  });

  it('types every parameter, so the generated client knows what to send', async () => {
    const { body: document } = await t.http().get('/docs/openapi.json');
    const untyped: string[] = [];
    for (const [path, item] of Object.entries<Record<string, { parameters?: any[] }>>(
      document.paths,
    )) {
      for (const [method, operation] of Object.entries(item)) {
        for (const parameter of operation.parameters ?? []) {
          if (!parameter.schema?.type && !parameter.schema?.$ref) {
            untyped.push(`${method} ${path} ${parameter.in} ${parameter.name}`);
          }
        }
      }
    }
    expect(untyped).toEqual([]);
  });

  it('is committed for the web app as the code builds it today, with its generated types', async () => {
    const { body: served } = await t.http().get('/docs/openapi.json');
    // The script builds it without a server or a database; it must be the served document.
    expect(documentText(await buildDocument())).toBe(documentText(served));
    const committed = readFileSync(OPENAPI_JSON, 'utf8');
    expect(compare(committed, documentText(served))).toBe('same');
    expect(compare(readFileSync(OPENAPI_TYPES, 'utf8'), await typesOf(JSON.parse(committed)))).toBe(
      'same',
    );
  });

  it('serves the interactive documentation at /docs', async () => {
    const response = await t.http().get('/docs');
    expect(response.status).toBe(200);
    expect(response.text).toContain('swagger');
  });
});
