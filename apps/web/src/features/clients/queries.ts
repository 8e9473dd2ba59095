import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '../../api/client';

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
  body: Schemas['CreateClientDto'];
  idempotencyKey: string;
}

/**
 * Registers a client with the consents the desk recorded at intake, in one request: the API
 * stores the client and every consent, or nothing.
 */
export function useRegisterClient() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: Registration) =>
      unwrap(
        api.POST('/api/v1/clients', {
          body,
          params: { header: { 'Idempotency-Key': idempotencyKey } },
        }),
      ),
    onSuccess: ({ consents, ...client }) => {
      queryClient.setQueryData(clientKeys.one(client.id), client);
      queryClient.setQueryData(clientKeys.consents(client.id), { data: consents });
      void queryClient.invalidateQueries({ queryKey: clientKeys.all, predicate: isListOrSearch });
    },
  });
}

/** The lists and searches of clients, not the records already up to date. */
const isListOrSearch = (query: { queryKey: readonly unknown[] }) => query.queryKey[1] !== 'one';
