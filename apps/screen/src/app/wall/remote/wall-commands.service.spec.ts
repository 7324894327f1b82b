import { describe, expect, it } from '@jest/globals';
import { WallCommands } from './wall-commands.service';

describe('WallCommands', () => {
  it('hands a command only to the handlers of its kind, until they unregister', () => {
    const commands = new WallCommands();
    const paused: string[] = [];
    const shown: string[] = [];
    const stopPause = commands.on('pause', (command) => paused.push(command.kind));
    commands.on('show', (command) => shown.push(command.layout));

    expect(commands.dispatch({ kind: 'pause' })).toBe(true);
    expect(commands.dispatch({ kind: 'show', layout: 'leader-wall' })).toBe(true);
    stopPause();
    expect(commands.dispatch({ kind: 'pause' })).toBe(false);
    expect(commands.dispatch({ kind: 'reload' })).toBe(false);
    expect(paused).toEqual(['pause']);
    expect(shown).toEqual(['leader-wall']);
  });
});
