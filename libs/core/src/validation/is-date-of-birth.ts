import { IsPastDate, isPastDate } from './is-past-date';

/** A date of birth a receptionist could really have typed: from 1900 up to today. */
export const isDateOfBirth = isPastDate;
export const IsDateOfBirth = IsPastDate;
