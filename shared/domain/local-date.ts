/** Dates of record are local dates in Asia/Shanghai, whatever the PC's time zone is set to. */
const SHANGHAI = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });

export function shanghaiDate(instant: Date): string {
  return SHANGHAI.format(instant);
}
