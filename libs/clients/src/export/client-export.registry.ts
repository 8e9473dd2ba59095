import { Injectable } from '@nestjs/common';

/**
 * One part of a client's export: a name and how to collect everything that part holds on
 * the client, inside the request's tenant transaction.
 */
export interface ClientExportSection {
  /** The key the section has in the export document (`consents`, `treatmentPlans`, ...). */
  name: string;
  collect(clientId: string): Promise<unknown>;
}

/**
 * Where every module that holds client data adds its section to the export (GDPR art. 15 and
 * 20, WGBO copy of the record), usually from `onModuleInit`. A module that holds client data
 * and does not register is the bug this indirection makes easy to spot in one place.
 */
@Injectable()
export class ClientExportRegistry {
  private readonly registered = new Map<string, ClientExportSection>();

  register(section: ClientExportSection): void {
    if (this.registered.has(section.name)) {
      throw new Error(`Export section "${section.name}" is registered twice`);
    }
    this.registered.set(section.name, section);
  }

  sections(): ClientExportSection[] {
    return [...this.registered.values()];
  }
}
