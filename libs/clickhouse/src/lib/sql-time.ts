/** ClickHouse's text form of a UTC DateTime64(3): `2026-11-23 10:04:05.123`. Unambiguous under any input format setting. */
export function toClickHouseDateTime(instant: Date): string {
  return instant.toISOString().replace('T', ' ').replace('Z', '');
}

/** Reads ClickHouse's UTC text form back into an instant. */
export function fromClickHouseDateTime(text: string): Date {
  return new Date(`${text.replace(' ', 'T')}Z`);
}
