import { Injectable } from '@nestjs/common';
import { AuditAction, AuditLog } from '@meridian/audit';
import { Actor, RequestException } from '@meridian/core';
import { v7 as uuid } from 'uuid';
import { ClinicScaleEntity } from './clinic-scale.entity';
import {
  CreateClinicScaleDto,
  InstrumentList,
  InstrumentResponse,
  scaleResponse,
  standardInstrumentResponse,
} from './dto/instrument.dto';
import { OutcomesException } from './outcomes.exception';
import { OutcomesRepository } from './outcomes.repository';
import { findStandardInstrument, STANDARD_INSTRUMENTS, StandardInstrument } from './scoring';

/** An instrument a measurement or goal can name: a built-in questionnaire or a clinic scale. */
export type Instrument =
  | { kind: 'questionnaire'; definition: StandardInstrument }
  | { kind: 'scale'; definition: ClinicScaleEntity };

/** The catalog: PHQ-9, GAD-7 and MYMOP2 for every clinic, and each clinic's own scales. */
@Injectable()
export class InstrumentsService {
  constructor(
    private readonly outcomes: OutcomesRepository,
    private readonly audit: AuditLog,
  ) {}

  async list(): Promise<InstrumentList> {
    const scales = await this.outcomes.scales();
    return {
      data: [...STANDARD_INSTRUMENTS.map(standardInstrumentResponse), ...scales.map(scaleResponse)],
    };
  }

  /** The instrument a code names in this clinic, or null. */
  async find(code: string): Promise<Instrument | null> {
    const standard = findStandardInstrument(code);
    if (standard) return { kind: 'questionnaire', definition: standard };
    const scale = await this.outcomes.scale(code);
    return scale ? { kind: 'scale', definition: scale } : null;
  }

  async addScale(actor: Actor, input: CreateClinicScaleDto): Promise<InstrumentResponse> {
    if (input.max <= input.min) {
      throw RequestException.invalidFields([{ field: 'max', message: 'must be greater than min' }]);
    }
    const scale = await this.outcomes.insertScale({
      id: uuid(),
      code: input.code,
      name: input.name,
      unit: input.unit,
      minValue: input.min,
      maxValue: input.max,
      direction: input.direction,
      meaningfulChange: input.meaningfulChange ?? null,
      createdBy: actor.userId,
    });
    if (!scale) {
      throw OutcomesException.scaleCodeTaken(input.code);
    }
    await this.audit.record({
      action: AuditAction.Create,
      resourceType: 'instrument',
      resourceId: scale.id,
    });
    return scaleResponse(scale);
  }
}
