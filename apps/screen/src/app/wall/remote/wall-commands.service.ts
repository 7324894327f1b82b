import { Injectable } from '@angular/core';
import type { WallCommand, WallCommandKind } from '@grid-command/contracts';

type Handler<K extends WallCommandKind> = (command: Extract<WallCommand, { kind: K }>) => void;

/**
 * Where a command for this wall (from the console or `/ops`, over the socket) meets whoever carries it out: the
 * socket side calls `dispatch`, the playlist player and the loader register for the kinds they handle.
 */
@Injectable({ providedIn: 'root' })
export class WallCommands {
  private readonly handlers = new Map<WallCommandKind, Set<(command: WallCommand) => void>>();

  /** Registers `handler` for commands of `kind`; the returned function unregisters it. */
  on<K extends WallCommandKind>(kind: K, handler: Handler<K>): () => void {
    const set = this.handlers.get(kind) ?? new Set();
    const wrapped = handler as (command: WallCommand) => void;
    set.add(wrapped);
    this.handlers.set(kind, set);
    return () => set.delete(wrapped);
  }

  /** Hands the command to every handler of its kind; whether anyone handled it. */
  dispatch(command: WallCommand): boolean {
    const set = this.handlers.get(command.kind);
    if (set === undefined || set.size === 0) return false;
    for (const handler of [...set]) handler(command);
    return true;
  }
}
