/**
 * The city's totals over the units that count: the one computation the workbook, the city report,
 * the leader's summary and `serve` share.
 */
import { getPath, type FieldId } from '../form/definition.js';
import type { UnitStatus } from '../inbox/roster.js';

export interface Totals {
  /** Units whose submission counts (valid, late or not). */
  unitsReporting: number;
  /** Valid and received by the deadline. */
  unitsOnTime: number;
  unitsLate: number;
  unitsInvalid: number;
  unitsMissing: number;
  activities: number;
  participants: number;
  /** Plain mean of the units' 群众满意度; null when no unit reported one. */
  satisfactionMean: number | null;
  /** Weighted by 参加活动人数: the share of all participants who were satisfied. */
  satisfactionWeighted: number | null;
}

/** Only valid units count: an invalid form's figures are not the unit's figures yet. */
export function validUnits(units: readonly UnitStatus[]): UnitStatus[] {
  return units.filter((u) => u.included && u.data);
}

export const round = (x: number, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits;
export const num = (data: Record<string, unknown> | null, id: FieldId) => {
  const v = data ? getPath(data, id) : undefined;
  return typeof v === 'number' ? v : undefined;
};

export function totals(units: readonly UnitStatus[]): Totals {
  const valid = validUnits(units);
  let activities = 0;
  let participants = 0;
  let sum = 0;
  let n = 0;
  let weighted = 0;
  let weight = 0;
  for (const u of valid) {
    activities += num(u.data, 'participation.activityCount') ?? 0;
    const people = num(u.data, 'participation.participantCount') ?? 0;
    participants += people;
    const s = num(u.data, 'reach.satisfaction');
    if (s === undefined) continue;
    sum += s;
    n += 1;
    weighted += s * people;
    weight += people;
  }
  return {
    unitsReporting: valid.length,
    unitsOnTime: valid.filter((u) => !u.late).length,
    unitsLate: units.filter((u) => u.status !== 'missing' && u.late).length,
    unitsInvalid: units.filter((u) => u.status === 'invalid').length,
    unitsMissing: units.filter((u) => u.status === 'missing').length,
    activities,
    participants,
    satisfactionMean: n ? round(sum / n) : null,
    // With no participants reported the weights say nothing: fall back to the plain mean.
    satisfactionWeighted: weight ? round(weighted / weight) : n ? round(sum / n) : null,
  };
}
