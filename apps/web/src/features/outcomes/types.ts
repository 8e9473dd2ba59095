import type { Schemas } from '../../api/client';

/** An instrument of the clinic's catalog: PHQ-9, GAD-7, MYMOP2 or one of its own scales. */
export type Instrument = Schemas['InstrumentResponse'];
/** A measurement as the API answers it: the score, band and flags are the server's. */
export type Measurement = Schemas['MeasurementResponse'];
export type RecordMeasurementBody = Schemas['RecordMeasurementDto'];
export type Plan = Schemas['TreatmentPlanResponse'];
export type Phase = Schemas['PhaseResponse'];
export type Goal = Schemas['GoalResponse'];
export type GoalProgress = Schemas['GoalProgressResponse'];

/** PHQ-9 item 9 above 0: the server raises an urgent follow-up for the psychologist. */
export const SELF_HARM_FLAG = 'self-harm-risk';
