import { Injectable, OnModuleInit } from '@nestjs/common';
import { AuditAction, AuditLog } from '@meridian/audit';
import {
  ClientDataRegistry,
  ClientsException,
  ClientsRepository,
  ClientsService,
} from '@meridian/clients';
import { Actor, notAfterToday, RequestException } from '@meridian/core';
import { JobName, Outbox } from '@meridian/queue';
import { v7 as uuid } from 'uuid';
import {
  ListMeasurementsQuery,
  MeasurementPage,
  MeasurementResponse,
  RecordMeasurementDto,
  toMeasurementResponse,
} from './dto/measurement.dto';
import { Instrument, InstrumentsService } from './instruments.service';
import { OutcomesRepository } from './outcomes.repository';
import { ScoredAnswers, scoreAnswers, scoreScaleValue, SELF_HARM_FLAG } from './scoring';

const RESOURCE = 'measurement';

/**
 * Outcome measurements. Clinical content: only the care team (or a practitioner who broke the
 * glass) reads or records them. The server scores every measurement from the answers or value
 * as given; a total from the caller is refused as an unknown field. A PHQ-9 whose item 9 is
 * above 0 asks, in the same transaction, for an urgent follow-up by the client's psychologist.
 */
@Injectable()
export class MeasurementsService implements OnModuleInit {
  constructor(
    private readonly outcomes: OutcomesRepository,
    private readonly instruments: InstrumentsService,
    private readonly clients: ClientsService,
    private readonly clientRecords: ClientsRepository,
    private readonly registry: ClientDataRegistry,
    private readonly outbox: Outbox,
    private readonly audit: AuditLog,
  ) {}

  onModuleInit(): void {
    this.registry.register({
      name: 'measurements',
      collect: async (clientId) => (await this.outcomes.allOf(clientId)).map(toMeasurementResponse),
      erase: (clientId) => this.outcomes.deleteOf(clientId),
    });
  }

  async list(
    actor: Actor,
    clientId: string,
    query: ListMeasurementsQuery,
  ): Promise<MeasurementPage> {
    if (!(await this.clientRecords.findById(clientId))) throw ClientsException.notFound();
    const access = await this.clients.requireClinicalAccess(actor, clientId);
    const page = await this.outcomes.measurements(
      clientId,
      { instrument: query.instrument },
      query.limit,
      query.cursor,
    );
    await this.audit.record({
      action: AuditAction.Read,
      resourceType: RESOURCE,
      clientId,
      purpose: access,
    });
    return { data: page.data.map(toMeasurementResponse), nextCursor: page.nextCursor };
  }

  async record(
    actor: Actor,
    clientId: string,
    input: RecordMeasurementDto,
  ): Promise<MeasurementResponse> {
    const { access, timeZone } = await this.clients.requireWritableWithAccess(actor, clientId);
    const instrument = await this.instruments.find(input.instrument);
    if (!instrument) {
      throw RequestException.invalidFields([
        { field: 'instrument', message: 'is not an instrument of this clinic' },
      ]);
    }
    const future = notAfterToday('takenOn', input.takenOn, timeZone);
    if (future.length > 0) throw RequestException.invalidFields(future);
    const scored = score(instrument, input);
    if (input.treatmentPlanId && !(await this.outcomes.isPlanOf(clientId, input.treatmentPlanId))) {
      throw RequestException.invalidFields([
        { field: 'treatmentPlanId', message: 'is not a treatment plan of this client' },
      ]);
    }
    const measurement = await this.outcomes.insertMeasurement({
      id: uuid(),
      clientId,
      instrument: input.instrument,
      answers: instrument.kind === 'questionnaire' ? (input.answers as number[]) : null,
      value: instrument.kind === 'scale' ? (input.value as number) : null,
      score: scored.score,
      band: scored.band,
      flags: scored.flags,
      takenOn: input.takenOn,
      treatmentPlanId: input.treatmentPlanId ?? null,
      recordedBy: actor.userId,
    });
    if (measurement.flags.includes(SELF_HARM_FLAG)) {
      // Ids only: the job says which measurement, the handler reads what it needs.
      await this.outbox.add(JobName.MeasurementFlagged, {
        clinicId: actor.clinicId,
        measurementId: measurement.id,
      });
    }
    await this.audit.record({
      action: AuditAction.Create,
      resourceType: RESOURCE,
      resourceId: measurement.id,
      clientId,
      purpose: access,
    });
    return toMeasurementResponse(measurement);
  }
}

/** Scores the input for its instrument: answers for a questionnaire, a value for a scale. */
function score(instrument: Instrument, input: RecordMeasurementDto): ScoredAnswers {
  if (instrument.kind === 'questionnaire') {
    if (input.value !== undefined) {
      throw RequestException.invalidFields([
        { field: 'value', message: `${instrument.definition.code} takes answers, not a value` },
      ]);
    }
    const outcome = scoreAnswers(instrument.definition, input.answers);
    if (!outcome.ok) throw RequestException.invalidFields(outcome.problems);
    return outcome.result;
  }
  if (input.answers !== undefined) {
    throw RequestException.invalidFields([
      { field: 'answers', message: `${instrument.definition.code} takes a value, not answers` },
    ]);
  }
  const outcome = scoreScaleValue(
    {
      min: instrument.definition.minValue,
      max: instrument.definition.maxValue,
      name: instrument.definition.name,
    },
    input.value,
  );
  if (!outcome.ok) throw RequestException.invalidFields(outcome.problems);
  return outcome.result;
}
