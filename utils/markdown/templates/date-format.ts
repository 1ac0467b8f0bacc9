/**
 * `date:"YYYY-MM-DD HH:mm"` on an ISO date or date-time. The time is formatted as written in the
 * value (a WeChat date is China time, +08:00), never moved into the reader's time zone.
 * Text in [brackets] is written as is.
 */
const ISO = /^(\d{4})-(\d\d)-(\d\d)(?:[T ](\d\d):(\d\d)(?::(\d\d))?)?/;
const TOKENS = /\[([^\]]*)\]|YYYY|MM|DD|HH|mm|ss/g;

/** The formatted date; a value that is not a date is returned unchanged (and '' stays ''). */
export function formatDate(value: string, format: string): string {
  const m = ISO.exec(value.trim());
  if (!m) return value;
  const [, YYYY, MM, DD, HH = '00', mm = '00', ss = '00'] = m;
  const parts: Record<string, string> = { YYYY: YYYY!, MM: MM!, DD: DD!, HH, mm, ss };
  return format.replace(TOKENS, (tok, literal: string | undefined) => literal ?? parts[tok]!);
}
