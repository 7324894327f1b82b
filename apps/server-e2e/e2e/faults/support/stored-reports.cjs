// Run as its own process on a stopped server's data directory (embedded ClickHouse has one owner per process):
// prints every stored report id with how many rows hold it, and what the per-minute view counts, as JSON.
const { Session } = require('chdb');

const [dataDir] = process.argv.slice(2);
const session = new Session(`${dataDir}/clickhouse`);
try {
  const rows = session
    .query('SELECT lower(toString(id)) AS id, count() AS copies FROM grid_command.reports GROUP BY id', 'JSONEachRow')
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line));
  const viewed = JSON.parse(session.query('SELECT toUInt64(sum(reports)) AS total FROM grid_command.reports_per_minute', 'JSONEachRow') || '{"total":0}');
  process.stdout.write(JSON.stringify({ copiesById: Object.fromEntries(rows.map((row) => [row.id, Number(row.copies)])), viewTotal: Number(viewed.total) }));
} finally {
  session.cleanup();
}
