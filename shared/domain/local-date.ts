/**
 * Dates of record are local dates in Asia/Shanghai, whatever the PC's time zone is set to.
 * China has kept UTC+8 without summer time since 1991, so a fixed offset is exact for every date
 * the app records, and needs none of ICU's time-zone data (loading it cost start-up ~20 ms).
 */
const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;

export function shanghaiDate(instant: Date): string {
  return new Date(instant.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}
