import { describe, expect, it } from '@jest/globals';
import { GroupCommit } from './group-commit';

function recorder(fail = false) {
  const groups: number[][] = [];
  const commit = async (items: readonly number[]): Promise<string[]> => {
    groups.push([...items]);
    if (fail) throw new Error('redis is down');
    return items.map((item) => `ok ${item}`);
  };
  return { groups, commit };
}

describe('GroupCommit', () => {
  it('commits submissions made within the window together and answers each its own result', async () => {
    const { groups, commit } = recorder();
    const group = new GroupCommit(commit, () => 1, { flushAfterMs: 20, maxGroupSize: 100 });
    const answers = await Promise.all([group.submit(1), group.submit(2), group.submit(3)]);
    expect(groups).toEqual([[1, 2, 3]]);
    expect(answers).toEqual(['ok 1', 'ok 2', 'ok 3']);
  });

  it('flushes at once when a group reaches its size, without waiting for the window', async () => {
    const { groups, commit } = recorder();
    const group = new GroupCommit(commit, (size: number) => size, { flushAfterMs: 60_000, maxGroupSize: 10 });
    const first = group.submit(4);
    const second = group.submit(6);
    await Promise.all([first, second]);
    expect(groups).toEqual([[4, 6]]);
    const third = group.submit(1);
    await group.drain();
    await third;
    expect(groups).toEqual([[4, 6], [1]]);
  });

  it('fails every submission of a failed group, and the next group still commits', async () => {
    const failing = new GroupCommit(recorder(true).commit, () => 1, { flushAfterMs: 1, maxGroupSize: 100 });
    const results = await Promise.allSettled([failing.submit(1), failing.submit(2)]);
    expect(results.map((result) => result.status)).toEqual(['rejected', 'rejected']);
    const { groups, commit } = recorder();
    const healthy = new GroupCommit(commit, () => 1, { flushAfterMs: 1, maxGroupSize: 100 });
    expect(await healthy.submit(7)).toBe('ok 7');
    expect(groups).toEqual([[7]]);
  });
});
