import type { TicketStore } from '@grid-command/clickhouse';
import type { TicketSnapshot } from '@grid-command/contracts';
import { describe, expect, it } from '@jest/globals';
import { TicketLookup } from './ticket-lookup';

/** Records the id lists it is asked for and answers after a delay, like a query that takes time. */
function recordingStore(known: readonly string[]) {
  const queries: string[][] = [];
  const store = {
    async findTickets(ids: readonly string[]): Promise<Map<string, TicketSnapshot>> {
      queries.push([...ids]);
      await new Promise((resolve) => setTimeout(resolve, 20));
      if (ids.includes('broken')) throw new Error('query failed');
      return new Map(ids.filter((id) => known.includes(id)).map((id) => [id, { id } as TicketSnapshot]));
    },
  };
  return { store: store as unknown as TicketStore, queries };
}

describe('TicketLookup', () => {
  it('answers requests that arrive together with one query, and those arriving meanwhile with the next', async () => {
    const { store, queries } = recordingStore(['a', 'b', 'c']);
    const lookup = new TicketLookup(store);
    const first = [lookup.find('a'), lookup.find('b'), lookup.find('a')];
    await new Promise((resolve) => setTimeout(resolve, 5));
    const later = [lookup.find('c'), lookup.find('x')];
    const answers = await Promise.all([...first, ...later]);
    expect(queries).toEqual([['a', 'b'], ['c', 'x']]);
    expect(answers.map((ticket) => ticket?.id ?? null)).toEqual(['a', 'b', 'a', 'c', null]);
  });

  it('fails only the requests of a failed query and keeps serving the next', async () => {
    const { store } = recordingStore(['a']);
    const lookup = new TicketLookup(store);
    const failed = Promise.all([lookup.find('broken'), lookup.find('a')]);
    await expect(failed).rejects.toThrow('query failed');
    expect((await lookup.find('a'))?.id).toBe('a');
  });
});
