import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '../../api/client';
import type { ConsentMethod, ConsentType } from './consents';

type Client = Schemas['ClientResponse'];
type CreateBody = Schemas['CreateClientDto'];

/** Query keys start with the resource, so a change invalidates everything that shows it. */
export const clientKeys = {
  all: ['clients'] as const,
  one: (id: string) => ['clients', 'one', id] as const,
  consents: (clientId: string) => ['consents', clientId] as const,
};

export function useClient(id: string) {
  return useQuery({
    queryKey: clientKeys.one(id),
    queryFn: () => unwrap(api.GET('/api/v1/clients/{id}', { params: { path: { id } } })),
  });
}

/**
 * A random key per distinct body: a retry of the same registration (a double click, a
 * network failure) is answered with the first response instead of a second client, while a
 * corrected body gets a key of its own.
 */
export function idempotencyKeyFor(body: unknown, last: { body: string; key: string } | null) {
  const text = JSON.stringify(body);
  return last && last.body === text ? last : { body: text, key: crypto.randomUUID() };
}

export interface Registration {
  body: CreateBody & { consents: { type: ConsentType; method: ConsentMethod }[] };
  idempotencyKey: string;
}

/** Registers a client with the consents the desk recorded at intake. */
export function useRegisterClient() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ body, idempotencyKey }: Registration): Promise<Client> => {
      const { consents, ...client } = body;
      const created = await unwrap(
        api.POST('/api/v1/clients', {
          body: client,
          params: { header: { 'Idempotency-Key': idempotencyKey } },
        }),
      );
      for (const consent of consents) {
        await unwrap(
          api.POST('/api/v1/clients/{id}/consents', {
            params: { path: { id: created.id } },
            body: consent,
          }),
        );
      }
      return created;
    },
    onSuccess: (client) => {
      queryClient.setQueryData(clientKeys.one(client.id), client);
      void queryClient.invalidateQueries({ queryKey: clientKeys.all });
    },
  });
}
