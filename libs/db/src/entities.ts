import { ClinicEntity } from '@meridian/clinics/clinic.entity';
import { OutboxEntity } from '@meridian/queue/outbox/outbox.entity';

/**
 * Every entity of the service. Entity files import nothing but TypeORM, so this list can name
 * them without making the db lib depend on the domain libs' services.
 */
export const ENTITIES = [ClinicEntity, OutboxEntity];
