import { Module } from '@nestjs/common';
import { AuditModule } from '@meridian/audit';
import { ClientsModule } from '@meridian/clients';
import { ClinicsModule } from '@meridian/clinics';
import { FollowUpsModule } from '@meridian/follow-ups';
import { OutcomesModule } from '@meridian/outcomes';
import { TreatmentPlansModule } from '@meridian/treatment-plans';
import { NoteCipher } from './note-cipher';
import { SessionNotesRepository } from './session-notes.repository';
import { SessionNotesService } from './session-notes.service';

/**
 * Session notes of the four disciplines, their addenda and the acupuncture point catalog.
 * Imports the plans module so that an erasure deletes plans before the notes that link them.
 */
@Module({
  imports: [
    AuditModule,
    ClientsModule,
    ClinicsModule,
    FollowUpsModule,
    OutcomesModule,
    TreatmentPlansModule,
  ],
  providers: [SessionNotesRepository, NoteCipher, SessionNotesService],
  exports: [SessionNotesRepository, SessionNotesService],
})
export class SessionNotesModule {}
