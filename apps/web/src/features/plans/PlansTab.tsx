import type { Client } from '../clients/client-form';

/** Placeholder while issue 19 is built: replaced by the real tab. */
export function PlansTab(_props: { client: Client }) {
  return null;
}
