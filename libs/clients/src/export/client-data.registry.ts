import { Injectable } from '@nestjs/common';

/**
 * One kind of data a module holds on clients: how to collect it for the client's export and
 * how to destroy what identifies the client or describes their health when an erasure is
 * executed. Both run inside the request's tenant transaction.
 */
export interface ClientDataSection {
  /** The key the section has in the export document (`consents`, `treatmentPlans`, ...). */
  name: string;
  /** Absent for data that is a copy of what other sections export (a cache, say). */
  collect?(clientId: string): Promise<unknown>;
  /** Destroys or irreversibly anonymises the section's data on the client. */
  erase(clientId: string): Promise<void>;
}

/**
 * Where every module that holds client data registers it, usually from `onModuleInit`: the
 * export (GDPR art. 15 and 20, the WGBO copy) and the erasure (GDPR art. 17, WGBO art. 455)
 * walk the same list, so a module cannot be in one and forgotten by the other.
 */
@Injectable()
export class ClientDataRegistry {
  private readonly registered = new Map<string, ClientDataSection>();

  register(section: ClientDataSection): void {
    if (this.registered.has(section.name)) {
      throw new Error(`Export section "${section.name}" is registered twice`);
    }
    this.registered.set(section.name, section);
  }

  sections(): ClientDataSection[] {
    return [...this.registered.values()];
  }
}
