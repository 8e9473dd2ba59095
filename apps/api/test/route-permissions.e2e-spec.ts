import { PATH_METADATA, METHOD_METADATA } from '@nestjs/common/constants';
import { DiscoveryService } from '@nestjs/core';
import { PUBLIC_ROUTE, REQUIRED_PERMISSION } from '@meridian/auth';
import { createTestApp, TestApp } from '@meridian/testing';

/**
 * Default deny, checked before it ships: every route of the API either is marked public or
 * names the permission it requires. A route with neither would be refused to everyone at run
 * time; this test makes the omission a failing build instead of a confused user.
 */
describe('route permissions', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('marks every route @Public() or @RequirePermission(...)', () => {
    const undeclared: string[] = [];
    let routes = 0;
    for (const wrapper of t.app.get(DiscoveryService).getControllers()) {
      const controller = wrapper.metatype as (new (...args: never[]) => unknown) | undefined;
      if (!controller) continue;
      for (const name of Object.getOwnPropertyNames(controller.prototype)) {
        const handler = controller.prototype[name as keyof typeof controller.prototype] as unknown;
        if (
          typeof handler !== 'function' ||
          Reflect.getMetadata(METHOD_METADATA, handler) === undefined
        ) {
          continue;
        }
        routes++;
        const declared = [handler, controller].some(
          (target) =>
            Reflect.getMetadata(PUBLIC_ROUTE, target) === true ||
            Reflect.getMetadata(REQUIRED_PERMISSION, target) !== undefined,
        );
        if (!declared)
          undeclared.push(
            `${controller.name}.${name} (${String(Reflect.getMetadata(PATH_METADATA, handler))})`,
          );
      }
    }
    expect(routes).toBeGreaterThan(15);
    expect(undeclared).toEqual([]);
  });

  it('documents the permission of every operation, and 401/403 where a session is needed', async () => {
    const { body: document } = await t.http().get('/docs/openapi.json');
    for (const [path, item] of Object.entries<Record<string, Record<string, unknown>>>(
      document.paths,
    )) {
      for (const [method, operation] of Object.entries(item)) {
        const permission = operation['x-permission'];
        expect({ path, method, permission: typeof permission }).toEqual({
          path,
          method,
          permission: 'string',
        });
        if (permission !== 'public') {
          const responses = operation.responses as Record<string, unknown>;
          expect({ path, method, has401: '401' in responses, has403: '403' in responses }).toEqual({
            path,
            method,
            has401: true,
            has403: true,
          });
        }
      }
    }
  });
});
