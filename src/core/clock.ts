/**
 * Today, for the deadline notices: the real clock, or `LIFELONG_WEEK_TODAY=2023-11-20` (noon of that
 * day in the campaign's zone) so tests and demos are deterministic.
 */
export function today(env: NodeJS.ProcessEnv, timezone: string): Date {
  const day = env.LIFELONG_WEEK_TODAY;
  if (day && /^\d{4}-\d{2}-\d{2}$/.test(day)) {
    const d = new Date(`${day}T12:00:00${timezone}`);
    if (!Number.isNaN(d.getTime())) return d;
  }
  return new Date();
}

/** The campaign's zone offset (`+08:00`) in minutes east of UTC. */
export function offsetMinutes(timezone: string): number {
  const m = /^([+-])(\d{2}):(\d{2})$/.exec(timezone);
  return m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
}

/** 2023-11-28T08:42:10Z → 「2023-11-28T16:42:10+08:00」: an instant as the campaign's clerks read it. */
export function isoInZone(date: Date, timezone: string): string {
  const local = new Date(date.getTime() + offsetMinutes(timezone) * 60_000);
  return `${local.toISOString().slice(0, 19)}${timezone}`;
}
