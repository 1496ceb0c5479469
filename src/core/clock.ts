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
